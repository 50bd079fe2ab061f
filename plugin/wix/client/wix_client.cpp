#include "client/wix_client.h"

#include <Poco/JSON/Array.h>

#include <sstream>

#include "estore/sdk/json_access.h"
#include "estore/sdk/redaction.h"

namespace estore::wix {

const char* catalogVersionName(CatalogVersion v) {
    switch (v) {
        case CatalogVersion::V1: return "V1";
        case CatalogVersion::V3: return "V3";
        case CatalogVersion::StoresNotInstalled: return "NONE";
    }
    return "NONE";
}

WixClient::WixClient(const std::string& baseUrl, const sdk::HttpClientOptions& options, std::string apiKey,
                     std::string siteId, CallPolicy policy)
    : _http(baseUrl, options), _apiKey(std::move(apiKey)), _siteId(std::move(siteId)), _pacer(policy) {}

namespace {

/// Worth another try within the same job: Wix busy or down, a lost or garbled answer. Not TLS (a
/// certificate does not fix itself in seconds), not 4xx.
bool retryable(const host_api::Outcome& o) {
    return o.retryable() && o.code != "wix.tls";
}

}  // namespace

WixAnswer WixClient::call(WixCall which, const std::string& method, const std::string& target,
                          const std::string& body, sdk::JsonDocument* into) {
    WixAnswer answer;
    for (int attempt = 1;; ++attempt) {
        _pacer.acquire();
        answer = callOnce(which, method, target, body, into);
        if (answer.outcome.ok() || !retryable(answer.outcome) || attempt >= _pacer.policy().maxAttempts)
            break;
        _pacer.backOff(attempt);
    }
    return answer;
}

WixAnswer WixClient::callOnce(WixCall which, const std::string& method, const std::string& target,
                              const std::string& body, sdk::JsonDocument* into) {
    ++_requestsSent;
    sdk::HttpRequest request;
    request.method = method;
    request.target = target;
    request.body = body;
    request.headers = {{"Authorization", _apiKey}, {"wix-site-id", _siteId}};
    WixAnswer answer;
    answer.http = _http.send(request);
    const int status = answer.http.response.status;
    if (!answer.http.delivered() || status < 200 || status >= 300) scrubKey(answer.http);
    answer.outcome = outcomeFromHttp(answer.http, which);
    if (!answer.outcome.ok()) return answer;
    std::string why;
    if (into) {
        if (into->parse(answer.http.response.body, why)) return answer;
    } else {
        sdk::JsonParse parsed = sdk::parseJsonObject(answer.http.response.body);
        answer.body = parsed.object;
        if (parsed.ok()) return answer;
        why = parsed.error;
    }
    scrubKey(answer.http);
    answer.outcome = unexpectedBody(which, answer.http, why);
    return answer;
}

void WixClient::expectMember(WixAnswer& answer, WixCall call, const sdk::JsonDocument& into, const char* key,
                             bool array) {
    if (!answer.outcome.ok()) return;
    const bool present = array ? sdk::jsonArrayAt(into.root(), key).has_value()
                               : sdk::jsonObjectAt(into.root(), key).has_value();
    if (!present)
        answer.outcome =
            unexpectedBody(call, answer.http, std::string("no '") + key + (array ? "' array" : "' object"));
}

void WixClient::scrubKey(sdk::HttpResult& result) const {
    // Before an error's detail is cut to an excerpt: a cut key would leave a prefix no later scrub finds.
    result.response.body = sdk::redactSecret(result.response.body, _apiKey);
    result.detail = sdk::redactSecret(result.detail, _apiKey);
}

WixAnswer WixClient::siteProperties(SiteProperties& out) {
    WixAnswer a =
        call(WixCall::SiteProperties, "GET",
             "/site-properties/v4/properties?fields.paths=businessName&fields.paths=paymentCurrency");
    if (!a.outcome.ok()) return a;
    if (!a.body->getObject("properties")) {
        a.outcome = unexpectedBody(WixCall::SiteProperties, a.http, "no 'properties' object");
        return a;
    }
    // Both are optional in Wix: a site without a business name still works; the currency may be unset.
    out.businessName = sdk::stringAt(a.body, "properties.businessName").value_or("");
    out.currency = sdk::stringAt(a.body, "properties.paymentCurrency").value_or("");
    return a;
}

WixAnswer WixClient::catalogVersion(CatalogVersion& out) {
    WixAnswer a = call(WixCall::CatalogVersion, "GET", "/stores/v3/provision/version");
    if (!a.outcome.ok()) return a;
    const std::string version = sdk::stringAt(a.body, "catalogVersion").value_or("");
    if (version == "V1_CATALOG")
        out = CatalogVersion::V1;
    else if (version == "V3_CATALOG")
        out = CatalogVersion::V3;
    else if (version == "STORES_NOT_INSTALLED")
        out = CatalogVersion::StoresNotInstalled;
    else
        a.outcome =
            unexpectedBody(WixCall::CatalogVersion, a.http, "unknown catalogVersion '" + version + "'");
    return a;
}

WixAnswer WixClient::searchOrders(int limit) {
    const std::string body = R"({"search":{"cursorPaging":{"limit":)" + std::to_string(limit) + "}}}";
    WixAnswer a = call(WixCall::OrdersSearch, "POST", "/ecom/v1/orders/search", body);
    if (a.outcome.ok() && !a.body->getArray("orders"))
        a.outcome = unexpectedBody(WixCall::OrdersSearch, a.http, "no 'orders' array");
    return a;
}

WixAnswer WixClient::searchOrders(const std::string& body, sdk::JsonDocument& into) {
    WixAnswer a = call(WixCall::OrdersSearch, "POST", "/ecom/v1/orders/search", body, &into);
    expectMember(a, WixCall::OrdersSearch, into, "orders", true);
    return a;
}

WixAnswer WixClient::getOrder(const std::string& orderId, sdk::JsonDocument& into) {
    WixAnswer a = call(WixCall::OrderGet, "GET", "/ecom/v1/orders/" + orderId, {}, &into);
    expectMember(a, WixCall::OrderGet, into, "order", false);
    return a;
}

WixAnswer WixClient::listTransactions(const std::vector<std::string>& orderIds, sdk::JsonDocument& into) {
    Poco::JSON::Array::Ptr ids = new Poco::JSON::Array;
    for (const auto& id : orderIds) ids->add(id);
    Poco::JSON::Object request;
    request.set("orderIds", ids);
    std::ostringstream body;
    request.stringify(body);
    WixAnswer a = call(WixCall::Transactions, "POST", "/ecom/v1/payments/list-by-ids", body.str(), &into);
    expectMember(a, WixCall::Transactions, into, "orderTransactions", true);
    return a;
}

WixAnswer WixClient::tipOfOrder(const std::string& orderId, std::string& tipId) {
    WixAnswer a = call(WixCall::Tips, "GET", "/tips/v1/tips/order/" + orderId);
    if (!a.outcome.ok()) return a;
    tipId = sdk::stringAt(a.body, "tip.id").value_or("");
    if (tipId.empty()) a.outcome = unexpectedBody(WixCall::Tips, a.http, "no 'tip.id'");
    return a;
}

WixAnswer WixClient::readInventory(CatalogVersion version) {
    WixAnswer a;
    if (version == CatalogVersion::V3) {
        a = call(WixCall::InventoryRead, "POST", "/stores/v3/inventory-items/query",
                 R"({"query":{"cursorPaging":{"limit":1}}})");
    } else {
        // V1 filters and sorts are JSON strings; paging is by offset (reference §7).
        a = call(WixCall::InventoryRead, "POST", "/stores/v2/inventoryItems/query",
                 R"({"query":{"paging":{"limit":1,"offset":0}}})");
    }
    if (a.outcome.ok() && !a.body->getArray("inventoryItems"))
        a.outcome = unexpectedBody(WixCall::InventoryRead, a.http, "no 'inventoryItems' array");
    return a;
}

namespace {

/// The answer must carry the array the call documents; anything else is an unexpected body.
void requireArray(WixAnswer& a, WixCall call, const char* name) {
    if (a.outcome.ok() && !a.body->getArray(name))
        a.outcome = unexpectedBody(call, a.http, std::string("no '") + name + "' array");
}

}  // namespace

WixAnswer WixClient::queryProductsV1(const std::string& body) {
    WixAnswer a = call(WixCall::ProductsRead, "POST", "/stores/v1/products/query", body);
    requireArray(a, WixCall::ProductsRead, "products");
    return a;
}

WixAnswer WixClient::updateInventoryV1(const std::string& productId, const std::string& body) {
    return call(WixCall::InventoryWrite, "PATCH", "/stores/v2/inventoryItems/product/" + productId, body);
}

WixAnswer WixClient::queryInventoryV3(const std::string& body) {
    WixAnswer a = call(WixCall::InventoryRead, "POST", "/stores/v3/inventory-items/query", body);
    requireArray(a, WixCall::InventoryRead, "inventoryItems");
    return a;
}

WixAnswer WixClient::bulkUpdateInventoryV3(const std::string& body) {
    WixAnswer a = call(WixCall::InventoryWrite, "POST", "/stores/v3/bulk/inventory-items/update", body);
    requireArray(a, WixCall::InventoryWrite, "results");
    return a;
}

}  // namespace estore::wix

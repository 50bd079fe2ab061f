#include "wix_sandbox/server/control_api.h"

#include <optional>

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>

#include "wix_sandbox/catalog/catalog_spec_json.h"
#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/money.h"
#include "wix_sandbox/orders/order_changer.h"
#include "wix_sandbox/server/model_json.h"
#include "wix_sandbox/server/sandbox.h"

namespace wix_sandbox {

namespace {

const std::string kOrdersPrefix = "/_sandbox/orders/";

Poco::JSON::Array::Ptr toArray(const std::vector<std::string>& values) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const std::string& value : values) array->add(value);
    return array;
}

}  // namespace

ControlApi::ControlApi(Sandbox& sandbox) : _sandbox(sandbox) {}

HttpReply ControlApi::handle(const WixRequest& request) {
    const std::string& method = request.method;
    const std::string& path = request.path;
    const std::string& body = request.body;
    try {
        if (path == "/_sandbox/state" && method == "GET") return state();
        if (path == "/_sandbox/sites" && method == "POST") return addSite(body);
        if (path == "/_sandbox/keys" && method == "POST") return addKey(body);
        if (path == "/_sandbox/keys/revoke" && method == "POST") return revokeKey(body);
        if (path == "/_sandbox/orders" && method == "POST") return addOrders(body);
        if (path == "/_sandbox/orders/place" && method == "POST") return placeOrder(body);
        if (path.rfind(kOrdersPrefix, 0) == 0 && method == "POST") return changeOrder(path, body);
        if (path == "/_sandbox/faults" && method == "POST") return addFault(body);
        if (path == "/_sandbox/faults" && method == "DELETE") return clearFaults();
        if (path == "/_sandbox/stats" && method == "GET") return stats();
        if (path == "/_sandbox/stats" && method == "DELETE") return resetStats();
        if (path == "/_sandbox/automations" && method == "POST") return addAutomation(body);
        if (path == "/_sandbox/automations" && method == "DELETE") return clearAutomations();
        if (path == "/_sandbox/automations/deliveries" && method == "GET") return automationStats();
        if (path == "/_sandbox/catalog" && method == "POST") return putCatalog(body);
        if (path == "/_sandbox/catalog" && method == "GET") return catalog(request);
        if (path == "/_sandbox/catalog/stock" && method == "GET") return stock(request);
        if (path == "/_sandbox/catalog/stock" && method == "POST") return changeStock(body);
        if (path == "/_sandbox/catalog/revision" && method == "POST") return bumpRevision(body);
        if (path == "/_sandbox/catalog/failures" && method == "POST") return failInventoryUpdates(body);
        if (path == "/_sandbox/catalog/failures" && method == "DELETE") return clearInventoryFailures();
        HttpReply reply = badRequest("unknown control route " + method + " " + path);
        reply.status = 404;
        return reply;
    } catch (const Poco::NotFoundException& error) {
        HttpReply reply = badRequest(error.displayText());
        reply.status = 404;
        return reply;
    } catch (const Poco::Exception& error) {
        return badRequest(error.displayText());
    }
}

HttpReply ControlApi::state() const {
    Poco::JSON::Array::Ptr sites = new Poco::JSON::Array;
    for (const SiteInfo& site : _sandbox.sites()) {
        Poco::JSON::Object::Ptr json = ModelJson::siteToJson(site);
        json->set("orderCount", _sandbox.orderCount(site.siteId));
        json->set("catalog", CatalogSpecJson::summaryToJson(_sandbox.catalogSummary(site.siteId)));
        sites->add(json);
    }
    Poco::JSON::Array::Ptr keys = new Poco::JSON::Array;
    for (const ApiKeyInfo& key : _sandbox.keys()) keys->add(ModelJson::keyToJson(key));
    Poco::JSON::Object::Ptr json = JsonBody::object();
    json->set("defaultSiteId", _sandbox.defaultSite().siteId);
    json->set("defaultApiKey", _sandbox.defaultApiKey());
    json->set("sites", sites);
    json->set("keys", keys);
    return ok(JsonBody::stringify(json));
}

HttpReply ControlApi::addSite(const std::string& body) {
    Poco::JSON::Object::Ptr json = JsonBody::parseObjectStrict(body);
    // Without a siteId the site is generated (new account), with the given fields on top.
    SiteInfo site = ModelJson::siteFromJson(json, json->has("siteId") ? SiteInfo{} : _sandbox.newSite());
    // "catalog" as in the config file, parsed before anything is stored so one that does not parse
    // changes nothing.
    std::optional<CatalogSeed> catalog;
    if (Poco::JSON::Object::Ptr spec = json->getObject("catalog"))
        catalog = CatalogSpecJson::seedFromJson(spec);
    _sandbox.addSite(site);
    std::vector<std::string> orderIds = _sandbox.generateOrders(site.siteId, json->optValue("orders", 0));
    Poco::JSON::Object::Ptr result = JsonBody::object();
    result->set("site", ModelJson::siteToJson(site));
    result->set("orderIds", toArray(orderIds));
    if (catalog) {
        catalog->siteId = site.siteId;
        result->set("catalog", CatalogSpecJson::summaryToJson(_sandbox.applyCatalog(*catalog)));
    }
    return ok(JsonBody::stringify(result));
}

HttpReply ControlApi::addKey(const std::string& body) {
    ApiKeyInfo key = ModelJson::keyFromJson(JsonBody::parseObjectStrict(body));
    if (key.key.empty()) key.key = _sandbox.newKeyValue(key.accountId);
    _sandbox.addKey(key);
    Poco::JSON::Object::Ptr result = JsonBody::object();
    result->set("key", ModelJson::keyToJson(key));
    return ok(JsonBody::stringify(result));
}

HttpReply ControlApi::revokeKey(const std::string& body) {
    const std::string key = JsonBody::parseObjectStrict(body)->optValue<std::string>("key", "");
    if (!_sandbox.revokeKey(key)) {
        HttpReply reply = badRequest("unknown API key");
        reply.status = 404;
        return reply;
    }
    return ok("{\"revoked\":true}");
}

HttpReply ControlApi::addOrders(const std::string& body) {
    Poco::JSON::Object::Ptr json = JsonBody::parseObjectStrict(body);
    const std::string siteId = json->getValue<std::string>("siteId");
    std::vector<std::string> ids;
    if (Poco::JSON::Object::Ptr order = json->getObject("order"))
        ids.push_back(_sandbox.addOrder(siteId, JsonBody::stringify(order)));
    else
        ids = _sandbox.generateOrders(siteId, json->optValue("generate", 1),
                                      json->optValue<std::string>("status", "APPROVED"));
    Poco::JSON::Object::Ptr result = JsonBody::object();
    result->set("orderIds", toArray(ids));
    return ok(JsonBody::stringify(result));
}

HttpReply ControlApi::placeOrder(const std::string& body) {
    Poco::JSON::Object::Ptr json = JsonBody::parseObjectStrict(body.empty() ? "{}" : body);
    const std::string siteId = siteOf(json);
    const std::string id = _sandbox.placeOrder(siteId);
    return ok("{\"orderId\":\"" + id + "\",\"order\":" + _sandbox.orderJson(siteId, id) + "}");
}

HttpReply ControlApi::changeOrder(const std::string& path, const std::string& body) {
    const std::string rest = path.substr(kOrdersPrefix.size());
    const std::size_t slash = rest.find('/');
    if (slash != std::string::npos && rest.substr(slash + 1) == "tip")
        return tipOrder(rest.substr(0, slash), body);
    const std::optional<OrderChange> change =
        slash == std::string::npos ? std::nullopt : OrderChanger::parse(rest.substr(slash + 1));
    if (!change) throw Poco::NotFoundException("unknown control route POST " + path);
    Poco::JSON::Object::Ptr json = JsonBody::parseObjectStrict(body.empty() ? "{}" : body);
    const std::string order =
        _sandbox.changeOrder(siteOf(json), rest.substr(0, slash), *change, refundOf(json));
    return ok("{\"order\":" + order + "}");
}

HttpReply ControlApi::tipOrder(const std::string& orderId, const std::string& body) {
    Poco::JSON::Object::Ptr json = JsonBody::parseObjectStrict(body.empty() ? "{}" : body);
    const std::string amount = json->optValue<std::string>("amount", "");
    if (amount.empty()) throw Poco::InvalidArgumentException("a tip needs an amount");
    return ok("{\"order\":" + _sandbox.tipOrder(siteOf(json), orderId, amount) + "}");
}

RefundRequest ControlApi::refundOf(const Poco::JSON::Object::Ptr& body) {
    RefundRequest refund;
    const std::string amount = body->optValue<std::string>("amount", "");
    if (!amount.empty()) {
        refund.cents = Money::parseCents(amount);
        if (!refund.cents) throw Poco::InvalidArgumentException("not an amount", amount);
    }
    if (Poco::JSON::Array::Ptr items = body->getArray("lineItems"))
        for (std::size_t i = 0; i < items->size(); ++i) {
            Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
            if (!item)
                throw Poco::InvalidArgumentException("lineItems[" + std::to_string(i) + "] is not an object");
            refund.items.push_back(
                {item->optValue<std::string>("lineItemId", ""), item->optValue("quantity", 1L)});
        }
    refund.shipping = body->optValue("shipping", false);
    return refund;
}

std::string ControlApi::siteOf(const Poco::JSON::Object::Ptr& body) const {
    const std::string siteId = body->optValue<std::string>("siteId", "");
    return siteId.empty() ? _sandbox.defaultSite().siteId : siteId;
}

HttpReply ControlApi::addFault(const std::string& body) {
    Fault fault = ModelJson::faultFromJson(JsonBody::parseObjectStrict(body));
    _sandbox.injectFault(fault);
    Poco::JSON::Object::Ptr result = JsonBody::object();
    result->set("fault", ModelJson::faultToJson(fault));
    return ok(JsonBody::stringify(result));
}

HttpReply ControlApi::clearFaults() {
    _sandbox.clearFaults();
    return ok("{}");
}

HttpReply ControlApi::stats() const {
    return ok(JsonBody::stringify(ModelJson::statsToJson(_sandbox.stats())));
}

HttpReply ControlApi::resetStats() {
    _sandbox.resetStats();
    return ok("{}");
}

HttpReply ControlApi::addAutomation(const std::string& body) {
    Automation automation = ModelJson::automationFromJson(JsonBody::parseObjectStrict(body));
    if (automation.siteId.empty()) automation.siteId = _sandbox.defaultSite().siteId;
    _sandbox.addAutomation(automation);
    Poco::JSON::Object::Ptr result = JsonBody::object();
    result->set("automation", ModelJson::automationToJson(automation));
    return ok(JsonBody::stringify(result));
}

HttpReply ControlApi::clearAutomations() {
    _sandbox.clearAutomations();
    return ok("{}");
}

HttpReply ControlApi::automationStats() const {
    return ok(JsonBody::stringify(ModelJson::automationStatsToJson(_sandbox.automationStats())));
}

HttpReply ControlApi::putCatalog(const std::string& body) {
    CatalogSeed seed = CatalogSpecJson::seedFromJson(JsonBody::parseObjectStrict(body));
    if (seed.siteId.empty()) seed.siteId = _sandbox.defaultSite().siteId;
    Poco::JSON::Object::Ptr result = JsonBody::object();
    result->set("summary", CatalogSpecJson::summaryToJson(_sandbox.applyCatalog(seed)));
    if (seed.generateSkus >= 0) return ok(JsonBody::stringify(result));
    Poco::JSON::Array::Ptr products = new Poco::JSON::Array;
    for (const CatalogProduct& product : _sandbox.catalogProducts(seed.siteId))
        products->add(CatalogSpecJson::productToJson(product));
    result->set("products", products);
    return ok(JsonBody::stringify(result));
}

HttpReply ControlApi::catalog(const WixRequest& request) const {
    std::string siteId = param(request, "siteId");
    if (siteId.empty()) siteId = _sandbox.defaultSite().siteId;
    Poco::JSON::Array::Ptr products = new Poco::JSON::Array;
    for (const CatalogProduct& product : _sandbox.catalogProducts(siteId))
        products->add(CatalogSpecJson::productToJson(product));
    Poco::JSON::Object::Ptr result = JsonBody::object();
    result->set("summary", CatalogSpecJson::summaryToJson(_sandbox.catalogSummary(siteId)));
    result->set("products", products);
    return ok(JsonBody::stringify(result));
}

HttpReply ControlApi::stock(const WixRequest& request) const {
    std::string siteId = param(request, "siteId");
    if (siteId.empty()) siteId = _sandbox.defaultSite().siteId;
    std::vector<StockLevel> levels;
    const std::string sku = param(request, "sku");
    const std::string itemId = param(request, "itemId");
    const std::string productId = param(request, "productId");
    if (!itemId.empty())
        levels.push_back(_sandbox.stockOfItem(siteId, itemId));
    else if (!productId.empty())
        levels.push_back(_sandbox.stockOf(siteId, productId, param(request, "variantId")));
    else if (!sku.empty())
        levels = _sandbox.stockBySku(siteId, sku);
    else
        levels = _sandbox.stock(siteId);
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const StockLevel& level : levels) array->add(CatalogSpecJson::stockToJson(level));
    Poco::JSON::Object::Ptr result = JsonBody::object();
    result->set("stock", array);
    return ok(JsonBody::stringify(result));
}

HttpReply ControlApi::changeStock(const std::string& body) {
    Poco::JSON::Object::Ptr json = JsonBody::parseObjectStrict(body);
    const std::string key = json->optValue<std::string>("itemId", json->optValue<std::string>("sku", ""));
    StockLevel level;
    if (json->has("quantity"))
        level = _sandbox.setQuantity(siteOf(json), key, json->getValue<long>("quantity"));
    else if (json->has("inStock"))
        level = _sandbox.setInStock(siteOf(json), key, json->getValue<bool>("inStock"));
    else
        throw Poco::InvalidArgumentException("a stock change needs quantity or inStock");
    Poco::JSON::Object::Ptr result = JsonBody::object();
    result->set("stock", CatalogSpecJson::stockToJson(level));
    return ok(JsonBody::stringify(result));
}

HttpReply ControlApi::bumpRevision(const std::string& body) {
    Poco::JSON::Object::Ptr json = JsonBody::parseObjectStrict(body);
    const std::string key = json->optValue<std::string>("itemId", json->optValue<std::string>("sku", ""));
    Poco::JSON::Object::Ptr result = JsonBody::object();
    result->set("stock", CatalogSpecJson::stockToJson(_sandbox.bumpRevision(siteOf(json), key)));
    return ok(JsonBody::stringify(result));
}

HttpReply ControlApi::failInventoryUpdates(const std::string& body) {
    Poco::JSON::Object::Ptr json = JsonBody::parseObjectStrict(body);
    _sandbox.failInventoryUpdates(siteOf(json), json->getValue<std::string>("itemId"),
                                  json->optValue<std::string>("code", "INTERNAL_ERROR"),
                                  json->optValue("count", 1));
    return ok("{}");
}

HttpReply ControlApi::clearInventoryFailures() {
    _sandbox.clearInventoryFailures();
    return ok("{}");
}

std::string ControlApi::param(const WixRequest& request, const std::string& name) {
    for (const auto& [key, value] : request.query)
        if (key == name) return value;
    return "";
}

HttpReply ControlApi::ok(const std::string& body) {
    return HttpReply{200, body, "application/json", {}};
}

HttpReply ControlApi::badRequest(const std::string& message) {
    Poco::JSON::Object::Ptr json = JsonBody::object();
    json->set("message", message);
    return HttpReply{400, JsonBody::stringify(json), "application/json", {}};
}

}  // namespace wix_sandbox

#include "wix_sandbox/inventory_v1_endpoint.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include "wix_sandbox/json_body.h"
#include "wix_sandbox/wix_errors.h"
#include "wix_sandbox/wix_failure.h"

namespace wix_sandbox {

namespace {

[[noreturn]] void reject(const std::string& field, const std::string& description, const std::string& rule) {
    throw WixFailure(WixErrors::validationError(field + " " + description, field, description, rule));
}

int intMember(const Poco::JSON::Object::Ptr& object, const std::string& key, int fallback,
              const std::string& field) {
    if (!object || !object->has(key) || object->isNull(key)) return fallback;
    try {
        return object->getValue<int>(key);
    } catch (const Poco::Exception&) {
        reject(field, "must be an integer", "TYPE");
    }
}

}  // namespace

InventoryV1Endpoint::InventoryV1Endpoint(const InventoryStore& inventory)
    : WixEndpoint(EndpointSpec{"POST",
                               "/stores/v2/inventoryItems/query",
                               {"SCOPE.DC-STORES.READ-PRODUCTS"},
                               true,
                               CatalogVersion::V1}),
      _inventory(inventory) {}

HttpReply InventoryV1Endpoint::handle(const WixRequest& request, const SiteInfo& site) {
    Poco::JSON::Object::Ptr body = JsonBody::parseObject(request.body);
    Poco::JSON::Object::Ptr query = body->getObject("query");
    if (!query) query = JsonBody::object();
    validateFilter(query);
    Poco::JSON::Object::Ptr paging = query->getObject("paging");
    const int limit = intMember(paging, "limit", kMaxLimit, "query.paging.limit");
    const int offset = intMember(paging, "offset", 0, "query.paging.offset");
    if (limit < 1) reject("query.paging.limit", "must be at least 1", "MIN");
    if (limit > kMaxLimit) reject("query.paging.limit", "must be at most 100", "MAX");
    if (offset < 0) reject("query.paging.offset", "must not be negative", "MIN");

    std::vector<std::string> items = _inventory.items(site.siteId);
    std::string out = "{\"inventoryItems\":[";
    for (std::size_t i = static_cast<std::size_t>(offset), n = 0;
         i < items.size() && n < static_cast<std::size_t>(limit); ++i, ++n) {
        if (n) out += ',';
        out += items[i];
    }
    // metadata.items echoes the page size, not the count: Wix's example shows 100 with totalResults 2 (§7).
    out += "],\"metadata\":{\"items\":" + std::to_string(limit) + ",\"offset\":" + std::to_string(offset) +
           "},\"totalResults\":" + std::to_string(items.size()) + "}";
    return HttpReply{200, out, "application/json", {}};
}

void InventoryV1Endpoint::validateFilter(const Poco::JSON::Object::Ptr& query) {
    // V1 filters are JSON-encoded strings, not objects (§5, §7): an object is the classic mistake.
    for (const char* key : {"filter", "sort"}) {
        if (!query->has(key) || query->isNull(key)) continue;
        Poco::Dynamic::Var value = query->get(key);
        const std::string field = std::string("query.") + key;
        if (!value.isString()) reject(field, "must be a JSON-encoded string", "TYPE");
        try {
            std::string text = value.toString();
            if (!text.empty()) {
                Poco::JSON::Parser parser;
                parser.parse(text);
            }
        } catch (const Poco::Exception&) {
            reject(field, "is not valid JSON", "FORMAT");
        }
    }
}

}  // namespace wix_sandbox

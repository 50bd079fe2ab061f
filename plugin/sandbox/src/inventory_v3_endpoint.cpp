#include "wix_sandbox/inventory_v3_endpoint.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>

#include "wix_sandbox/cursor_codec.h"
#include "wix_sandbox/json_body.h"
#include "wix_sandbox/wix_errors.h"
#include "wix_sandbox/wix_failure.h"

namespace wix_sandbox {

namespace {

[[noreturn]] void reject(const std::string& field, const std::string& description, const std::string& rule) {
    throw WixFailure(WixErrors::validationError(field + " " + description, field, description, rule));
}

int limitOf(const Poco::JSON::Object::Ptr& paging) {
    if (!paging || !paging->has("limit") || paging->isNull("limit"))
        return InventoryV3Endpoint::kDefaultLimit;
    int limit = 0;
    try {
        limit = paging->getValue<int>("limit");
    } catch (const Poco::Exception&) {
        reject("query.cursorPaging.limit", "must be an integer", "TYPE");
    }
    if (limit < 1) reject("query.cursorPaging.limit", "must be at least 1", "MIN");
    if (limit > InventoryV3Endpoint::kMaxLimit)
        reject("query.cursorPaging.limit", "must be at most 1000", "MAX");
    return limit;
}

/// Where the page starts: 0, or the offset a previous page's cursor carries.
std::size_t startOf(const Poco::JSON::Object::Ptr& query, const Poco::JSON::Object::Ptr& paging) {
    std::string cursor = paging ? paging->optValue<std::string>("cursor", "") : "";
    Poco::JSON::Object::Ptr filter = query->getObject("filter");
    if (query->has("filter") && !query->isNull("filter") && !filter)
        reject("query.filter", "must be an object", "TYPE");
    if (cursor.empty()) return 0;
    if (filter && filter->size() > 0)
        reject("query.cursorPaging.cursor", "cannot be combined with filter or sort", "CURSOR_WITH_QUERY");
    CursorCodec::State state = CursorCodec::decode(cursor);
    try {
        return state.after.empty() ? 0 : std::stoul(state.after.front());
    } catch (const std::exception&) {
        reject("query.cursorPaging.cursor", "is not valid", "FORMAT");
    }
}

}  // namespace

InventoryV3Endpoint::InventoryV3Endpoint(const InventoryStore& inventory)
    : WixEndpoint(EndpointSpec{"POST",
                               "/stores/v3/inventory-items/query",
                               {"SCOPE.STORES.INVENTORY_ITEM_READ"},
                               true,
                               CatalogVersion::V3}),
      _inventory(inventory) {}

HttpReply InventoryV3Endpoint::handle(const WixRequest& request, const SiteInfo& site) {
    Poco::JSON::Object::Ptr body = JsonBody::parseObject(request.body);
    Poco::JSON::Object::Ptr query = body->getObject("query");
    if (!query) query = JsonBody::object();
    Poco::JSON::Object::Ptr paging = query->getObject("cursorPaging");
    const std::size_t limit = static_cast<std::size_t>(limitOf(paging));
    const std::size_t start = startOf(query, paging);

    std::vector<std::string> items = _inventory.items(site.siteId);
    std::string out = "{\"inventoryItems\":[";
    std::size_t count = 0;
    for (std::size_t i = start; i < items.size() && count < limit; ++i, ++count) {
        if (count) out += ',';
        out += items[i];
    }
    const bool hasNext = start + count < items.size();
    Poco::JSON::Object::Ptr cursors = JsonBody::object();
    if (hasNext) cursors->set("next", CursorCodec::encode({"", "", {std::to_string(start + count)}}));
    Poco::JSON::Object::Ptr metadata = JsonBody::object();
    metadata->set("count", static_cast<int>(count));
    metadata->set("cursors", cursors);
    metadata->set("hasNext", hasNext);
    out += "],\"pagingMetadata\":" + JsonBody::stringify(metadata) + "}";
    return HttpReply{200, out, "application/json", {}};
}

}  // namespace wix_sandbox

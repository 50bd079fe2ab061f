#include "wix_sandbox/catalog/inventory_v1_endpoint.h"

#include <algorithm>

#include "wix_sandbox/catalog/catalog_json.h"
#include "wix_sandbox/catalog/v1_query.h"
#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/request_fields.h"

namespace wix_sandbox {

namespace {

const CatalogFilter::Allowed kAllowed = {
    {"id", {"$eq", "$ne", "$in", "$hasSome", "$nin"}},
    {"productId", {"$eq", "$ne", "$in", "$hasSome", "$nin"}},
    {"externalId", {"$eq", "$ne", "$in", "$hasSome", "$nin"}},
    {"numericId", {"$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$hasSome", "$nin"}},
    {"trackQuantity", {"$eq", "$ne"}},
    {"lastUpdated", {"$eq", "$gt", "$gte", "$lt", "$lte"}},
};

void valuesOf(const CatalogProduct& product, const std::string& field, std::vector<std::string>& out) {
    if (field == "id") out.push_back(product.inventoryItemId);
    if (field == "productId" || field == "externalId") out.push_back(product.id);
    if (field == "numericId") out.push_back(product.numericId);
    if (field == "trackQuantity") out.push_back(product.variants.front().trackQuantity ? "true" : "false");
    if (field == "lastUpdated") out.push_back(product.lastUpdated);
}

}  // namespace

InventoryV1Endpoint::InventoryV1Endpoint(const CatalogStore& catalog)
    : WixEndpoint(EndpointSpec{"POST",
                               "/stores/v2/inventoryItems/query",
                               {"SCOPE.DC-STORES.READ-PRODUCTS"},
                               true,
                               CatalogVersion::V1}),
      _catalog(catalog) {}

HttpReply InventoryV1Endpoint::handle(const WixRequest& request, const SiteInfo& site) {
    Poco::JSON::Object::Ptr body = JsonBody::parseObject(request.body);
    Poco::JSON::Object::Ptr query = RequestFields::object(body, "query", "query");
    const V1Query::Request paging = V1Query::read(query, kAllowed, kMaxLimit, 0);

    std::vector<SiteCatalog::ProductPtr> products;
    std::size_t total = 0;
    _catalog.read(site.siteId, [&](const SiteCatalog& catalog) {
        std::optional<std::vector<std::size_t>> candidates;
        std::optional<std::vector<std::string>> productIds = paging.filter.lookup("productId");
        if (!productIds) productIds = paging.filter.lookup("externalId");
        if (productIds) {
            candidates.emplace();
            for (const std::string& id : *productIds)
                if (std::optional<std::size_t> position = catalog.findProduct(id))
                    candidates->push_back(*position);
        } else if (std::optional<std::vector<std::string>> ids = paging.filter.lookup("id")) {
            candidates.emplace();
            for (const std::string& id : *ids)
                if (std::optional<std::size_t> position = catalog.findV1Item(id))
                    candidates->push_back(*position);
        }
        if (candidates) {
            std::sort(candidates->begin(), candidates->end());
            candidates->erase(std::unique(candidates->begin(), candidates->end()), candidates->end());
        }
        // Hidden products still have stock: the inventory lists them all.
        for (std::size_t position : V1Query::select(catalog, paging, candidates, true, valuesOf, total))
            products.push_back(catalog.product(position));
    });

    JsonWriter out;
    out.beginObject().key("inventoryItems").beginArray();
    for (const SiteCatalog::ProductPtr& product : products) CatalogJson::v1InventoryItem(out, *product);
    out.endArray();
    V1Query::writeMetadata(out, paging, total);
    out.endObject();
    return HttpReply{200, out.take(), "application/json", {}};
}

}  // namespace wix_sandbox

#include "wix_sandbox/catalog/inventory_v3_endpoint.h"

#include "wix_sandbox/catalog/catalog_filter.h"
#include "wix_sandbox/catalog/catalog_json.h"
#include "wix_sandbox/catalog/item_candidates.h"
#include "wix_sandbox/catalog/v3_paging.h"
#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/request_fields.h"

namespace wix_sandbox {

namespace {

const CatalogFilter::Allowed kAllowed = {
    {"id", {"$eq", "$ne", "$in", "$nin"}},
    {"productId", {"$eq", "$ne", "$in", "$nin"}},
    {"variantId", {"$eq", "$ne", "$in", "$nin"}},
    {"trackQuantity", {"$eq", "$ne"}},
    {"availabilityStatus", {"$eq", "$ne", "$in", "$nin"}},
    {"updatedDate", {"$eq", "$gt", "$gte", "$lt", "$lte"}},
};

void valuesOf(const CatalogProduct& product, std::size_t index, const std::string& field,
              std::vector<std::string>& out) {
    const CatalogVariant& variant = product.variants[index];
    if (field == "id") out.push_back(variant.inventoryItemId);
    if (field == "productId") out.push_back(product.id);
    if (field == "variantId") out.push_back(variant.id);
    if (field == "trackQuantity") out.push_back(variant.trackQuantity ? "true" : "false");
    if (field == "updatedDate") out.push_back(variant.updatedDate);
    if (field == "availabilityStatus") {
        const bool available = variant.trackQuantity ? variant.quantity > 0 : variant.inStock;
        out.push_back(available ? "IN_STOCK" : "OUT_OF_STOCK");
    }
}

}  // namespace

InventoryV3Endpoint::InventoryV3Endpoint(const CatalogStore& catalog)
    : WixEndpoint(EndpointSpec{"POST",
                               "/stores/v3/inventory-items/query",
                               {"SCOPE.STORES.INVENTORY_ITEM_READ"},
                               true,
                               CatalogVersion::V3}),
      _catalog(catalog) {}

HttpReply InventoryV3Endpoint::handle(const WixRequest& request, const SiteInfo& site) {
    Poco::JSON::Object::Ptr body = JsonBody::parseObject(request.body);
    Poco::JSON::Object::Ptr query = RequestFields::object(body, "query", "query");
    const V3Paging::Request paging = V3Paging::read(query, kDefaultLimit, kMaxLimit);
    const CatalogFilter filter = CatalogFilter::parse(paging.filter, kAllowed, "query.filter");

    std::vector<std::pair<SiteCatalog::ProductPtr, std::size_t>> items;
    std::optional<std::size_t> next;
    std::string locationId;
    _catalog.read(site.siteId, [&](const SiteCatalog& catalog) {
        locationId = catalog.locationId();
        const auto accept = [&](std::size_t position) {
            if (filter.empty()) return true;
            const SiteCatalog::ItemRef& item = catalog.item(position);
            return filter.matches([&](const std::string& field, std::vector<std::string>& out) {
                valuesOf(*catalog.product(item.product), item.variant, field, out);
            });
        };
        const auto candidates = ItemCandidates::of(filter, catalog, "id", "variantId", "productId");
        for (std::size_t position : V3Paging::select(candidates, catalog.itemCount(), paging, accept, next))
            items.emplace_back(catalog.product(catalog.item(position).product),
                               catalog.item(position).variant);
    });

    JsonWriter out;
    out.beginObject().key("inventoryItems").beginArray();
    for (const auto& [product, variant] : items)
        CatalogJson::v3InventoryItem(out, *product, variant, locationId);
    out.endArray();
    V3Paging::writeMetadata(out, items.size(), paging, next);
    out.endObject();
    return HttpReply{200, out.take(), "application/json", {}};
}

}  // namespace wix_sandbox

#include "wix_sandbox/catalog/inventory_v1_update_endpoint.h"

#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/request_fields.h"
#include "wix_sandbox/core/wix_errors.h"
#include "wix_sandbox/core/wix_failure.h"

namespace wix_sandbox {

namespace {

const std::string kVariants = "inventoryItem.variants";

std::string variantField(std::size_t i) {
    return kVariants + "[" + std::to_string(i) + "]";
}

}  // namespace

InventoryV1UpdateEndpoint::InventoryV1UpdateEndpoint(CatalogStore& catalog)
    : WixEndpoint(EndpointSpec{"PATCH",
                               "/stores/v2/inventoryItems/product/{id}",
                               {"SCOPE.DC-STORES.MANAGE-PRODUCTS"},
                               true,
                               CatalogVersion::V1}),
      _catalog(catalog) {}

HttpReply InventoryV1UpdateEndpoint::handle(const WixRequest& request, const SiteInfo& site) {
    const std::string productId = lastSegment(request.path);
    Poco::JSON::Object::Ptr body = JsonBody::parseObject(request.body);
    Poco::JSON::Object::Ptr item = RequestFields::object(body, "inventoryItem", "inventoryItem");
    if (!item) RequestFields::reject("inventoryItem", "is required", "REQUIRED_FIELD");
    std::optional<bool> track;
    if (RequestFields::has(item, "trackQuantity"))
        track = RequestFields::boolean(item->get("trackQuantity"), "inventoryItem.trackQuantity");
    std::vector<VariantStock> variants = readVariants(item);

    const std::string now = CatalogStore::now();
    _catalog.write(site.siteId, [&](SiteCatalog& catalog) {
        const std::optional<std::size_t> product = catalog.findProduct(productId);
        if (!product) throw WixFailure(WixErrors::notFound());
        // The V1 inventory item is per product: trackQuantity switches all its variants.
        const bool tracked = track.value_or(catalog.product(*product)->variants.front().trackQuantity);
        resolve(catalog, *product, variants, tracked);
        catalog.change(*product, [&](CatalogProduct& changed) {
            std::vector<bool> touched(changed.variants.size(), false);
            for (std::size_t v = 0; v < changed.variants.size(); ++v) {
                CatalogVariant& variant = changed.variants[v];
                if (variant.trackQuantity == tracked) continue;
                if (!tracked) variant.inStock = variant.quantity > 0;
                variant.trackQuantity = tracked;
                touched[v] = true;
            }
            for (const VariantStock& stock : variants) {
                if (stock.quantity) changed.variants[stock.index].quantity = *stock.quantity;
                if (stock.inStock) changed.variants[stock.index].inStock = *stock.inStock;
                touched[stock.index] = true;
            }
            // One PATCH is one change: each variant's revision moves once.
            for (std::size_t v = 0; v < touched.size(); ++v)
                if (touched[v]) SiteCatalog::touch(changed, v, now);
        });
    });
    return HttpReply{200, "{}", "application/json", {}};
}

std::vector<InventoryV1UpdateEndpoint::VariantStock> InventoryV1UpdateEndpoint::readVariants(
    const Poco::JSON::Object::Ptr& item) {
    std::vector<VariantStock> variants;
    Poco::JSON::Array::Ptr list = RequestFields::array(item, "variants", kVariants);
    if (!list) return variants;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string field = variantField(i);
        if (!RequestFields::isObject(list->get(i))) RequestFields::reject(field, "must be an object", "TYPE");
        Poco::JSON::Object::Ptr entry = list->getObject(i);
        VariantStock stock;
        if (RequestFields::has(entry, "variantId"))
            stock.variantId = RequestFields::text(entry->get("variantId"), field + ".variantId");
        if (stock.variantId.empty())
            RequestFields::reject(field + ".variantId", "is required", "REQUIRED_FIELD");
        if (RequestFields::has(entry, "quantity"))
            stock.quantity =
                static_cast<long>(RequestFields::integer(entry->get("quantity"), field + ".quantity"));
        if (RequestFields::has(entry, "inStock"))
            stock.inStock = RequestFields::boolean(entry->get("inStock"), field + ".inStock");
        variants.push_back(std::move(stock));
    }
    return variants;
}

void InventoryV1UpdateEndpoint::resolve(const SiteCatalog& catalog, std::size_t product,
                                        std::vector<VariantStock>& variants, bool tracked) {
    for (std::size_t i = 0; i < variants.size(); ++i) {
        VariantStock& stock = variants[i];
        const std::string field = variantField(i);
        const std::optional<std::size_t> index = catalog.variantIndex(product, stock.variantId);
        if (!index)
            RequestFields::reject(field + ".variantId", "is not a variant of the product", "NOT_FOUND");
        stock.index = *index;
        // Quantity only counts on tracked items, inStock only on untracked ones (§7's two forms).
        if (stock.quantity && !tracked)
            RequestFields::reject(field + ".quantity",
                                  "needs trackQuantity true (the item does not track quantity)",
                                  "TRACK_QUANTITY");
        if (stock.inStock && tracked && !stock.quantity)
            RequestFields::reject(field + ".inStock", "needs trackQuantity false (the item tracks quantity)",
                                  "TRACK_QUANTITY");
    }
}

}  // namespace wix_sandbox

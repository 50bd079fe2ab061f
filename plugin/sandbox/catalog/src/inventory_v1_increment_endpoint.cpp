#include "wix_sandbox/catalog/inventory_v1_increment_endpoint.h"

#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/request_fields.h"
#include "wix_sandbox/core/wix_errors.h"
#include "wix_sandbox/core/wix_failure.h"

namespace wix_sandbox {

namespace {

using Direction = InventoryV1IncrementEndpoint::Direction;

std::string pathOf(Direction direction) {
    return direction == Direction::Increment ? "/stores/v2/inventoryItems/increment"
                                             : "/stores/v2/inventoryItems/decrement";
}

std::string optionalText(const Poco::JSON::Object::Ptr& entry, const std::string& key,
                         const std::string& field) {
    return RequestFields::has(entry, key) ? RequestFields::text(entry->get(key), field + "." + key) : "";
}

}  // namespace

InventoryV1IncrementEndpoint::InventoryV1IncrementEndpoint(CatalogStore& catalog, Direction direction)
    : WixEndpoint(EndpointSpec{
          "POST", pathOf(direction), {"SCOPE.DC-STORES.MANAGE-PRODUCTS"}, true, CatalogVersion::V1}),
      _catalog(catalog),
      _direction(direction),
      _listKey(direction == Direction::Increment ? "incrementData" : "decrementData"),
      _deltaKey(direction == Direction::Increment ? "incrementBy" : "decrementBy") {}

HttpReply InventoryV1IncrementEndpoint::handle(const WixRequest& request, const SiteInfo& site) {
    const std::vector<Delta> deltas = readDeltas(JsonBody::parseObject(request.body));
    const std::string now = CatalogStore::now();
    _catalog.write(site.siteId, [&](SiteCatalog& catalog) {
        for (const Resolved& delta : resolve(catalog, deltas)) {
            catalog.change(delta.product, [&](CatalogProduct& product) {
                product.variants[delta.variant].quantity += delta.by;
                SiteCatalog::touch(product, delta.variant, now);
            });
        }
    });
    return HttpReply{200, "{}", "application/json", {}};
}

std::vector<InventoryV1IncrementEndpoint::Delta> InventoryV1IncrementEndpoint::readDeltas(
    const Poco::JSON::Object::Ptr& body) const {
    Poco::JSON::Array::Ptr list = RequestFields::array(body, _listKey, _listKey);
    if (!list) RequestFields::reject(_listKey, "is required", "REQUIRED_FIELD");
    std::vector<Delta> deltas;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string field = _listKey + "[" + std::to_string(i) + "]";
        if (!RequestFields::isObject(list->get(i))) RequestFields::reject(field, "must be an object", "TYPE");
        Poco::JSON::Object::Ptr entry = list->getObject(i);
        Delta delta;
        delta.productId = optionalText(entry, "productId", field);
        delta.inventoryId = optionalText(entry, "inventoryId", field);
        delta.variantId = optionalText(entry, "variantId", field);
        if (delta.productId.empty() && delta.inventoryId.empty())
            RequestFields::reject(field + ".productId", "productId or inventoryId is required",
                                  "REQUIRED_FIELD");
        if (delta.variantId.empty())
            RequestFields::reject(field + ".variantId", "is required", "REQUIRED_FIELD");
        if (!RequestFields::has(entry, _deltaKey))
            RequestFields::reject(field + "." + _deltaKey, "is required", "REQUIRED_FIELD");
        const std::int64_t by = RequestFields::integer(entry->get(_deltaKey), field + "." + _deltaKey);
        if (by < 1) RequestFields::reject(field + "." + _deltaKey, "must be at least 1", "MIN");
        delta.by = static_cast<long>(_direction == Direction::Increment ? by : -by);
        deltas.push_back(std::move(delta));
    }
    return deltas;
}

std::vector<InventoryV1IncrementEndpoint::Resolved> InventoryV1IncrementEndpoint::resolve(
    const SiteCatalog& catalog, const std::vector<Delta>& deltas) const {
    std::vector<Resolved> resolved;
    for (std::size_t i = 0; i < deltas.size(); ++i) {
        const Delta& delta = deltas[i];
        const std::string field = _listKey + "[" + std::to_string(i) + "]";
        const std::optional<std::size_t> product = delta.productId.empty()
                                                       ? catalog.findV1Item(delta.inventoryId)
                                                       : catalog.findProduct(delta.productId);
        if (!product) throw WixFailure(WixErrors::notFound());
        const std::optional<std::size_t> variant = catalog.variantIndex(*product, delta.variantId);
        if (!variant)
            RequestFields::reject(field + ".variantId", "is not a variant of the product", "NOT_FOUND");
        if (!catalog.product(*product)->variants[*variant].trackQuantity)
            RequestFields::reject(field + ".variantId", "does not track quantity", "TRACK_QUANTITY");
        resolved.push_back(Resolved{*product, *variant, delta.by});
    }
    return resolved;
}

}  // namespace wix_sandbox

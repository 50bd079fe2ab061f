#include "wix_sandbox/catalog/products_v1_query_endpoint.h"

#include <algorithm>

#include "wix_sandbox/catalog/catalog_json.h"
#include "wix_sandbox/catalog/v1_query.h"
#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/request_fields.h"

namespace wix_sandbox {

namespace {

// The §5 list, less what the sandbox does not model (price, slug, collections.id).
const CatalogFilter::Allowed kAllowed = {
    {"numericId", {"$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$hasSome", "$nin"}},
    {"id", {"$eq", "$ne", "$in", "$hasSome", "$nin"}},
    {"sku", {"$eq", "$ne", "$in", "$hasSome", "$nin"}},
    {"name", {"$eq", "$ne", "$in", "$hasSome"}},
    {"productType", {"$eq", "$ne"}},
    {"visible", {"$eq", "$ne"}},
    {"inventoryStatus", {"$eq", "$ne", "$in", "$hasSome"}},
    {"lastUpdated", {"$eq", "$gt", "$gte", "$lt", "$lte"}},
    {"createdDate", {"$eq", "$gt", "$gte", "$lt", "$lte"}},
};

void valuesOf(const CatalogProduct& product, const std::string& field, std::vector<std::string>& out) {
    if (field == "numericId") out.push_back(product.numericId);
    if (field == "id") out.push_back(product.id);
    if (field == "name") out.push_back(product.name);
    if (field == "productType") out.push_back(product.productType);
    if (field == "visible") out.push_back(product.visible ? "true" : "false");
    if (field == "inventoryStatus") out.push_back(CatalogJson::availability(product));
    if (field == "lastUpdated") out.push_back(product.lastUpdated);
    if (field == "createdDate") out.push_back(product.createdDate);
    if (field == "sku") {
        // The product's own SKU or any variant's (Wix does not say which; matching both finds more).
        out.push_back(product.sku);
        for (const CatalogVariant& variant : product.variants)
            if (variant.sku != product.sku) out.push_back(variant.sku);
    }
}

bool flag(const Poco::JSON::Object::Ptr& body, const std::string& key) {
    return RequestFields::has(body, key) && RequestFields::boolean(body->get(key), key);
}

}  // namespace

ProductsV1QueryEndpoint::ProductsV1QueryEndpoint(const CatalogStore& catalog, const std::string& path)
    : WixEndpoint(EndpointSpec{"POST", path, {"SCOPE.DC-STORES.READ-PRODUCTS"}, true, CatalogVersion::V1}),
      _catalog(catalog) {}

HttpReply ProductsV1QueryEndpoint::handle(const WixRequest& request, const SiteInfo& site) {
    Poco::JSON::Object::Ptr body = JsonBody::parseObject(request.body);
    Poco::JSON::Object::Ptr query = RequestFields::object(body, "query", "query");
    const V1Query::Request paging = V1Query::read(query, kAllowed, kMaxLimit, kOffsetCeiling);
    const bool includeVariants = flag(body, "includeVariants");
    const bool includeHidden = flag(body, "includeHiddenProducts");

    std::vector<SiteCatalog::ProductPtr> products;
    std::size_t total = 0;
    _catalog.read(site.siteId, [&](const SiteCatalog& catalog) {
        std::optional<std::vector<std::size_t>> candidates;
        if (std::optional<std::vector<std::string>> ids = paging.filter.lookup("id")) {
            candidates.emplace();
            for (const std::string& id : *ids)
                if (std::optional<std::size_t> position = catalog.findProduct(id))
                    candidates->push_back(*position);
        } else if (std::optional<std::vector<std::string>> skus = paging.filter.lookup("sku")) {
            candidates.emplace();
            for (const std::string& sku : *skus)
                for (std::size_t position : catalog.productsWithSku(sku)) candidates->push_back(position);
        }
        if (candidates) {
            std::sort(candidates->begin(), candidates->end());
            candidates->erase(std::unique(candidates->begin(), candidates->end()), candidates->end());
        }
        for (std::size_t position :
             V1Query::select(catalog, paging, candidates, includeHidden, valuesOf, total))
            products.push_back(catalog.product(position));
    });

    JsonWriter out;
    out.beginObject().key("products").beginArray();
    for (const SiteCatalog::ProductPtr& product : products)
        CatalogJson::v1Product(out, *product, includeVariants, site.currency);
    out.endArray();
    V1Query::writeMetadata(out, paging, total);
    out.endObject();
    return HttpReply{200, out.take(), "application/json", {}};
}

}  // namespace wix_sandbox

#include "wix_sandbox/catalog/products_v3_query_endpoint.h"

#include <algorithm>

#include "wix_sandbox/catalog/catalog_filter.h"
#include "wix_sandbox/catalog/catalog_json.h"
#include "wix_sandbox/catalog/v3_paging.h"
#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/request_fields.h"

namespace wix_sandbox {

namespace {

const CatalogFilter::Allowed kAllowed = {
    {"id", {"$eq", "$ne", "$in", "$nin"}},
    {"slug", {"$eq", "$ne", "$in", "$nin"}},
    {"visible", {"$eq", "$ne"}},
    {"createdDate", {"$eq", "$gt", "$gte", "$lt", "$lte"}},
    {"updatedDate", {"$eq", "$gt", "$gte", "$lt", "$lte"}},
};

void valuesOf(const CatalogProduct& product, const std::string& field, std::vector<std::string>& out) {
    if (field == "id") out.push_back(product.id);
    if (field == "visible") out.push_back(product.visible ? "true" : "false");
    if (field == "createdDate") out.push_back(product.createdDate);
    if (field == "updatedDate") out.push_back(product.lastUpdated);
    if (field == "slug") out.push_back(CatalogJson::slug(product.name));
}

}  // namespace

ProductsV3QueryEndpoint::ProductsV3QueryEndpoint(const CatalogStore& catalog)
    : WixEndpoint(EndpointSpec{"POST",
                               "/stores/v3/products/query",
                               {"SCOPE.STORES.PRODUCT_READ", "SCOPE.STORES.PRODUCT_READ_ADMIN"},
                               true,
                               CatalogVersion::V3}),
      _catalog(catalog) {}

HttpReply ProductsV3QueryEndpoint::handle(const WixRequest& request, const SiteInfo& site) {
    Poco::JSON::Object::Ptr body = JsonBody::parseObject(request.body);
    Poco::JSON::Object::Ptr query = RequestFields::object(body, "query", "query");
    const V3Paging::Request paging = V3Paging::read(query, kMaxLimit, kMaxLimit);
    const CatalogFilter filter = CatalogFilter::parse(paging.filter, kAllowed, "query.filter");

    std::vector<SiteCatalog::ProductPtr> products;
    std::optional<std::size_t> next;
    _catalog.read(site.siteId, [&](const SiteCatalog& catalog) {
        std::optional<std::vector<std::size_t>> candidates;
        if (std::optional<std::vector<std::string>> ids = filter.lookup("id")) {
            candidates.emplace();
            for (const std::string& id : *ids)
                if (std::optional<std::size_t> position = catalog.findProduct(id))
                    candidates->push_back(*position);
            std::sort(candidates->begin(), candidates->end());
            candidates->erase(std::unique(candidates->begin(), candidates->end()), candidates->end());
        }
        const auto accept = [&](std::size_t position) {
            const CatalogProduct& product = *catalog.product(position);
            return filter.empty() ||
                   filter.matches([&](const std::string& field, std::vector<std::string>& out) {
                       valuesOf(product, field, out);
                   });
        };
        for (std::size_t position :
             V3Paging::select(candidates, catalog.productCount(), paging, accept, next))
            products.push_back(catalog.product(position));
    });

    JsonWriter out;
    out.beginObject().key("products").beginArray();
    for (const SiteCatalog::ProductPtr& product : products)
        CatalogJson::v3Product(out, *product, site.currency);
    out.endArray();
    V3Paging::writeMetadata(out, products.size(), paging, next);
    out.endObject();
    return HttpReply{200, out.take(), "application/json", {}};
}

}  // namespace wix_sandbox

#include "wix_sandbox/catalog/variants_v3_query_endpoint.h"

#include "wix_sandbox/catalog/catalog_filter.h"
#include "wix_sandbox/catalog/catalog_json.h"
#include "wix_sandbox/catalog/item_candidates.h"
#include "wix_sandbox/catalog/v3_paging.h"
#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/request_fields.h"

namespace wix_sandbox {

namespace {

// Query Variants is for "product ID or variant ID"; everything else is Search Variants' job (§6).
const CatalogFilter::Allowed kAllowed = {
    {"id", {"$eq", "$ne", "$in", "$nin"}},
    {"productData.productId", {"$eq", "$ne", "$in", "$nin"}},
    {"visible", {"$eq", "$ne"}},
};

}  // namespace

VariantsV3QueryEndpoint::VariantsV3QueryEndpoint(const CatalogStore& catalog)
    : WixEndpoint(EndpointSpec{"POST",
                               "/stores/v3/products/query-variants",
                               {"SCOPE.STORES.PRODUCT_READ", "SCOPE.STORES.PRODUCT_READ_ADMIN"},
                               true,
                               CatalogVersion::V3}),
      _catalog(catalog) {}

HttpReply VariantsV3QueryEndpoint::handle(const WixRequest& request, const SiteInfo& site) {
    Poco::JSON::Object::Ptr body = JsonBody::parseObject(request.body);
    Poco::JSON::Object::Ptr query = RequestFields::object(body, "query", "query");
    const V3Paging::Request paging = V3Paging::read(query, kDefaultLimit, kMaxLimit);
    const CatalogFilter filter = CatalogFilter::parse(paging.filter, kAllowed, "query.filter");

    std::vector<std::pair<SiteCatalog::ProductPtr, std::size_t>> variants;
    std::optional<std::size_t> next;
    _catalog.read(site.siteId, [&](const SiteCatalog& catalog) {
        const auto accept = [&](std::size_t position) {
            if (filter.empty()) return true;
            const SiteCatalog::ItemRef& item = catalog.item(position);
            const CatalogProduct& product = *catalog.product(item.product);
            const CatalogVariant& variant = product.variants[item.variant];
            return filter.matches([&](const std::string& field, std::vector<std::string>& out) {
                if (field == "id") out.push_back(variant.id);
                if (field == "productData.productId") out.push_back(product.id);
                if (field == "visible") out.push_back(variant.visible ? "true" : "false");
            });
        };
        const auto candidates = ItemCandidates::of(filter, catalog, "", "id", "productData.productId");
        for (std::size_t position : V3Paging::select(candidates, catalog.itemCount(), paging, accept, next))
            variants.emplace_back(catalog.product(catalog.item(position).product),
                                  catalog.item(position).variant);
    });

    JsonWriter out;
    out.beginObject().key("variants").beginArray();
    for (const auto& [product, variant] : variants)
        CatalogJson::v3Variant(out, *product, variant, site.currency);
    out.endArray();
    V3Paging::writeMetadata(out, variants.size(), paging, next);
    out.endObject();
    return HttpReply{200, out.take(), "application/json", {}};
}

}  // namespace wix_sandbox

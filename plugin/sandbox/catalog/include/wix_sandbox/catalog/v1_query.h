#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "wix_sandbox/catalog/catalog_filter.h"
#include "wix_sandbox/catalog/site_catalog.h"
#include "wix_sandbox/core/json_writer.h"

namespace wix_sandbox {

/// The query of Catalog V1 and its inventory (reference §5, §7): `query.filter` and `query.sort` are
/// JSON-encoded strings, `query.paging` is limit/offset, answers carry metadata and totalResults. Both
/// list products (the V1 inventory has one item per product), in numericId order.
class V1Query {
public:
    struct Request {
        CatalogFilter filter;
        bool descending = false;
        int limit = 0;
        int offset = 0;
    };
    /// Fills `out` with a product's values of a filter field.
    using Values = std::function<void(const CatalogProduct& product, const std::string& field,
                                      std::vector<std::string>& out)>;

    /// `offsetCeiling` > 0: offset + limit beyond it is a 400 (products: crawl with numericId $gt instead).
    static Request read(const Poco::JSON::Object::Ptr& query, const CatalogFilter::Allowed& allowed,
                        int maxLimit, int offsetCeiling);
    /// The page's product positions in the asked order; `total` counts every match. `candidates`
    /// (ascending positions an index found) narrows the scan; hidden products count only with `hiddenToo`.
    static std::vector<std::size_t> select(const SiteCatalog& catalog, const Request& request,
                                           const std::optional<std::vector<std::size_t>>& candidates,
                                           bool hiddenToo, const Values& values, std::size_t& total);
    /// ,"metadata":{"items":<limit>,"offset":…},"totalResults":… as members of the open object.
    static void writeMetadata(JsonWriter& out, const Request& request, std::size_t total);

private:
    static bool readSort(const Poco::JSON::Object::Ptr& query);
    static std::vector<std::size_t> walkRange(const SiteCatalog& catalog, const Request& request,
                                              std::size_t begin, std::size_t end, bool hiddenToo,
                                              std::size_t& total);
};

}  // namespace wix_sandbox

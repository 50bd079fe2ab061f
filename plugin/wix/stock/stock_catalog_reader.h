#pragma once
// Reads a site's SKU → item map for the stock push in as few calls as the API allows:
//  - Catalog V1: POST /stores/v1/products/query with variants, 100 products a call (the documented
//    maximum), crawled by numericId ascending because offset paging fails past 10,000 items (§5, and
//    dev.wix.com/docs/api-reference/business-solutions/stores/pagination: "filter by numericId and sort
//    in ascending order … Continue until you receive an empty" answer);
//  - Catalog V3: POST /stores/v3/inventory-items/query, whose items carry product.variantSku, so the
//    inventory alone is the map (§8). Pages of 1,000 as clients use; the limit is not documented, so a
//    400 for it falls back to 100.
#include <Poco/JSON/Array.h>

#include <functional>
#include <string>
#include <vector>

#include "client/wix_client.h"
#include "estore/host_api/outcome.h"
#include "stock/wix_stock_item.h"

namespace estore::wix {

class StockCatalogReader {
public:
    static constexpr int kV1PageSize = 100;
    static constexpr int kV3PageSize = 1000;
    static constexpr int kV3FallbackPageSize = 100;
    static constexpr const char* kNoVariant = "00000000-0000-0000-0000-000000000000";

    /// Called after each page with the number of items read so far (the job reports progress with it,
    /// which also keeps its lease in the host alive through a long read).
    using PageRead = std::function<void(std::size_t items)>;

    explicit StockCatalogReader(WixClient& client, PageRead pageRead = {})
        : _client(client), _pageRead(std::move(pageRead)) {}

    /// Every item of the site on its catalog version (items without a SKU included; the planner counts them).
    host_api::Outcome read(CatalogVersion version, std::vector<WixStockItem>& out);
    /// V3: the current state of these inventory items (after an update of theirs failed).
    host_api::Outcome readV3Items(const std::vector<std::string>& ids, std::vector<WixStockItem>& out);

    /// The items of one V1 page; false when a product lacks what the crawl needs (id, numericId).
    static bool appendV1Products(const Poco::JSON::Array::Ptr& products, std::vector<WixStockItem>& out,
                                 std::string& lastNumericId);
    /// The items of one V3 page; false when an item lacks its id or revision.
    static bool appendV3Items(const Poco::JSON::Array::Ptr& items, std::vector<WixStockItem>& out);
    /// V1 filters and sorts are JSON-encoded strings (§5).
    static std::string v1PageBody(const std::string& afterNumericId);
    static std::string v3FirstPageBody(int limit, const std::vector<std::string>& ids);
    static std::string v3NextPageBody(int limit, const std::string& cursor);

private:
    host_api::Outcome readV1(std::vector<WixStockItem>& out);
    host_api::Outcome readV3(int limit, const std::vector<std::string>& ids, std::vector<WixStockItem>& out);

    void pageDone(std::size_t items) const {
        if (_pageRead) _pageRead(items);
    }

    WixClient& _client;
    PageRead _pageRead;
};

}  // namespace estore::wix

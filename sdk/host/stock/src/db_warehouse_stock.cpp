#include "estore/host/stock/db_warehouse_stock.h"

#include <algorithm>

#include "estore/host/core/error_text.h"
#include "estore/host/stock/stock_repository.h"
#include "estore/sdk/amount.h"

using estore::host_api::ErrorCategory;
using estore::host_api::Outcome;

namespace estore::host {

host_api::Text DbWarehouseStock::unknownWarehouse(const std::string& warehouseCode,
                                                  const std::vector<std::string>& known) {
    std::string list = known.empty() ? "-" : known.front();
    for (std::size_t i = 1; i < known.size(); ++i) list += ", " + known[i];
    return {"Skladišče " + warehouseCode + " ne obstaja; skladišča podjetja: " + list + ".",
            "Warehouse " + warehouseCode + " does not exist; the company's warehouses: " + list + "."};
}

Outcome DbWarehouseStock::levels(const std::string& warehouseCode, std::vector<host_api::StockLevel>& out) {
    out.clear();
    try {
        StockRepository stock(_db);
        const auto known = stock.warehouseCodes();
        if (std::find(known.begin(), known.end(), warehouseCode) == known.end())
            return Outcome::failure(ErrorCategory::NotFound, "host.warehouse_unknown",
                                    unknownWarehouse(warehouseCode, known), "warehouse=" + warehouseCode,
                                    "warehouse");
        const auto records = stock.list(warehouseCode);
        out.reserve(records.size());
        // Normalized amounts: equal quantities always have equal fields (12.50 and 12.5 alike).
        for (const auto& r : records)
            out.push_back(
                {r.productCode, sdk::toNormalizedAmount(r.onHand), sdk::toNormalizedAmount(r.reserved)});
        return Outcome::success();
    } catch (const std::exception& e) {
        out.clear();  // never half a warehouse: the push would take the missing products for unmatched
        return Outcome::failure(
            ErrorCategory::Transient, "host.storage_failed",
            {"Gostitelj ni mogel prebrati zaloge skladišča " + warehouseCode + ". Poskusite znova.",
             "The host could not read the stock of warehouse " + warehouseCode + ". Please try again."},
            errorText(e));
    }
}

}  // namespace estore::host

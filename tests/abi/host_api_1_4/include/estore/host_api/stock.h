#pragma once
// A warehouse's stock as e-računi keeps it, read by the plugin's stock push (e-računi is the master;
// the shop only ever receives it). Since API 1.2.
#include <string>
#include <vector>

#include "estore/host_api/outcome.h"
#include "estore/host_api/sales_order.h"

namespace estore::host_api {

/// One product's stock in one warehouse. Quantities are decimals (a product may be sold by the kg).
struct StockLevel {
    std::string productCode;  ///< e-računi's product code; matched to the shop's SKU
    Amount onHand;            ///< what is physically in the warehouse
    Amount reserved;          ///< promised to customers (open orders), not yet delivered
};

class WarehouseStock {
public:
    /// Every product with a stock record in the warehouse, ordered by product code.
    /// NotFound (code "host.warehouse_unknown") when the company has no such warehouse.
    virtual Outcome levels(const std::string& warehouseCode, std::vector<StockLevel>& out) = 0;

protected:
    ~WarehouseStock() = default;
};

}  // namespace estore::host_api

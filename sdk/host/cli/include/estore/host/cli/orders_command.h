#pragma once
#include <string>
#include <vector>

#include "estore/host/core/language.h"
#include "estore/host/services/db_sales_orders.h"

namespace estore::host {

class CommandContext;

/// `estore-host orders STORE_ID [--json]`: the store's imported sales orders. JSON gives each stored
/// document exactly as the SDK wrote it (salesOrderToJson); text gives one line per order and a count.
class OrdersCommand {
public:
    static int run(CommandContext& ctx);

    /// `{"store_id": …, "orders": [document, …]}`, indented.
    static std::string json(const std::string& storeId, const std::vector<SalesOrderRecord>& orders);
    /// Number, date, buyer, status / payment status, total, "PREGLED" ("REVIEW") when flagged; a count.
    static std::string text(const std::vector<SalesOrderRecord>& orders, const Language& language);
};

}  // namespace estore::host

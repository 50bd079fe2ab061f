#pragma once
// `estore-host stock …`: the host's warehouse stock, the stand-in for e-računi's, which the plugins' stock
// push sends to the shops.
//   stock WAREHOUSE [--json]                               the levels, by product code
//   stock set WAREHOUSE PRODUCT_CODE ON_HAND [RESERVED]    one product's level
//   stock import WAREHOUSE FILE.csv [--json]               many at once, all or nothing
// Exit 0 on success, 1 for a wrong command line, 2 when the input is refused (nothing is changed then).
#include <string>
#include <vector>

#include "estore/host/core/language.h"
#include "estore/host/stock/stock_csv_reader.h"
#include "estore/host/stock/stock_repository.h"

namespace estore::host {

class CommandContext;

class StockCommand {
public:
    static int run(CommandContext& ctx);

    /// `[{"product_code": …, "on_hand": "12.5", "reserved": "0"}, …]`: quantities as exact decimal text.
    static std::string json(const std::vector<StockRecord>& levels);
    /// One line per product and a count.
    static std::string text(const std::vector<StockRecord>& levels, const Language& language);

private:
    static int list(CommandContext& ctx, const std::string& warehouse);
    static int set(CommandContext& ctx);
    static int importFile(CommandContext& ctx);
    /// False, with the company's warehouses on stderr, when `warehouse` is not one of them.
    static bool checkWarehouse(CommandContext& ctx, const std::string& warehouse);
    static void printRefusedImport(CommandContext& ctx, const std::string& warehouse, const std::string& file,
                                   const std::vector<StockCsvProblem>& problems);
};

}  // namespace estore::host

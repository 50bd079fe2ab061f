#include "estore/host/cli/stock_command.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>

#include "estore/host/cli/command_context.h"
#include "estore/host/cli/progress_meter.h"
#include "estore/host/core/formats.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/stock/db_warehouse_stock.h"
#include "estore/host/stock/stock_input.h"
#include "estore/host/storage/database.h"

namespace estore::host {

namespace {

/// A refused import lists this many problems for people (JSON lists all): enough to fix a file by, without
/// flooding the terminal when a whole file is in the wrong format.
constexpr std::size_t kProblemsShown = 100;

std::optional<std::string> readWholeFile(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return content.str();
}

Poco::JSON::Object::Ptr levelJson(const std::string& productCode, const sdk::Decimal& onHand,
                                  const sdk::Decimal& reserved) {
    auto object = JsonCodec::newObject();
    object->set("product_code", productCode);
    object->set("on_hand", onHand.toString());
    object->set("reserved", reserved.toString());
    return object;
}

}  // namespace

int StockCommand::run(CommandContext& ctx) {
    const auto& args = ctx.args();
    if (args.empty())
        return ctx.usage(
            {"stock potrebuje WAREHOUSE ali set WAREHOUSE PRODUCT_CODE ON_HAND [RESERVED] ali import "
             "WAREHOUSE FILE.csv",
             "stock needs WAREHOUSE, or set WAREHOUSE PRODUCT_CODE ON_HAND [RESERVED], or import "
             "WAREHOUSE FILE.csv"});
    if (args.front() == "set") return set(ctx);
    if (args.front() == "import") return importFile(ctx);
    if (args.size() != 1)
        return ctx.usage({"stock sprejme eno SKLADIŠČE (ali: stock set …, stock import …)",
                          "stock takes one WAREHOUSE (or: stock set …, stock import …)"});
    return list(ctx, args.front());
}

bool StockCommand::checkWarehouse(CommandContext& ctx, const std::string& warehouse) {
    const auto known = StockRepository(ctx.database()).warehouseCodes();
    if (std::find(known.begin(), known.end(), warehouse) != known.end()) return true;
    const host_api::Text message = DbWarehouseStock::unknownWarehouse(warehouse, known);
    ctx.err() << ctx.t(message) << "\n";
    return false;
}

int StockCommand::list(CommandContext& ctx, const std::string& warehouse) {
    if (!checkWarehouse(ctx, warehouse)) return kExitValidation;
    const auto levels = StockRepository(ctx.database()).list(warehouse);
    if (ctx.options().json) {
        ctx.out() << json(levels);
        return kExitOk;
    }
    ctx.out() << ctx.t({"Zaloga: ", "Stock: "}) << warehouse << " (" << ctx.database().location() << ")\n"
              << text(levels, ctx.lang());
    return kExitOk;
}

int StockCommand::set(CommandContext& ctx) {
    const auto& args = ctx.args();
    if (args.size() != 4 && args.size() != 5)
        return ctx.usage({"stock set potrebuje WAREHOUSE PRODUCT_CODE ON_HAND [RESERVED]",
                          "stock set needs WAREHOUSE PRODUCT_CODE ON_HAND [RESERVED]"});
    const std::string& warehouse = args[1];
    StockEntry entry;
    if (auto problem = StockInput::entry(args[2], args[3], args.size() == 5 ? args[4] : "", entry)) {
        if (ctx.options().json)
            return ctx.fail(
                {kExitValidation,
                 "stock.invalid_entry",
                 "validation",
                 {"Zaloge ni mogoče nastaviti: " + problem->sl, "Cannot set the stock: " + problem->en},
                 ""});
        ctx.err() << ctx.t({"Zaloge ni mogoče nastaviti.", "Cannot set the stock."}) << "\n"
                  << "  " << ctx.t(*problem) << "\n";
        return kExitValidation;
    }
    if (!checkWarehouse(ctx, warehouse)) return kExitValidation;
    StockRepository(ctx.database()).set(warehouse, entry);
    if (ctx.options().json) {
        auto root = levelJson(entry.productCode, entry.onHand, entry.reserved);
        root->set("warehouse", warehouse);
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }
    ctx.out() << ctx.t({"Zaloga nastavljena: ", "Stock set: "}) << warehouse << " " << entry.productCode
              << ": " << ctx.t({"zaloga ", "on hand "}) << entry.onHand.toString() << ", "
              << ctx.t({"rezervirano ", "reserved "}) << entry.reserved.toString() << "\n";
    return kExitOk;
}

int StockCommand::importFile(CommandContext& ctx) {
    const auto& args = ctx.args();
    if (args.size() != 3)
        return ctx.usage(
            {"stock import potrebuje WAREHOUSE FILE.csv", "stock import needs WAREHOUSE FILE.csv"});
    const std::string& warehouse = args[1];
    const std::string& file = args[2];
    if (!checkWarehouse(ctx, warehouse)) return kExitValidation;
    const auto content = readWholeFile(file);
    if (!content) {
        ctx.err() << ctx.t(
                         {"Datoteke " + file + " ni mogoče prebrati.", "Cannot read the file " + file + "."})
                  << "\n";
        return kExitFailure;
    }
    const StockCsv csv = StockCsvReader::parse(*content);
    if (!csv.ok()) {
        printRefusedImport(ctx, warehouse, file, csv.problems);
        return kExitValidation;
    }
    ProgressMeter meter(ctx.progressOut(), ctx.lang(), {.terminal = ctx.progressOnTerminal()},
                        {"Uvoz zaloge " + warehouse, "Stock import " + warehouse}, {"vrstice", "rows"},
                        static_cast<std::int64_t>(csv.entries.size()));
    const std::size_t applied =
        StockRepository(ctx.database()).apply(warehouse, csv.entries, [&meter](std::size_t written) {
            meter.update(static_cast<std::int64_t>(written));
        });
    meter.finish();
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("ok", true);
        root->set("warehouse", warehouse);
        root->set("file", file);
        root->set("applied", applied);
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }
    ctx.out() << ctx.t({"Uvoženo: ", "Imported: "}) << applied << " (" << ctx.t({"skladišče ", "warehouse "})
              << warehouse << ", " << ctx.t({"datoteka ", "file "}) << file << ")\n";
    return kExitOk;
}

void StockCommand::printRefusedImport(CommandContext& ctx, const std::string& warehouse,
                                      const std::string& file, const std::vector<StockCsvProblem>& problems) {
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("ok", false);
        root->set("warehouse", warehouse);
        root->set("file", file);
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& p : problems) {
            auto problem = JsonCodec::newObject();
            problem->set("line", p.line);
            problem->set("reason", JsonCodec::fromText(p.reason));
            list->add(problem);
        }
        root->set("problems", list);
        ctx.out() << JsonCodec::stringify(root) << "\n";
    }
    auto& err = ctx.err();
    err << ctx.t({"Datoteke " + file + " ni mogoče uvoziti; zaloga ni spremenjena.",
                  "Cannot import " + file + "; no stock was changed."})
        << "\n";
    for (std::size_t i = 0; i < problems.size() && i < kProblemsShown; ++i) {
        const auto& p = problems[i];
        err << "  " << ctx.t({"vrstica ", "line "}) << p.line << ": " << ctx.t(p.reason) << "\n";
    }
    if (problems.size() > kProblemsShown) {
        const std::string more = std::to_string(problems.size() - kProblemsShown);
        err << "  " << ctx.t({"… in še " + more, "… and " + more + " more"}) << "\n";
    }
    err << ctx.t({"Težav: ", "Problems: "}) << problems.size() << "\n";
}

std::string StockCommand::json(const std::vector<StockRecord>& levels) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& level : levels) list->add(levelJson(level.productCode, level.onHand, level.reserved));
    return JsonCodec::stringify(list) + "\n";
}

std::string StockCommand::text(const std::vector<StockRecord>& levels, const Language& language) {
    if (levels.empty()) return language.pick({"  (ni zalog)\n", "  (no stock)\n"});
    std::vector<std::vector<std::string>> rows = {
        {"  " + language.pick({"Šifra", "Product code"}), language.pick({"Zaloga", "On hand"}),
         language.pick({"Rezervirano", "Reserved"}), language.pick({"Spremenjeno", "Changed"})}};
    rows.reserve(levels.size() + 1);
    for (const auto& level : levels)
        rows.push_back({"  " + level.productCode, level.onHand.toString(), level.reserved.toString(),
                        Formats::localTime(level.updatedAt)});
    return Formats::table(rows) + language.pick({"Izdelkov: ", "Products: "}) +
           std::to_string(levels.size()) + "\n";
}

}  // namespace estore::host

#include "estore/host/cli/orders_command.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <ostream>

#include "estore/host/cli/command_context.h"
#include "estore/host/core/formats.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/sdk/sales_order_json.h"

namespace estore::host {

namespace {

/// The document as stored, its key order kept (a plain Poco parse would sort the keys).
Poco::Dynamic::Var parseDocument(const std::string& document) {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    return parser.parse(document);
}

std::vector<std::string> lineOf(const SalesOrderRecord& record, const Language& language) {
    std::string error;
    const auto order = sdk::salesOrderFromJson(record.document, &error);
    if (!order)
        return {
            "  " + record.number, "?",
            language.pick({"(dokument ni berljiv: " + error + ")", "(unreadable document: " + error + ")"})};
    return {"  " + order->number,
            order->createdAt.substr(0, 10),
            Formats::buyerName(order->buyer),
            order->status + " / " + order->paymentStatus,
            record.totalGross + " " + order->currency,
            order->flags.empty() ? "" : language.pick({"PREGLED", "REVIEW"})};
}

}  // namespace

int OrdersCommand::run(CommandContext& ctx) {
    if (ctx.args().size() != 1)
        return ctx.usage({"orders potrebuje natanko en argument: STORE_ID",
                          "orders needs exactly one argument: STORE_ID"});
    const std::string& storeId = ctx.args().front();
    if (!StoreRepository(ctx.database()).find(storeId) && DbSalesOrders(ctx.database()).count(storeId) == 0) {
        ctx.reportUnknownStore(storeId);
        return kExitFailure;
    }
    const auto orders = DbSalesOrders(ctx.database()).list(storeId);
    if (ctx.options().json) {
        ctx.out() << json(storeId, orders);
        return kExitOk;
    }
    ctx.out() << ctx.t({"Naročila: ", "Orders: "}) << storeId << " (" << ctx.database().location() << ")\n"
              << text(orders, ctx.lang());
    return kExitOk;
}

std::string OrdersCommand::json(const std::string& storeId, const std::vector<SalesOrderRecord>& orders) {
    auto root = JsonCodec::newObject();
    root->set("store_id", storeId);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    // The documents are stored in the contract's camelCase; what the command line prints is snake_case.
    for (const auto& order : orders) list->add(JsonCodec::snakeCased(parseDocument(order.document)));
    root->set("orders", list);
    return JsonCodec::stringify(root) + "\n";
}

std::string OrdersCommand::text(const std::vector<SalesOrderRecord>& orders, const Language& language) {
    if (orders.empty()) return language.pick({"  (ni naročil)\n", "  (no orders)\n"});
    std::vector<std::vector<std::string>> rows = {
        {"  " + language.pick({"Številka", "Number"}), language.pick({"Datum", "Date"}),
         language.pick({"Kupec", "Buyer"}), language.pick({"Stanje", "Status"}),
         language.pick({"Skupaj", "Total"}), ""}};
    std::size_t flagged = 0;
    for (const auto& order : orders) {
        rows.push_back(lineOf(order, language));
        if (order.flagged) ++flagged;
    }
    const std::string count = std::to_string(orders.size());
    const std::string review = std::to_string(flagged);
    return Formats::table(rows) +
           language.pick({"Naročil: " + count + " (za pregled: " + review + ")",
                          "Orders: " + count + " (for review: " + review + ")"}) +
           "\n";
}

}  // namespace estore::host

#include "estore/host/cli/rates_command.h"

#include <fstream>
#include <set>
#include <sstream>

#include "estore/host/cli/command_context.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/invoicing/ecb_fetcher.h"
#include "estore/host/invoicing/exchange_rates.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/services/db_sales_orders.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/storage/transaction.h"
#include "estore/sdk/sales_order_json.h"

namespace estore::host {

namespace {

const host_api::Text kInvoiced = {"Izdanih računov, ki so čakali na tečaj: ",
                                  "Invoices issued that waited for a rate: "};

bool hasInvoice(const std::vector<Invoice>& documents) {
    for (const auto& d : documents)
        if (d.kind == InvoiceKind::Invoice) return true;
    return false;
}

}  // namespace

int RatesCommand::run(CommandContext& ctx) {
    if (ctx.args().size() == 2 && ctx.args()[0] == "import") return importFile(ctx, ctx.args()[1]);
    if (ctx.args().size() == 1 && ctx.args()[0] == "fetch") return fetchNow(ctx);
    return ctx.usageLine("rates import FILE.xml | rates fetch");
}

int RatesCommand::fetchNow(CommandContext& ctx) {
    EcbFetcher fetcher(ctx.database(), ctx.config());
    const EcbFetch fetched = fetcher.fetch();
    if (fetched.failed())
        return ctx.fail({kExitFailure,
                         "rates.fetch_failed",
                         "transient",
                         {"Tečajev ECB ni bilo mogoče prenesti: " + fetched.error.sl,
                          "The ECB rates could not be fetched: " + fetched.error.en},
                         "rates.ecb_url"});
    const int invoiced = invoiceWaitingOrders(ctx);
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("ok", true);
        root->set("rates", static_cast<Poco::Int64>(fetched.rates));
        root->set("newest_day", fetched.newestDay);
        root->set("invoices_issued", static_cast<Poco::Int64>(invoiced));
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }
    const std::string rates = std::to_string(fetched.rates);
    ctx.out() << ctx.t({"Prenesenih tečajev ECB: " + rates + " (zadnji dan " + fetched.newestDay + ")",
                        "ECB rates fetched: " + rates + " (newest day " + fetched.newestDay + ")"})
              << "\n"
              << ctx.t(kInvoiced) << invoiced << "\n";
    return kExitOk;
}

int RatesCommand::importFile(CommandContext& ctx, const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        ctx.err() << ctx.t({"Datoteke " + file + " ni mogoče brati.", "Cannot read " + file + "."}) << "\n";
        return kExitFailure;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const EcbImport parsed = ExchangeRates::parseEcbXml(text.str());
    if (!parsed.error.empty()) {
        ctx.err() << ctx.t({"Datoteka " + file + " ni datoteka tečajev ECB; nič ni shranjeno.",
                            file + " is not an ECB rates file; nothing was stored."})
                  << "\n  " << parsed.error << "\n";
        return kExitFailure;
    }
    ExchangeRates(ctx.database()).store(parsed.rates);
    std::set<std::string> days, currencies;
    for (const auto& r : parsed.rates) {
        days.insert(r.day);
        currencies.insert(r.currency);
    }
    const int invoiced = invoiceWaitingOrders(ctx);
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("ok", true);
        root->set("rates", static_cast<Poco::Int64>(parsed.rates.size()));
        root->set("days", static_cast<Poco::Int64>(days.size()));
        root->set("currencies", static_cast<Poco::Int64>(currencies.size()));
        root->set("first_day", *days.begin());
        root->set("last_day", *days.rbegin());
        root->set("invoices_issued", static_cast<Poco::Int64>(invoiced));
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }
    const std::string count = std::to_string(parsed.rates.size()),
                      currencyCount = std::to_string(currencies.size()),
                      dayCount = std::to_string(days.size()), span = *days.begin() + " – " + *days.rbegin();
    ctx.out() << ctx.t({"Uvoženih tečajev ECB: " + count + " (valute: " + currencyCount +
                            ", dnevi: " + dayCount + ", " + span + ")",
                        "ECB rates imported: " + count + " (" + currencyCount + " currencies, " + dayCount +
                            " days, " + span + ")"})
              << "\n"
              << ctx.t(kInvoiced) << invoiced << "\n";
    return kExitOk;
}

int RatesCommand::invoiceWaitingOrders(CommandContext& ctx) {
    Database& db = ctx.database();
    AutoInvoicer& invoicer = ctx.host().invoicer();
    int invoiced = 0;
    for (const auto& store : StoreRepository(db).list()) {
        for (const auto& record : DbSalesOrders(db).list(store.id)) {
            if (record.currency == "EUR" ||
                hasInvoice(InvoiceRepository(db).forOrder(store.id, record.externalId)))
                continue;
            std::string error;
            const auto order = sdk::salesOrderFromJson(record.document, &error);
            if (!order) continue;
            {
                Transaction tx(db);
                invoicer.orderStored(store.id, *order);
                tx.commit();
            }
            invoicer.committed();
            if (hasInvoice(InvoiceRepository(db).forOrder(store.id, record.externalId))) ++invoiced;
        }
    }
    return invoiced;
}

}  // namespace estore::host

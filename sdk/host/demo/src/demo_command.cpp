#include "estore/host/demo/demo_command.h"

#include <filesystem>
#include <map>
#include <ostream>
#include <sstream>

#include "estore/host/cli/add_store_command.h"
#include "estore/host/cli/command_context.h"
#include "estore/host/cli/json_views.h"
#include "estore/host/cli/sync_command.h"
#include "estore/host/config/host_config.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/demo/demo_invoice_step.h"
#include "estore/host/demo/demo_stock_step.h"
#include "estore/host/demo/demo_webhook_step.h"
#include "estore/host/demo/sandbox_process.h"
#include "estore/host/invoicing/invoice_json.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/jobs/job_runner.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/sdk/amount.h"
#include "estore/sdk/currency.h"
#include "estore/sdk/sales_order_json.h"

namespace estore::host {

namespace {

constexpr const char* kDemoDir = "estore-demo";
constexpr std::size_t kSamples = 3;
// The sandbox's shop starts in March 2025; the demo imports all of it (a real store starts "today").
constexpr const char* kImportSince = "2020-01-01";

/// The demo starts from nothing each time: the old database (and its WAL files) go.
std::filesystem::path freshDatabase(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    const auto db = dir / "estore.db";
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(std::filesystem::path(db.string() + suffix));
    return db;
}

std::int64_t count(const JobRun& run, const std::string& name) {
    auto it = run.report.counts.find(name);
    return it == run.report.counts.end() ? 0 : it->second;
}

std::string shortForm(const host_api::SalesOrder& order, const Language& language) {
    const std::string vat = language.pick({"DDV", "VAT"});
    const auto money = [&order](const host_api::Amount& amount) {
        return sdk::currencyAmountText(sdk::toDecimal(amount), order.currency);
    };
    std::string text = "   #" + order.number + "  " + order.createdAt.substr(0, 10) + "  " +
                       (order.buyer.company.empty() ? order.buyer.name : order.buyer.company) + "  " +
                       order.status + " / " + order.paymentStatus + "\n";
    for (const auto& line : order.lines)
        text += "      " + std::string(sdk::lineKindName(line.kind)) + "  " +
                (line.sku.empty() ? "-" : line.sku) + "  " + line.name + "  " +
                sdk::toDecimal(line.quantity).toString() + " × " + money(line.unitPrice) +
                (line.discount.units == 0 ? "" : " − " + money(line.discount)) + "  " + vat + " " +
                sdk::toDecimal(line.vatRate).toString() + " %  = " + money(line.gross) + "\n";
    text += "      " + language.pick({"skupaj: neto ", "total: net "}) + money(order.totalNet) + " + " + vat +
            " " + money(order.totalVat) + " = " + money(order.totalGross) + " " + order.currency + "\n";
    return text;
}

}  // namespace

std::string DemoCommand::importSummary(const JobRun& run, const std::vector<SalesOrderRecord>& orders,
                                       const Language& language) {
    const std::string imported = std::to_string(count(run, "orders"));
    const std::string created = std::to_string(count(run, "created"));
    const std::string updated = std::to_string(count(run, "updated"));
    const std::string failed = std::to_string(count(run, "failed"));
    std::string text = "   " +
                       language.pick({"Uvoženih: " + imported + " (novih " + created + ", posodobljenih " +
                                          updated + ", neuspešnih " + failed + ")",
                                      "Imported: " + imported + " (new " + created + ", updated " + updated +
                                          ", failed " + failed + ")"}) +
                       "\n";
    std::map<std::string, sdk::Decimal> totals;
    std::vector<host_api::SalesOrder> documents;
    std::string flagged;
    std::size_t flaggedCount = 0;
    for (const auto& record : orders) {
        auto order = sdk::salesOrderFromJson(record.document, nullptr);
        if (!order) continue;
        totals[order->currency] += sdk::toDecimal(order->totalGross);
        for (const auto& flag : order->flags)
            flagged +=
                "     #" + order->number + ": " + language.pick(flag.reason) + " [" + flag.code + "]\n";
        if (!order->flags.empty()) ++flaggedCount;
        if (documents.size() < kSamples) documents.push_back(std::move(*order));
    }
    const std::string stored = std::to_string(orders.size());
    text += "   " + language.pick({"Shranjenih naročil: " + stored, "Orders stored: " + stored}) + "\n";
    text += "   " + language.pick({"Za pregled: ", "Flagged for review: "}) + std::to_string(flaggedCount) +
            "\n" + flagged;
    text += "   " + language.pick({"Skupaj po valutah:", "Totals per currency:"});
    for (const auto& [currency, total] : totals)
        text += "  " + sdk::currencyAmountText(total, currency) + " " + currency;
    text += "\n   " + language.pick({"Primeri dokumentov:", "Sample documents:"}) + "\n";
    for (const auto& order : documents) text += shortForm(order, language);
    return text;
}

int DemoCommand::run(CommandContext& ctx) {
    if (!ctx.args().empty()) return ctx.usage({"demo ne sprejme argumentov", "demo takes no arguments"});
    if (!ctx.options().json) return walkThrough(ctx, nullptr);
    // --json: the walk-through a person reads is not printed; one object with each step's result and
    // what the demo made (the store, its orders, its invoices with their EOR) is.
    std::ostringstream narrative;
    CliOptions options = ctx.options();
    options.json = false;
    options.progressOnStderr = true;  // a person running it still sees how far it has got
    CommandContext quiet(options, ctx.args(), ctx.config(), ctx.executableDir(), narrative, ctx.err());
    std::vector<DemoStep> steps;
    const int rc = walkThrough(quiet, &steps);
    ctx.out() << JsonCodec::stringify(report(quiet, steps, rc)) << "\n";
    return rc;
}

Poco::JSON::Object::Ptr DemoCommand::report(CommandContext& ctx, const std::vector<DemoStep>& steps, int rc) {
    const auto dir = std::filesystem::absolute(kDemoDir);
    auto root = JsonCodec::newObject();
    root->set("ok", rc == kExitOk);
    root->set("exit_code", rc);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& step : steps) {
        auto object = JsonCodec::newObject();
        object->set("step", step.name);
        object->set("ok", step.exitCode == kExitOk);
        object->set("exit_code", step.exitCode);
        list->add(object);
    }
    root->set("steps", list);
    root->set("database", (dir / "estore.db").string());
    root->set("sandbox_log", (dir / "wix-sandbox.log").string());
    Poco::JSON::Array::Ptr stores = new Poco::JSON::Array;
    if (!steps.empty() && steps.front().exitCode == kExitOk) {
        for (const auto& store : StoreRepository(ctx.database()).list()) {
            auto object = JsonViews::store(store);
            object->set("orders", DbSalesOrders(ctx.database()).count(store.id));
            Poco::JSON::Array::Ptr invoices = new Poco::JSON::Array;
            for (const auto& invoice : InvoiceRepository(ctx.database()).list(store.id))
                invoices->add(JsonCodec::snakeCased(InvoiceJson::toJson(invoice)));
            object->set("invoices", invoices);
            stores->add(object);
        }
    }
    root->set("stores", stores);
    return root;
}

int DemoCommand::walkThrough(CommandContext& ctx, std::vector<DemoStep>* steps) {
    auto& out = ctx.out();
    // Each step's exit code, for --json; the first that fails ends the walk-through.
    const auto done = [steps](const char* name, int rc) {
        if (steps) steps->push_back({name, rc});
        return rc;
    };
    const auto dir = std::filesystem::absolute(kDemoDir);
    if (!ctx.options().db.empty())
        ctx.err() << "demo: "
                  << ctx.t({"--db se ne upošteva; demo vedno uporablja svojo bazo v " + dir.string(),
                            "--db ignored; the demo always uses its own database in " + dir.string()})
                  << "\n";
    const auto db = freshDatabase(dir);

    out << ctx.t({"Demo: e-računi + Wix (lokalni peskovnik)", "Demo: e-računi + Wix (local sandbox)"})
        << "\n\n";
    // The sandbox's rate limit is off and so is the plugin's pacing: only this demo, against its own local
    // sandbox, may go faster than Wix allows (a real store keeps wix.requests_per_minute at Wix's 200).
    SandboxProcess sandbox(ctx.executableDir() / "wix-sandbox", {"--seed", "1", "--rate-limit", "0"},
                           dir / "wix-sandbox.log");
    SandboxIdentity identity;
    try {
        sandbox.start();
        identity = sandbox.seededIdentity();
    } catch (const std::exception& e) {
        ctx.err() << ctx.t({"Peskovnika Wix ni mogoče zagnati.", "Cannot start the Wix sandbox."}) << "\n  "
                  << e.what() << "\n";
        return done("sandbox", kExitFailure);
    }
    out << ctx.t({"[1/7] Peskovnik Wix teče: ", "[1/7] Wix sandbox running: "}) << sandbox.baseUrl() << "\n"
        << ctx.t({"   Trgovina: ", "   Site: "}) << identity.siteId << "\n"
        << ctx.t({"   API ključ: iz peskovnika, ne prikazujemo", "   API key: from the sandbox, not shown"})
        << "\n\n";

    // Exactly what a person would type into the dialog, including the pasted dashboard address.
    ctx.config().setOverride("wix.api_base_url", sandbox.baseUrl());
    ctx.config().setOverride("wix.requests_per_minute", "0");
    ctx.options().db = db.string();
    ctx.options().json = false;
    const std::string dashboard = "https://manage.wix.com/dashboard/" + identity.siteId + "/home";
    out << ctx.t({"[2/7] Dodajanje trgovine:", "[2/7] Adding the store:"}) << "\n"
        << "   site_id=" << dashboard
        << "\n   warehouse=GLAVNO  cost_center=SPLET  import_since=" << kImportSince << "\n\n";
    done("sandbox", kExitOk);
    int rc = done("add_store", AddStoreCommand::addStore(
                                   ctx, "wix",
                                   {"api_key=" + identity.apiKey, "site_id=" + dashboard, "warehouse=GLAVNO",
                                    "cost_center=SPLET", std::string("import_since=") + kImportSince}));
    if (rc == kExitOk) rc = done("import_orders", importOrders(ctx));
    if (rc == kExitOk)
        rc = done("webhook",
                  DemoWebhookStep::run(ctx, sandbox, StoreRepository(ctx.database()).list().back().id));
    if (rc == kExitOk)
        rc = done("invoicing",
                  DemoInvoiceStep::run(ctx, sandbox, StoreRepository(ctx.database()).list().back().id));
    if (rc == kExitOk)
        rc = done("stock_push",
                  DemoStockStep::run(ctx, sandbox, StoreRepository(ctx.database()).list().back().id));

    sandbox.stop();
    out << "\n"
        << ctx.t({"Podatkovna baza: ", "Database: "}) << db.string() << "\n"
        << ctx.t({"Dnevnik peskovnika: ", "Sandbox log: "}) << (dir / "wix-sandbox.log").string() << "\n";
    out << ctx.t({"Peskovnik je ustavljen.", "The sandbox has been stopped."}) << "\n";
    if (rc == kExitOk)
        out << ctx.t({"Naprej: ", "Next: "}) << "estore-host --db " << db.string() << " orders wix-1   ("
            << ctx.t({"ali: ", "or: "})
            << "invoices wix-1, stock GLAVNO, stores, jobs, activity wix-1, sync wix-1 orders.import)\n";
    return rc;
}

}  // namespace estore::host

namespace estore::host {

int DemoCommand::importOrders(CommandContext& ctx) {
    auto stores = StoreRepository(ctx.database()).list();
    if (stores.empty()) return kExitFailure;
    const std::string storeId = stores.back().id;
    ctx.out() << "\n"
              << ctx.t({"[3/7] Uvoz naročil", "[3/7] Importing orders"}) << " (estore-host sync " << storeId
              << " orders.import):\n";
    JobRun run;
    const int rc = SyncCommand::sync(ctx, storeId, "orders.import", &run);
    if (rc != kExitOk) return rc;
    ctx.out() << "\n"
              << ctx.t({"[4/7] Povzetek:", "[4/7] Summary:"}) << "\n"
              << importSummary(run, DbSalesOrders(ctx.database()).list(storeId), ctx.lang());
    return kExitOk;
}

}  // namespace estore::host

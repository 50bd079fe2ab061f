#include "estore/host/demo/demo_stock_step.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <ostream>
#include <vector>

#include "estore/host/cli/add_store_command.h"
#include "estore/host/cli/command_context.h"
#include "estore/host/cli/sync_command.h"
#include "estore/host/core/formats.h"
#include "estore/host/demo/sandbox_process.h"
#include "estore/host/enrollment/store_enrollment.h"
#include "estore/host/plugins/plugin_registry.h"
#include "estore/host/stock/stock_repository.h"
#include "estore/host/storage/store_repository.h"

namespace estore::host {

namespace {

constexpr const char* kWarehouse = "GLAVNO";
constexpr int kSkus = 8;

}  // namespace

std::map<std::string, long> DemoStockStep::wixQuantities(SandboxProcess& sandbox) {
    std::map<std::string, long> quantities;
    auto answer =
        Poco::JSON::Parser().parse(sandbox.get("/_sandbox/catalog/stock")).extract<Poco::JSON::Object::Ptr>();
    const Poco::JSON::Array::Ptr stock = answer->getArray("stock");
    for (std::size_t i = 0; stock && i < stock->size(); ++i) {
        const auto level = stock->getObject(static_cast<unsigned>(i));
        if (level->optValue<bool>("tracked", false))
            quantities[level->getValue<std::string>("sku")] = level->getValue<long>("quantity");
    }
    return quantities;
}

bool DemoStockStep::enableStockSync(CommandContext& ctx, const std::string& storeId) {
    const auto store = StoreRepository(ctx.database()).find(storeId);
    if (!store) return false;
    PluginRegistry& plugins = ctx.plugins();
    const auto& fields = plugins.manifest(store->platform).descriptor.fields;
    const EnrollmentResult result =
        StoreEnrollment(ctx.host())
            .reconfigure(plugins.store(store->platform), *store, fields, {{"sync_stock", "true"}}, {});
    if (!result.ok())
        AddStoreCommand::printFailure(ctx, result,
                                      {"Nastavitev ni mogoče spremeniti.", "Cannot change the settings."});
    return result.ok();
}

int DemoStockStep::run(CommandContext& ctx, SandboxProcess& sandbox, const std::string& storeId) {
    auto& out = ctx.out();
    out << "\n"
        << ctx.t({"[7/7] Zaloga e-računi → Wix", "[7/7] Stock e-računi → Wix"}) << " (estore-host sync "
        << storeId << " stock.push):\n";
    sandbox.post("/_sandbox/catalog",
                 "{\"skus\":" + std::to_string(kSkus) + ",\"clean\":true,\"variants\":false}");
    const std::map<std::string, long> before = wixQuantities(sandbox);

    // The warehouse holds the same products; then three change in e-računi.
    std::vector<StockEntry> entries;
    for (const auto& [sku, quantity] : before)
        entries.push_back({sku, sdk::Decimal::fromInt(quantity), sdk::Decimal::fromInt(0)});
    std::size_t changed = 0;
    for (auto& entry : entries) {
        if (changed == 0) entry.onHand = entry.onHand + sdk::Decimal::fromInt(25);  // a delivery came in
        if (changed == 1) entry.reserved = sdk::Decimal::fromInt(2);  // two promised to customers
        if (changed == 2) entry.onHand = sdk::Decimal(75, 1);         // 7.5 left (sold by the kg)
        if (++changed == 3) break;
    }
    StockRepository(ctx.database()).apply(kWarehouse, entries);
    const std::string products = std::to_string(entries.size());
    out << ctx.t({"   Skladišče " + std::string(kWarehouse) + ": " + products +
                      " izdelkov, trije spremenjeni v e-računih",
                  "   Warehouse " + std::string(kWarehouse) + ": " + products +
                      " products, three changed in e-računi"})
        << "\n";
    if (!enableStockSync(ctx, storeId)) return kExitFailure;

    const int rc = SyncCommand::sync(ctx, storeId, "stock.push", nullptr);
    if (rc != kExitOk) return rc;
    const std::map<std::string, long> after = wixQuantities(sandbox);
    // Formats::table aligns by what a terminal shows, so the header's č and the − keep the columns straight.
    std::vector<std::vector<std::string>> rows = {{"   SKU", ctx.t({"v e-računih", "in e-računi"}),
                                                   ctx.t({"Wix prej", "Wix before"}),
                                                   ctx.t({"Wix zdaj", "Wix now"})}};
    for (const auto& entry : entries)
        rows.push_back(
            {"   " + entry.productCode,
             entry.onHand.toString() + " − " + entry.reserved.toString() + " " + ctx.t({"rez.", "res."}),
             std::to_string(before.at(entry.productCode)), std::to_string(after.at(entry.productCode))});
    out << Formats::table(rows);
    return kExitOk;
}

}  // namespace estore::host

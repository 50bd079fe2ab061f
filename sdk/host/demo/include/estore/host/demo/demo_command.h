#pragma once
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "estore/host/core/language.h"
#include "estore/host/services/db_sales_orders.h"

namespace estore::host {

class CommandContext;
struct JobRun;

/// One step of the walk-through and how it ended.
struct DemoStep {
    std::string name;  ///< "sandbox", "add_store", "import_orders", "webhook", "invoicing", "stock_push"
    int exitCode = 0;
};

/// `estore-host demo`: starts wix-sandbox, adds its seeded shop through the same path as add-store
/// (Site ID pasted as a dashboard URL, warehouse GLAVNO, cost centre SPLET) into a fresh demo database,
/// imports its orders through the same path as `sync`, summarises them, brings one new order in by
/// webhook (DemoWebhookStep), invoices and verifies with furs-sandbox (DemoInvoiceStep), pushes stock
/// (DemoStockStep) and stops the sandbox again. With --json it prints, instead of the walk-through, one
/// object: each step's result, the database, and the store with its order count and invoices.
class DemoCommand {
public:
    static int run(CommandContext& ctx);

    /// New / updated counts, orders flagged for review with their reasons, totals per currency and three
    /// sample documents in short form.
    static std::string importSummary(const JobRun& run, const std::vector<SalesOrderRecord>& orders,
                                     const Language& language);

private:
    /// The walk-through; `steps`, when given, hears each step's exit code.
    static int walkThrough(CommandContext& ctx, std::vector<DemoStep>* steps);
    /// What --json prints after the walk-through.
    static Poco::JSON::Object::Ptr report(CommandContext& ctx, const std::vector<DemoStep>& steps, int rc);
    /// Step 3: orders.import for the new store through SyncCommand, then the summary.
    static int importOrders(CommandContext& ctx);
};

}  // namespace estore::host

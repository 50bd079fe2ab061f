#pragma once
#include <string>
#include <vector>

#include "estore/host/core/language.h"
#include "estore/host/services/db_sales_orders.h"

namespace estore::host {

class CommandContext;
struct JobRun;

/// `estore-host demo`: starts wix-sandbox, adds its seeded shop through the same path as add-store
/// (Site ID pasted as a dashboard URL, warehouse GLAVNO, cost centre SPLET) into a fresh demo database,
/// imports its orders through the same path as `sync`, summarises them, brings one new order in by
/// webhook (DemoWebhookStep) and stops the sandbox again.
class DemoCommand {
public:
    static int run(CommandContext& ctx);

    /// New / updated counts, orders flagged for review with their reasons, totals per currency and three
    /// sample documents in short form.
    static std::string importSummary(const JobRun& run, const std::vector<SalesOrderRecord>& orders,
                                     const Language& language);

private:
    /// Step 3: orders.import for the new store through SyncCommand, then the summary.
    static int importOrders(CommandContext& ctx);
};

}  // namespace estore::host

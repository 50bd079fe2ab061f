#pragma once
// stock.push: makes Wix's inventory equal to the chosen warehouse's stock in e-računi (one way only).
//
// Each run reads the warehouse from the host and the site's SKU map from Wix (StockCatalogReader), diffs
// them in memory (StockPlanner) and writes only what differs, in the largest batches the API takes:
// V1 sets a product's variants with one PATCH per product (the only absolute-quantity write V1 has;
// increment/decrement would not be safe to repeat after a lost answer), V3 sends 100 items per bulk update
// (§8). Because every run starts from what Wix holds now, a run cut short (SIGKILL, outage) is simply
// run again: what was already confirmed equals the host's quantity and is not sent twice.
//
// A V3 item whose update failed is read again: if its revision moved (someone changed it meanwhile) and
// it still differs, it is tried once more with the new revision; every other failure is counted and
// recorded in the activity log with its SKU. A 428 (the site's catalog version changed) makes the job
// ask Wix for the version again and start over once.
#include <cstdint>
#include <string>
#include <vector>

#include "client/wix_client.h"
#include "estore/host_api/host_services.h"
#include "estore/host_api/values.h"
#include "stock/stock_planner.h"

namespace estore::wix {

class StockPushJob {
public:
    static constexpr const char* kJobId = "stock.push";
    static constexpr std::size_t kV3BatchSize = 100;

    StockPushJob(const host_api::JobRequest& request, host_api::HostServices& host);

    host_api::JobReport run();

    /// The PATCH body setting these variants of one V1 product.
    static std::string v1UpdateBody(const std::vector<const WixStockItem*>& items,
                                    const std::vector<std::int64_t>& quantities);
    /// The bulk update body for these V3 items.
    static std::string v3UpdateBody(const std::vector<const WixStockItem*>& items,
                                    const std::vector<std::int64_t>& quantities);

private:
    struct Failure {
        std::string sku;
        std::string reason;
    };

    host_api::Outcome push(WixClient& client, CatalogVersion version, const std::vector<WixStockItem>& items,
                           const StockPlan& plan, host_api::JobReport& report);
    host_api::Outcome pushV1(WixClient& client, const std::vector<WixStockItem>& items,
                             const std::vector<StockUpdate>& updates, host_api::JobReport& report);
    host_api::Outcome pushV3(WixClient& client, const std::vector<WixStockItem>& items,
                             const std::vector<StockUpdate>& updates, host_api::JobReport& report);
    /// One bulk call; items that failed are returned in `failed` (indexes into `batch`).
    host_api::Outcome sendV3Batch(WixClient& client, const std::vector<const WixStockItem*>& batch,
                                  const std::vector<std::int64_t>& quantities,
                                  std::vector<std::size_t>& failed, std::vector<std::string>& reasons,
                                  host_api::JobReport& report);
    void recordPlan(const StockPlan& plan, const std::vector<WixStockItem>& items);
    void recordFailures();
    void reportProgress(const host_api::JobReport& report);
    std::string setting(const std::string& key) const;

    const host_api::JobRequest& _request;
    host_api::HostServices& _host;
    std::vector<Failure> _failures;
};

}  // namespace estore::wix

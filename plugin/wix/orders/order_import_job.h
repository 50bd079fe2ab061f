#pragma once
// orders.import: brings every Wix order updated since the last run into e-računi, page by page.
//
// The cursor is the newest `updatedDate` stored so far (host State "orders.cursor"); it starts at the
// store's import_since. Each run searches `updatedDate ≥ cursor − overlap` in ascending order, 100 a page
// (Wix's maximum, reference §9.1), and moves the cursor only after a page is stored, so a crash or an
// outage repeats at most one page and upserts make the repeat harmless. Orders that could not be mapped
// are remembered ("orders.retry") and fetched again by id on the next run.
#include <cstdint>
#include <string>
#include <vector>

#include "estore/host_api/host_services.h"
#include "estore/host_api/values.h"
#include "estore/sdk/int_setting.h"

namespace estore::wix {

class WixClient;

class OrderImportJob {
public:
    static constexpr const char* kJobId = "orders.import";
    static constexpr const char* kCursorKey = "orders.cursor";
    static constexpr const char* kRetryKey = "orders.retry";
    static constexpr int kPageSize = 100;
    static constexpr std::int64_t kDefaultOverlapSeconds = 600;

    OrderImportJob(const host_api::JobRequest& request, host_api::HostServices& host);

    host_api::JobReport run();

    /// The first page's search body for orders updated at or after `fromMillis`, under the store's rule.
    static std::string firstPageBody(std::int64_t fromMillis, const std::string& importRule);
    static std::string nextPageBody(const std::string& cursor);

private:
    std::int64_t startMillis(const std::optional<std::string>& cursor) const;
    sdk::IntSetting overlapSetting() const;  ///< wix.orders_overlap_seconds, refused unless a whole number
    std::int64_t overlapMillis() const;
    bool retryEarlierFailures(WixClient& client, host_api::JobReport& report);
    bool importPages(WixClient& client, std::optional<std::string> cursor, host_api::JobReport& report);
    void saveRetries(const std::vector<std::string>& ids);
    void reportProgress(const host_api::JobReport& report);

    const host_api::JobRequest& _request;
    host_api::HostServices& _host;
};

}  // namespace estore::wix

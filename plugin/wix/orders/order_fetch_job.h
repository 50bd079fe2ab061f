#pragma once
// orders.fetch: reads one order from Wix (by id, else by number) and stores it through the same mapping
// as the hourly import. Webhooks ask for it; the webhook's payload is never taken as the order itself.
#include "estore/host_api/host_services.h"
#include "estore/host_api/values.h"

namespace estore::wix {

class OrderFetchJob {
public:
    static constexpr const char* kJobId = "orders.fetch";

    OrderFetchJob(const host_api::JobRequest& request, host_api::HostServices& host);

    host_api::JobReport run();

    /// The search body that finds an order by its number.
    static std::string searchByNumberBody(const std::string& number);

private:
    const host_api::JobRequest& _request;
    host_api::HostServices& _host;
};

}  // namespace estore::wix

#pragma once
// What a person does on a store's page: "Zaženi zdaj" (a recurring job brought forward; a worker,
// estore-host run, takes it), the webhook URL generated (shown once, with the steps in Wix Automations)
// or revoked, and the jobs' states as JSON for the page's live progress.
#include <string>

namespace estore::host {

class AdminRequest;

class StoreActions {
public:
    static void runNow(AdminRequest& request, const std::string& storeId);
    static void webhook(AdminRequest& request, const std::string& storeId);
    /// {"active": true while a job runs or waits for a worker, "jobs": [{"job", "state" (HTML)}]}.
    static void jobsJson(AdminRequest& request, const std::string& storeId);
};

}  // namespace estore::host

#pragma once
// "Elektronske trgovine": every connected store with its status (and, when it needs attention, why and
// what to do), its jobs' last runs and its order count; and one store's page: its shop, settings
// (secrets only as set or not), jobs and activity log.
#include <cstdint>
#include <string>

namespace estore::host {

class AdminRequest;
struct JobRecord;

class StorePages {
public:
    static void list(AdminRequest& request);
    /// GET /stores/<id>; 404 when there is no such store.
    static void store(AdminRequest& request, const std::string& storeId);
    /// A job's state as HTML: running with its counts so far, due and waiting for a worker, or its last run.
    static std::string jobState(AdminRequest& request, const JobRecord& job, std::int64_t nowMs);
    /// "/stores/<id>", the id encoded.
    static std::string path(const std::string& storeId);
    /// True when the store exists; otherwise answers 404 ("there is no store …") and returns false.
    static bool exists(AdminRequest& request, const std::string& storeId);
};

}  // namespace estore::host

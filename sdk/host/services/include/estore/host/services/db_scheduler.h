#pragma once
// host_api::Scheduler over the jobs table. Joins the caller's open transaction, so the jobs a plugin
// registers in activate() are committed or rolled back together with the new store.
#include "estore/host/storage/job_repository.h"
#include "estore/host_api/host_services.h"

namespace estore::host {

class Database;
class HostConfig;

class DbScheduler final : public host_api::Scheduler {
public:
    /// With a config, "host.job_interval.<job id>" (seconds) overrides the interval a plugin asks for:
    /// operators tune polling per host, and tests use short periods.
    explicit DbScheduler(Database& db, HostConfig* config = nullptr) : _db(db), _jobs(db), _config(config) {}

    host_api::Outcome schedule(const std::string& storeId, const host_api::JobSchedule& job) override;
    host_api::Outcome cancel(const std::string& storeId, const std::string& jobId) override;
    host_api::Outcome runSoon(const std::string& storeId, const std::string& jobId,
                              const std::map<std::string, std::string>& args) override;

private:
    bool storeExists(const std::string& storeId);
    static host_api::Outcome unknownStore(const std::string& storeId);
    std::int64_t intervalSeconds(const host_api::JobSchedule& job);

    Database& _db;
    JobRepository _jobs;
    HostConfig* _config;
};

/// The Outcome a host service returns instead of throwing into the plugin.
host_api::Outcome hostFailure(const std::string& what, const std::exception& e);

}  // namespace estore::host

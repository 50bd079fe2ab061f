#pragma once
// host_api::JobProgress for one claimed job run. Each report is also a heartbeat: it pushes the run's
// lease forward, so a long import (thousands of orders) keeps its job row for as long as it makes
// progress, while a worker that died still loses it after one lease period. A watcher (the terminal
// printer of `estore-host sync`) may look on.
#include <cstdint>
#include <string>

#include "estore/host_api/host_services.h"

namespace estore::host {

class Database;

class DbJobProgress final : public host_api::JobProgress {
public:
    /// deadlineMillis: the lease is not pushed past it (epoch ms; 0: no deadline).
    DbJobProgress(Database& db, std::int64_t jobRowId, std::string owner, std::int64_t leaseMillis,
                  host_api::JobProgress* watcher, std::int64_t deadlineMillis = 0)
        : _db(db),
          _jobRowId(jobRowId),
          _owner(std::move(owner)),
          _leaseMillis(leaseMillis),
          _watcher(watcher),
          _deadlineMillis(deadlineMillis) {}

    /// Never throws into the plugin.
    void progress(const std::string& storeId, const std::string& jobId,
                  const std::map<std::string, std::int64_t>& counts) override;

private:
    Database& _db;
    std::int64_t _jobRowId;
    std::string _owner;
    std::int64_t _leaseMillis;
    host_api::JobProgress* _watcher;
    std::int64_t _deadlineMillis;
};

}  // namespace estore::host

#include "estore/host/jobs/db_job_progress.h"

#include <iostream>

#include "estore/host/core/error_text.h"
#include "estore/host/jobs/lease_heartbeat.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/job_repository.h"

namespace estore::host {

void DbJobProgress::progress(const std::string& storeId, const std::string& jobId,
                             const std::map<std::string, std::int64_t>& counts) {
    try {
        // One statement: the counts for whoever watches (the admin pages), and the lease pushed on.
        const auto until = LeaseHeartbeat::renewedUntil(Database::nowMillis(), _leaseMillis, _deadlineMillis);
        JobRepository(_db).reportProgress(_jobRowId, _owner, counts, until.value_or(0));
    } catch (const std::exception& e) {
        // Not fatal: the lease simply runs its normal course.
        std::cerr << "estore-host: lease of " << storeId << " " << jobId << " not renewed: " << errorText(e)
                  << "\n";
    }
    if (!_watcher) return;
    try {
        _watcher->progress(storeId, jobId, counts);
    } catch (const std::exception&) {
        // A broken terminal must not stop the import.
    }
}

}  // namespace estore::host

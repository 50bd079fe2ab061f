#include "estore/host/services/db_scheduler.h"

#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include "estore/host/config/host_config.h"
#include "estore/host/core/error_text.h"
#include "estore/host/storage/database.h"

using namespace Poco::Data::Keywords;
using estore::host_api::ErrorCategory;
using estore::host_api::Outcome;

namespace estore::host {

Outcome hostFailure(const std::string& what, const std::exception& e) {
    return Outcome::failure(ErrorCategory::Transient, "host.storage_failed",
                            {"Gostitelj ni mogel shraniti podatkov (" + what + "). Poskusite znova.",
                             "The host could not store data (" + what + "). Please try again."},
                            errorText(e));
}

Outcome DbScheduler::unknownStore(const std::string& storeId) {
    return Outcome::failure(
        ErrorCategory::NotFound, "host.unknown_store",
        {"Trgovina " + storeId + " ne obstaja.", "Store " + storeId + " does not exist."});
}

bool DbScheduler::storeExists(const std::string& storeId) {
    Poco::Int64 count = 0;
    _db.session() << _db.sql("SELECT COUNT(*) FROM stores WHERE id = ?"), bind(storeId), into(count), now;
    return count > 0;
}

std::int64_t DbScheduler::intervalSeconds(const host_api::JobSchedule& job) {
    if (!_config || job.everySeconds <= 0) return job.everySeconds;
    return _config->getInt("host.job_interval." + job.jobId, job.everySeconds);
}

Outcome DbScheduler::schedule(const std::string& storeId, const host_api::JobSchedule& job) {
    try {
        if (!storeExists(storeId)) return unknownStore(storeId);
        const std::int64_t first =
            job.firstRunEpochSeconds > 0 ? job.firstRunEpochSeconds * 1000 : Database::nowMillis();
        // An interval of 0 means "once": honour it as a one-off rather than fail the plugin's activate().
        const std::int64_t every = intervalSeconds(job);
        if (every <= 0)
            _jobs.enqueueOnce(storeId, job.jobId, {}, first);
        else
            _jobs.scheduleRecurring(storeId, job.jobId, every, first);
        return Outcome::success();
    } catch (const std::exception& e) {
        return hostFailure("schedule " + job.jobId, e);
    }
}

Outcome DbScheduler::cancel(const std::string& storeId, const std::string& jobId) {
    try {
        _jobs.cancel(storeId, jobId);
        return Outcome::success();
    } catch (const std::exception& e) {
        return hostFailure("cancel " + jobId, e);
    }
}

Outcome DbScheduler::runSoon(const std::string& storeId, const std::string& jobId,
                             const std::map<std::string, std::string>& args) {
    try {
        if (!storeExists(storeId)) return unknownStore(storeId);
        // Repeated webhooks for one order: one queued fetch reads the newest state anyway.
        const std::int64_t nowMs = Database::nowMillis();
        if (_jobs.hasQueuedOnce(storeId, jobId, args, nowMs)) return Outcome::success();
        _jobs.enqueueOnce(storeId, jobId, args, nowMs);
        return Outcome::success();
    } catch (const std::exception& e) {
        return hostFailure("run " + jobId, e);
    }
}

}  // namespace estore::host

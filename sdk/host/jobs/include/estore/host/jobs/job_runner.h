#pragma once
// The scheduler loop: claims a due job with a lease, calls the plugin's runJob, records the report in
// the job row and the activity log, plans the next run and releases the lease. Runs on the calling
// thread; the plugin never starts threads of its own.
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "estore/host/core/language.h"
#include "estore/host/storage/job_repository.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host_api/host_services.h"
#include "estore/host_api/values.h"

namespace estore::host {

class HostServiceSet;
class LeaseHeartbeat;
class PluginRegistry;

struct RunnerOptions {
    std::string worker;               ///< names this worker in leases; unique per process is best
    std::int64_t leaseSeconds = 300;  ///< a claim expires after this, should the worker die
    std::int64_t pollMillis = 1000;   ///< how long to wait when nothing is due
    std::int64_t maxOneOffAttempts = 8;
    /// host.job_deadline_seconds: a run's lease is renewed (by the heartbeat and by progress reports) only
    /// this long; a run still going then (a plugin that never ends) loses its lease like a dead worker's,
    /// and says so in the activity log when it returns.
    std::int64_t jobDeadlineSeconds = 6 * 3600;
    /// The database's connection string for the lease heartbeat's own connection (see lease_heartbeat.h);
    /// empty: no heartbeat, leases are renewed only by the jobs' progress reports.
    std::string heartbeatConnection;
    /// Each finished run's line starts with its time; off when the log's own formatter stamps every line
    /// (estore-host run logs through Poco's logging, see run_log.h). A failed run's line then starts with
    /// "  ! ", which the log takes as a warning.
    bool stampLines = true;
    /// The language of the lines it writes to its log (the jobs table and the activity log keep theirs).
    Language language;
};

/// One finished run of a claimed job: what the plugin reported and what was written into the job row.
struct JobRun {
    host_api::JobReport report;
    JobCompletion completion;
    bool leaseKept = true;  ///< false: the lease expired and another worker owns the row now
};

struct RunTotals {
    std::size_t ran = 0;
    std::size_t succeeded = 0;
    std::size_t failed = 0;
};

class JobRunner {
public:
    JobRunner(HostServiceSet& host, PluginRegistry& plugins, RunnerOptions options, std::ostream& log);
    ~JobRunner();

    /// Runs jobs as they fall due until stopRequested() says so, or (once) until none is due now.
    /// `otherWork`, if given, runs before each job (true: it did something, so do not sleep yet), and
    /// `wake` cuts a wait short (new webhooks should not wait for the poll interval).
    RunTotals run(bool once, const std::function<bool()>& stopRequested,
                  const std::function<bool()>& otherWork = {}, const std::function<bool()>& wake = {});
    /// Claims and runs one due job; false when none was due.
    bool runOne(RunTotals& totals);
    /// Runs a job this runner has claimed under `owner` and records it as every run is recorded: job row
    /// (next run, lease released), activity log, store health. `watcher` sees the progress, if given.
    /// The one code path for the scheduler loop and `estore-host sync`.
    JobRun runClaimed(const StoreRecord& store, const JobRecord& job, const std::string& owner,
                      host_api::JobProgress* watcher = nullptr);
    /// A lease owner name unique to this runner and claim: "WORKER#N/INSTANCE".
    std::string newOwner();
    const RunnerOptions& options() const { return _options; }

    /// How long to wait before retrying: the platform's hint if any, else doubling from 30 s, capped at
    /// an hour and, for recurring jobs, at their interval.
    static std::int64_t backoffSeconds(std::int64_t attempts, std::int64_t intervalSeconds,
                                       int retryAfterSeconds);
    /// What to write into the job row after a run.
    JobCompletion plan(const JobRecord& job, const host_api::JobReport& report, std::int64_t nowMillis) const;

private:
    host_api::JobReport invoke(const StoreRecord& store, const JobRecord& job,
                               host_api::JobProgress& progress);
    /// The activity entry of a run; its detail ends with "; job_row=ID; worker=OWNER; started_ms=T;
    /// finished_ms=T", so the log shows which worker ran which job row when (and that a store's runs never
    /// overlapped).
    void recordActivity(const JobRecord& job, const host_api::JobReport& report,
                        const JobCompletion& completion, const std::string& owner,
                        std::int64_t startedMillis);
    /// After a failed pass: a lost database connection is opened again, so the worker carries on.
    void recoverConnection();
    void updateStoreHealth(const StoreRecord& store, const host_api::JobReport& report);

    HostServiceSet& _host;
    PluginRegistry& _plugins;
    RunnerOptions _options;
    std::ostream& _log;
    JobRepository _jobs;
    StoreRepository _stores;
    std::uint64_t _claims = 0;
    std::string _instance;  ///< random, per runner: part of every lease owner name
    std::unique_ptr<LeaseHeartbeat> _heartbeat;
};

}  // namespace estore::host

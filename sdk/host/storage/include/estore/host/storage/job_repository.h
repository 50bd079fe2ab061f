#pragma once
// The durable job table. Recurring jobs are one row per (store, job); one-off runs are rows with
// interval 0 that are deleted once done. A worker claims a due job by writing a lease (owner + expiry)
// with a conditional UPDATE, so two processes sharing the database cannot both win, and a store never
// has two jobs running at once. A worker that dies leaves a lease that simply expires.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace estore::host {

class Database;

struct JobRecord {
    std::int64_t id = 0;
    std::string storeId;
    std::string job;
    std::map<std::string, std::string> args;
    std::int64_t intervalSeconds = 0;  ///< 0: a one-off run
    std::int64_t nextRunAt = 0;        ///< epoch ms
    std::string leaseOwner;            ///< empty when nobody holds it
    std::int64_t leaseUntil = 0;
    std::int64_t attempts = 0;  ///< claims since the last success (counts runs that crashed, too)
    std::string lastStatus;     ///< "ok" or an error category name; empty before the first run
    std::string lastError;
    std::string
        lastSummary;  ///< the plugin's summary of the last run, English (Slovenian in the activity log)
    std::map<std::string, std::int64_t> lastCounts;
    std::int64_t lastRunAt = 0;
    std::map<std::string, std::int64_t> progress;  ///< the counts of the run in progress (JobProgress)

    bool recurring() const { return intervalSeconds > 0; }
    /// A worker holds it now.
    bool running(std::int64_t nowMs) const { return !leaseOwner.empty() && leaseUntil >= nowMs; }
};

/// What a worker writes when it is done with a claimed job.
struct JobCompletion {
    bool remove = false;         ///< a finished one-off: delete the row
    std::int64_t nextRunAt = 0;  ///< otherwise: when to run next
    std::int64_t attempts = 0;
    std::string status;
    std::string error;
    std::string summary;
    std::map<std::string, std::int64_t> counts;
    std::int64_t ranAt = 0;
};

class JobRepository {
public:
    explicit JobRepository(Database& db) : _db(db) {}

    /// Registers or replaces the store's recurring job; keeps its history and any lease. Returns its id.
    std::int64_t scheduleRecurring(const std::string& storeId, const std::string& job,
                                   std::int64_t intervalSeconds, std::int64_t firstRunAt);
    /// Queues a one-off run. Returns its id.
    std::int64_t enqueueOnce(const std::string& storeId, const std::string& job,
                             const std::map<std::string, std::string>& args, std::int64_t runAt);
    /// True when an identical one-off run (same job and args) is queued, due and not yet claimed: a new
    /// one would do nothing more.
    bool hasQueuedOnce(const std::string& storeId, const std::string& job,
                       const std::map<std::string, std::string>& args, std::int64_t nowMs);
    /// Removes the store's rows of that job (recurring and queued); true if any existed.
    bool cancel(const std::string& storeId, const std::string& job);
    void removeForStore(const std::string& storeId);

    std::vector<JobRecord> list(const std::string& storeId = {});
    std::optional<JobRecord> find(std::int64_t id);

    /// Claims the most overdue job that is free and whose store runs nothing else and is not paused
    /// (needs_attention), writing the lease (owner, nowMs + leaseMillis). owner must be unique per claim
    /// attempt.
    std::optional<JobRecord> claimNext(const std::string& owner, std::int64_t nowMs,
                                       std::int64_t leaseMillis);
    /// Tries to claim one given job; false if it is not due, leased, or its store is busy or paused.
    bool tryClaim(std::int64_t id, const std::string& storeId, const std::string& owner, std::int64_t nowMs,
                  std::int64_t leaseMillis);
    /// A run somebody asked for (estore-host sync): claims the store's recurring row of that job now,
    /// due or not, paused or not (the caller decided); without such a row, queues a one-off row that is
    /// claimed in the same transaction, so no worker can take it first. nullopt when the job or the store
    /// is busy with another worker (then nothing is left behind).
    std::optional<JobRecord> claimNow(const std::string& storeId, const std::string& job,
                                      const std::string& owner, std::int64_t nowMs, std::int64_t leaseMillis);
    /// Pushes the lease of a job this owner holds to `until`; false when the lease was lost.
    bool renewLease(std::int64_t id, const std::string& owner, std::int64_t until);
    /// The running job's counts so far, for those who watch (the admin pages); with until > 0 also the
    /// lease renewed. False when the owner lost the lease.
    bool reportProgress(std::int64_t id, const std::string& owner,
                        const std::map<std::string, std::int64_t>& counts, std::int64_t until);
    /// Brings the store's recurring job forward to now (Zaženi zdaj), unless it is due already; false when
    /// the store has no such recurring job.
    bool runSoon(const std::string& storeId, const std::string& job, std::int64_t nowMs);
    /// Writes the outcome and releases the lease. False when the lease was lost (expired and taken over),
    /// in which case nothing is written.
    bool finish(const JobRecord& job, const std::string& owner, const JobCompletion& completion);

private:
    /// The one conditional UPDATE behind every claim; `scheduled` adds "due now" and "store not paused".
    bool claim(std::int64_t id, const std::string& storeId, const std::string& owner, std::int64_t nowMs,
               std::int64_t leaseMillis, bool scheduled);
    std::vector<JobRecord> select(const std::string& where, const std::string& storeId, std::int64_t id);

    Database& _db;
};

}  // namespace estore::host

#include "estore/host/jobs/job_runner.h"

#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <chrono>
#include <ostream>
#include <thread>

#include "estore/host/core/error_text.h"
#include "estore/host/core/formats.h"
#include "estore/host/core/redactor.h"
#include "estore/host/jobs/db_job_progress.h"
#include "estore/host/jobs/lease_heartbeat.h"
#include "estore/host/plugins/plugin_registry.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"

using estore::host_api::ErrorCategory;
using estore::host_api::JobReport;
using estore::host_api::Outcome;

namespace estore::host {

namespace {

constexpr std::int64_t kFirstRetrySeconds = 30;
constexpr std::int64_t kMaxRetrySeconds = 3600;
constexpr std::int64_t kPluginMissingRetrySeconds = 300;

std::string countsText(const std::map<std::string, std::int64_t>& counts) {
    std::string text;
    for (const auto& [name, count] : counts)
        text += (text.empty() ? "" : ", ") + name + "=" + std::to_string(count);
    return text;
}

/// Errors that will not go away without the user changing the store's settings: the store is paused.
/// NotFound is not among them: a job may miss one record (an order deleted in the shop) and still be fine.
bool needsAttention(ErrorCategory category) {
    return category == ErrorCategory::Auth || category == ErrorCategory::Permission ||
           category == ErrorCategory::Config;
}

}  // namespace

JobRunner::JobRunner(HostServiceSet& host, PluginRegistry& plugins, RunnerOptions options, std::ostream& log)
    : _host(host),
      _plugins(plugins),
      _options(std::move(options)),
      _log(log),
      _jobs(host.database()),
      _stores(host.database()),
      _instance(Poco::UUIDGenerator::defaultGenerator().createRandom().toString().substr(0, 8)),
      _heartbeat(_options.heartbeatConnection.empty()
                     ? nullptr
                     : std::make_unique<LeaseHeartbeat>(_options.heartbeatConnection,
                                                        _options.leaseSeconds * 1000)) {}

JobRunner::~JobRunner() = default;

std::int64_t JobRunner::backoffSeconds(std::int64_t attempts, std::int64_t intervalSeconds,
                                       int retryAfterSeconds) {
    if (retryAfterSeconds > 0) return retryAfterSeconds;
    const std::int64_t exponent = std::clamp<std::int64_t>(attempts - 1, 0, 20);
    std::int64_t wait = std::min(kFirstRetrySeconds << exponent, kMaxRetrySeconds);
    if (intervalSeconds > 0) wait = std::min(wait, intervalSeconds);
    return wait;
}

std::string JobRunner::newOwner() {
    // The instance part keeps owners unique even when two processes were given the same --worker name
    // (or one was restarted under it): a late finish() can then never pass for another claim's.
    return _options.worker + "#" + std::to_string(++_claims) + "/" + _instance;
}

RunTotals JobRunner::run(bool once, const std::function<bool()>& stopRequested,
                         const std::function<bool()>& otherWork, const std::function<bool()>& wake) {
    RunTotals totals;
    while (!stopRequested()) {
        try {
            const bool didOther = otherWork && otherWork();
            if (runOne(totals) || didOther) continue;
        } catch (const std::exception& e) {
            // A busy or broken database: say so and try again later; leases keep the state sane.
            _log << "  ! " << errorText(e) << "\n" << std::flush;
            recoverConnection();
            if (once) break;
        }
        if (once) break;
        // Sleep in short slices so a stop request (or a wake-up) is honoured quickly.
        const std::int64_t slice = wake ? 5 : 100;
        for (std::int64_t slept = 0; slept < _options.pollMillis && !stopRequested() && !(wake && wake());
             slept += slice)
            std::this_thread::sleep_for(std::chrono::milliseconds(slice));
    }
    return totals;
}

void JobRunner::recoverConnection() {
    try {
        if (_host.database().reconnectIfLost())
            _log << "  ! "
                 << _options.language.pick({"povezava z bazo obnovljena", "database connection re-opened"})
                 << "\n"
                 << std::flush;
    } catch (const std::exception& e) {
        _log << "  ! " << errorText(e) << "\n" << std::flush;  // the next pass tries again
    }
}

bool JobRunner::runOne(RunTotals& totals) {
    const std::string owner = newOwner();
    const std::int64_t claimedAt = Database::nowMillis();
    auto job = _jobs.claimNext(owner, claimedAt, _options.leaseSeconds * 1000);
    if (!job) return false;

    auto store = _stores.find(job->storeId);
    if (!store) {
        // The store was removed after the job was read: drop the orphan.
        JobCompletion drop;
        drop.remove = true;
        _jobs.finish(*job, owner, drop);
        return true;
    }

    const JobRun run = runClaimed(*store, *job, owner);
    const JobCompletion& completion = run.completion;
    if (!run.leaseKept)
        _log << "  ! " << job->storeId << " " << job->job << ": "
             << _options.language.pick(
                    {"zakup je potekel pred koncem opravila; zdaj ga ima drug delavec (povečajte "
                     "host.lease_seconds)",
                     "lease expired before the job finished; another worker owns it now (raise "
                     "host.lease_seconds)"})
             << "\n";

    ++totals.ran;
    if (run.report.outcome.ok()) {
        ++totals.succeeded;
    } else {
        ++totals.failed;
    }
    if (_options.stampLines)
        _log << Formats::localTime(completion.ranAt) << "  ";
    else if (!run.report.outcome.ok())
        _log << "  ! ";
    // The jobs table keeps the English text for every reader; the log speaks the operator's language.
    const Outcome& outcome = run.report.outcome;
    const std::string said = outcome.ok()
                                 ? _options.language.pick(run.report.summary)
                                 : _options.language.pick(outcome.message) + " [" + outcome.code + "]";
    _log << job->storeId << "  " << job->job << "  " << completion.status << "  " << said << "\n"
         << std::flush;
    return true;
}

JobRun JobRunner::runClaimed(const StoreRecord& store, const JobRecord& job, const std::string& owner,
                             host_api::JobProgress* watcher) {
    const std::int64_t startedAt = Database::nowMillis();
    const std::int64_t deadline = startedAt + _options.jobDeadlineSeconds * 1000;
    DbJobProgress progress(_host.database(), job.id, owner, _options.leaseSeconds * 1000, watcher, deadline);
    JobRun run;
    {
        const LeaseHeartbeat::Scope beating(_heartbeat.get(), job.id, owner, deadline);
        run.report = invoke(store, job, progress);
    }
    if (Database::nowMillis() > deadline)
        _host.activity().record(
            store.id, host_api::ActivityLevel::Error, "host.job_deadline",
            {"Opravilo " + job.job + " je teklo dlje od dovoljenega (host.job_deadline_seconds = " +
                 std::to_string(_options.jobDeadlineSeconds) +
                 " s); zakup je ob roku potekel, da ga lahko "
                 "prevzame drug delavec.",
             "The job " + job.job + " ran longer than allowed (host.job_deadline_seconds = " +
                 std::to_string(_options.jobDeadlineSeconds) +
                 " s); its lease ran out at the deadline, so "
                 "another worker may take it over."},
            "");
    const Redactor redactor(_host.secrets().values(store.id));
    run.report.outcome = redactor.scrub(run.report.outcome);
    run.report.summary = redactor.scrub(run.report.summary);

    run.completion = plan(job, run.report, Database::nowMillis());
    recordActivity(job, run.report, run.completion, owner, startedAt);
    updateStoreHealth(store, run.report);
    run.leaseKept = _jobs.finish(job, owner, run.completion);
    return run;
}

JobReport JobRunner::invoke(const StoreRecord& store, const JobRecord& job, host_api::JobProgress& progress) {
    if (auto error = _plugins.open(store.platform)) {
        JobReport report;
        report.outcome =
            Outcome::failure(ErrorCategory::Transient, "host.plugin_unavailable",
                             {"Vtičnika za platformo " + store.platform + " ni mogoče naložiti.",
                              "The plugin for platform " + store.platform + " cannot be loaded."},
                             error->message);
        report.outcome.retryAfterSeconds = static_cast<int>(kPluginMissingRetrySeconds);
        return report;
    }
    host_api::JobRequest request{store.ref(), job.job, job.args};
    // The services are plain pointers: this run's copy adds its own progress (and lease heartbeat).
    host_api::HostServices services = _host.services();
    services.progress = &progress;
    try {
        return _plugins.store(store.platform).runJob(request, services);
    } catch (const std::exception& e) {
        JobReport report;
        report.outcome = Outcome::failure(
            ErrorCategory::Permanent, "host.plugin_threw",
            {"Vtičnik je med opravilom vrgel izjemo.", "The plugin threw during the job."}, e.what());
        return report;
    } catch (...) {
        JobReport report;
        report.outcome =
            Outcome::failure(ErrorCategory::Permanent, "host.plugin_threw",
                             {"Vtičnik je med opravilom vrgel izjemo.", "The plugin threw during the job."},
                             "unknown exception");
        return report;
    }
}

JobCompletion JobRunner::plan(const JobRecord& job, const JobReport& report, std::int64_t nowMillis) const {
    const Outcome& outcome = report.outcome;
    JobCompletion c;
    c.ranAt = nowMillis;
    c.status = outcome.ok() ? "ok" : host_api::categoryName(outcome.category);
    c.error = outcome.ok() ? "" : outcome.message.en + " [" + outcome.code + "]";
    c.summary = report.summary.en.empty() ? report.summary.sl : report.summary.en;
    c.counts = report.counts;
    c.attempts = outcome.ok() ? 0 : job.attempts;

    if (outcome.retryable()) {
        const bool givenUp = !job.recurring() && job.attempts >= _options.maxOneOffAttempts;
        c.remove = givenUp;
        c.nextRunAt =
            nowMillis + backoffSeconds(job.attempts, job.intervalSeconds, outcome.retryAfterSeconds) * 1000;
    } else {
        // Done, or failed in a way a retry will not mend: a one-off is finished either way.
        c.remove = !job.recurring();
        c.nextRunAt = nowMillis + job.intervalSeconds * 1000;
    }
    return c;
}

void JobRunner::recordActivity(const JobRecord& job, const JobReport& report, const JobCompletion& completion,
                               const std::string& owner, std::int64_t startedMillis) {
    const Outcome& outcome = report.outcome;
    const bool hasSummary = !report.summary.sl.empty() || !report.summary.en.empty();
    std::string detail = "job=" + job.job;
    if (!report.counts.empty()) detail += "; " + countsText(report.counts);
    if (!outcome.detail.empty()) detail += "; " + outcome.detail;
    const std::string run = "; job_row=" + std::to_string(job.id) + "; worker=" + owner +
                            "; started_ms=" + std::to_string(startedMillis) +
                            "; finished_ms=" + std::to_string(completion.ranAt);

    if (outcome.ok()) {
        _host.activity().record(job.storeId, host_api::ActivityLevel::Info, "job.completed",
                                hasSummary ? report.summary
                                           : host_api::Text{"Opravilo " + job.job + " je končano.",
                                                            "Job " + job.job + " finished."},
                                detail + run);
        return;
    }
    const bool givenUp = completion.remove && outcome.retryable();
    if (!completion.remove && outcome.retryable())
        detail += "; retry at " + Formats::isoUtc(completion.nextRunAt);
    if (givenUp) detail += "; gave up after " + std::to_string(job.attempts) + " attempts";
    _host.activity().record(
        job.storeId,
        outcome.retryable() && !givenUp ? host_api::ActivityLevel::Warning : host_api::ActivityLevel::Error,
        outcome.code.empty() ? "job.failed" : outcome.code, outcome.message, detail + run);
}

void JobRunner::updateStoreHealth(const StoreRecord& store, const JobReport& report) {
    // A run that worked proves the settings do (only a forced sync runs for a paused store).
    if (report.outcome.ok())
        _stores.setActive(store.id);
    else if (needsAttention(report.outcome.category))
        _host.storeStatus().needsAttention(store.id, report.outcome);
}

}  // namespace estore::host

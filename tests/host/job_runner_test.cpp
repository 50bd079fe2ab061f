// The scheduler loop's decisions: back-off, next run, one-off clean-up, and a job whose plugin is gone.
#include <gtest/gtest.h>

#include <sstream>

#include "estore/host/jobs/job_runner.h"
#include "estore/host/plugins/plugin_registry.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "test_support.h"

using namespace estore::host;
using namespace estore::host_api;

namespace {

class Runner : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        _db = std::make_unique<Database>(_dir.database());
        _host = std::make_unique<HostServiceSet>(*_db, _config);
        _plugins = std::make_unique<PluginRegistry>(_dir.path() / "no-plugins-here");
        RunnerOptions options;
        options.worker = "test";
        _runner = std::make_unique<JobRunner>(*_host, *_plugins, options, _log);
        StoreRecord store;
        store.id = "wix-1";
        store.platform = "wix";
        StoreRepository(*_db).insert(store);
    }

    static JobReport failure(ErrorCategory category, int retryAfter = 0) {
        JobReport report;
        report.outcome = Outcome::failure(category, "x.y", {"a", "b"});
        report.outcome.retryAfterSeconds = retryAfter;
        return report;
    }

    estore::test::TempDir _dir;
    HostConfig _config;
    std::ostringstream _log;
    std::unique_ptr<Database> _db;
    std::unique_ptr<HostServiceSet> _host;
    std::unique_ptr<PluginRegistry> _plugins;
    std::unique_ptr<JobRunner> _runner;
};

}  // namespace

TEST(Backoff, UsesTheHintElseDoublesWithCaps) {
    EXPECT_EQ(JobRunner::backoffSeconds(1, 3600, 17), 17);
    EXPECT_EQ(JobRunner::backoffSeconds(1, 3600, 0), 30);
    EXPECT_EQ(JobRunner::backoffSeconds(2, 3600, 0), 60);
    EXPECT_EQ(JobRunner::backoffSeconds(3, 3600, 0), 120);
    EXPECT_EQ(JobRunner::backoffSeconds(10, 900, 0), 900) << "never later than the regular run";
    EXPECT_EQ(JobRunner::backoffSeconds(30, 0, 0), 3600);
}

TEST_F(Runner, PlansTheNextRun) {
    JobRecord recurring;
    recurring.intervalSeconds = 3600;
    recurring.attempts = 3;
    auto ok = _runner->plan(recurring, JobReport{}, 1000);
    EXPECT_FALSE(ok.remove);
    EXPECT_EQ(ok.nextRunAt, 1000 + 3600 * 1000);
    EXPECT_EQ(ok.attempts, 0);
    EXPECT_EQ(ok.status, "ok");

    auto limited = _runner->plan(recurring, failure(ErrorCategory::RateLimited, 42), 1000);
    EXPECT_EQ(limited.nextRunAt, 1000 + 42 * 1000);
    EXPECT_EQ(limited.status, "rate_limited");
    EXPECT_EQ(limited.attempts, 3);

    auto auth = _runner->plan(recurring, failure(ErrorCategory::Auth), 1000);
    EXPECT_FALSE(auth.remove);
    EXPECT_EQ(auth.nextRunAt, 1000 + 3600 * 1000);

    JobRecord once;
    once.attempts = 1;
    EXPECT_TRUE(_runner->plan(once, JobReport{}, 0).remove);
    EXPECT_TRUE(_runner->plan(once, failure(ErrorCategory::Permanent), 0).remove);
    EXPECT_FALSE(_runner->plan(once, failure(ErrorCategory::Transient), 0).remove) << "retried";
    once.attempts = 8;
    EXPECT_TRUE(_runner->plan(once, failure(ErrorCategory::Transient), 0).remove) << "given up";
}

TEST_F(Runner, AJobWhosePluginCannotBeLoadedIsRetriedLaterAndLogged) {
    _host->services().scheduler->schedule("wix-1", {"orders.import", 3600, 0});
    RunTotals totals;
    const auto before = Database::nowMillis();
    ASSERT_TRUE(_runner->runOne(totals));
    EXPECT_EQ(totals.failed, 1u);
    auto jobs = JobRepository(*_db).list("wix-1");
    ASSERT_EQ(jobs.size(), 1u);
    EXPECT_EQ(jobs[0].lastStatus, "transient");
    EXPECT_NE(jobs[0].lastError.find("host.plugin_unavailable"), std::string::npos);
    EXPECT_TRUE(jobs[0].leaseOwner.empty()) << "the lease is released";
    EXPECT_GE(jobs[0].nextRunAt, before + 300 * 1000);
    auto activity = _host->activity().list("wix-1");
    ASSERT_EQ(activity.size(), 1u);
    EXPECT_EQ(activity[0].level, "warning");
    EXPECT_EQ(activity[0].code, "host.plugin_unavailable");
    // Which worker ran it, from when to when: the trail that shows a store's runs never overlapped.
    const std::string& detail = activity[0].detail;
    EXPECT_NE(detail.find("; job_row=" + std::to_string(jobs[0].id) + "; worker=test#1/"), std::string::npos)
        << detail;
    const auto started = std::stoll(detail.substr(detail.find("started_ms=") + 11));
    const auto finished = std::stoll(detail.substr(detail.find("finished_ms=") + 12));
    EXPECT_GE(started, before);
    EXPECT_LE(started, finished);
    EXPECT_EQ(finished, jobs[0].lastRunAt);

    EXPECT_FALSE(_runner->runOne(totals)) << "nothing else is due";
}

TEST_F(Runner, OnceStopsWhenNothingIsDueAndTheLoopHonoursStop) {
    auto totals = _runner->run(true, [] { return false; });
    EXPECT_EQ(totals.ran, 0u);
    _host->services().scheduler->schedule("wix-1", {"orders.import", 3600, 0});
    totals = _runner->run(false, [] { return true; });
    EXPECT_EQ(totals.ran, 0u) << "a stop requested before the first claim runs nothing";
}

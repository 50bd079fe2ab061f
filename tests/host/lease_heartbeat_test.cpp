// Leases across workers: the heartbeat keeps a running job's lease while it runs (and only while it
// runs), and a worker whose database connection was dropped opens a new one and carries on.
#include <gtest/gtest.h>

#include <Poco/Data/Statement.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "estore/host/config/host_config.h"
#include "estore/host/jobs/db_job_progress.h"
#include "estore/host/jobs/job_runner.h"
#include "estore/host/jobs/lease_heartbeat.h"
#include "estore/host/plugins/plugin_registry.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/job_repository.h"
#include "estore/host/storage/store_repository.h"
#include "test_support.h"

using namespace estore::host;
using namespace std::chrono_literals;

namespace {

constexpr std::int64_t kLease = 600;  // ms: short, so the test sees several beats and an expiry

class Leases : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        _url = _dir.database();
        _db = std::make_unique<Database>(_url);
        StoreRecord store;
        store.id = "wix-1";
        store.platform = "wix";
        StoreRepository(*_db).insert(store);
        JobRepository(*_db).scheduleRecurring("wix-1", "orders.import", 3600, 0);
    }

    /// A second worker's attempt to take the job now, on its own connection.
    bool otherWorkerClaims() {
        Database other(_url);
        return JobRepository(other).claimNext("other#1", Database::nowMillis(), kLease).has_value();
    }

    estore::test::TempDir _dir;
    std::string _url;
    std::unique_ptr<Database> _db;
};

}  // namespace

TEST_F(Leases, TheHeartbeatKeepsAHeldLeaseAliveAndLetsItExpireOnceReleased) {
    auto job = JobRepository(*_db).claimNext("me#1", Database::nowMillis(), kLease);
    ASSERT_TRUE(job);
    LeaseHeartbeat heartbeat(_url, kLease);
    heartbeat.hold(job->id, "me#1");

    std::this_thread::sleep_for(std::chrono::milliseconds(kLease * 3));
    EXPECT_FALSE(otherWorkerClaims()) << "three lease periods later the job is still ours";
    EXPECT_GE(heartbeat.renewals(), 3u);

    heartbeat.release();
    const auto renewals = heartbeat.renewals();
    std::this_thread::sleep_for(std::chrono::milliseconds(kLease + 200));
    EXPECT_EQ(heartbeat.renewals(), renewals) << "no beats after release";
    EXPECT_TRUE(otherWorkerClaims()) << "a released lease expires like a dead worker's";
}

TEST_F(Leases, TheHeartbeatNeverTakesBackALeaseAnotherWorkerOwnsNow) {
    auto job = JobRepository(*_db).claimNext("me#1", Database::nowMillis(), 1);
    ASSERT_TRUE(job);
    std::this_thread::sleep_for(5ms);
    ASSERT_TRUE(otherWorkerClaims()) << "the 1 ms lease ran out";
    LeaseHeartbeat heartbeat(_url, kLease);
    heartbeat.hold(job->id, "me#1");
    std::this_thread::sleep_for(std::chrono::milliseconds(kLease));
    heartbeat.release();
    EXPECT_EQ(heartbeat.renewals(), 0u);
    EXPECT_EQ(JobRepository(*_db).find(job->id)->leaseOwner, "other#1");
}

TEST_F(Leases, NeitherTheHeartbeatNorProgressRenewsALeasePastTheRunsDeadline) {
    EXPECT_EQ(LeaseHeartbeat::renewedUntil(1000, 300, 0), 1300) << "no deadline";
    EXPECT_EQ(LeaseHeartbeat::renewedUntil(1000, 300, 1200), 1200) << "capped at the deadline";
    EXPECT_FALSE(LeaseHeartbeat::renewedUntil(1200, 300, 1200)) << "past it: not renewed";

    auto job = JobRepository(*_db).claimNext("me#1", Database::nowMillis(), kLease);
    ASSERT_TRUE(job);
    const std::int64_t deadline = Database::nowMillis() + kLease / 2;
    LeaseHeartbeat heartbeat(_url, kLease);
    heartbeat.hold(job->id, "me#1", deadline);
    DbJobProgress progress(*_db, job->id, "me#1", kLease, nullptr, deadline);
    // A run that never ends, reporting progress all the while, as the paging loop Wix once fed did.
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(kLease * 3);
    while (std::chrono::steady_clock::now() < until) {
        progress.progress("wix-1", "orders.import", {{"pages", 1}});
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_LE(JobRepository(*_db).find(job->id)->leaseUntil, deadline) << "never pushed past the deadline";
    EXPECT_TRUE(otherWorkerClaims()) << "the lease ran out at the deadline: another worker may take the job";
    heartbeat.release();
}

TEST_F(Leases, ARunWithTheHeartbeatOnReleasesItsLeaseWhenDone) {
    HostConfig config;
    HostServiceSet host(*_db, config);
    PluginRegistry plugins(_dir.path() / "no-plugins-here");
    RunnerOptions options;
    options.worker = "me";
    options.leaseSeconds = 1;
    options.heartbeatConnection = _url;
    std::ostringstream log;
    JobRunner runner(host, plugins, options, log);
    RunTotals totals;
    ASSERT_TRUE(runner.runOne(totals));  // the plugin is missing: a quick failed run, lease released
    const auto job = JobRepository(*_db).list("wix-1").front();
    EXPECT_TRUE(job.leaseOwner.empty());
    EXPECT_EQ(log.str().find("lease expired"), std::string::npos) << log.str();
}

TEST_F(Leases, AWorkerWhoseConnectionWasDroppedReconnectsAndCarriesOn) {
    ESTORE_POSTGRES_ONLY("SQLite has no server connection to lose");
    Poco::Int64 backend = 0;
    _db->session() << "SELECT pg_backend_pid()", Poco::Data::Keywords::into(backend),
        Poco::Data::Keywords::now;
    {
        Database admin(_url);
        bool terminated = false;
        admin.session() << "SELECT pg_terminate_backend(" + std::to_string(backend) + ")",
            Poco::Data::Keywords::into(terminated), Poco::Data::Keywords::now;
        ASSERT_TRUE(terminated);
    }

    HostConfig config;
    HostServiceSet host(*_db, config);
    PluginRegistry plugins(_dir.path() / "no-plugins-here");
    RunnerOptions options;
    options.worker = "me";
    options.language = Language{true};  // the log in the operator's language: English here
    std::ostringstream log;
    JobRunner runner(host, plugins, options, log);
    // First pass: the claim fails on the dead connection, is logged, and the connection is re-opened.
    auto totals = runner.run(true, [] { return false; });
    EXPECT_EQ(totals.ran, 0u);
    EXPECT_NE(log.str().find("database connection re-opened"), std::string::npos) << log.str();
    EXPECT_EQ(log.str().find("povezava z bazo"), std::string::npos) << "one language: " << log.str();
    // Second pass: the job runs on the new connection.
    totals = runner.run(true, [] { return false; });
    EXPECT_EQ(totals.ran, 1u) << log.str();
    EXPECT_FALSE(_db->reconnectIfLost()) << "the new connection is fine";
}

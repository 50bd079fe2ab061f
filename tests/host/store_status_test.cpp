// StoreStatus: credentials that stop working pause the store (the runner claims none of its jobs) until
// its settings change; a manual sync may still claim it. Progress renews the run's lease.
#include <gtest/gtest.h>

#include <sstream>

#include "estore/host/cli/progress_printer.h"
#include "estore/host/jobs/db_job_progress.h"
#include "estore/host/jobs/job_runner.h"
#include "estore/host/plugins/plugin_registry.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/job_repository.h"
#include "estore/host/storage/store_repository.h"
#include "test_support.h"

using namespace estore::host;
using namespace estore::host_api;

namespace {

class StoreStatusTest : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        _db = std::make_unique<Database>(_dir.database());
        _host = std::make_unique<HostServiceSet>(*_db, _config);
        for (const char* id : {"wix-1", "wix-2"}) {
            StoreRecord store;
            store.id = id;
            store.platform = "wix";
            StoreRepository(*_db).insert(store);
        }
    }

    static Outcome revoked() {
        return Outcome::failure(ErrorCategory::Auth, "wix.auth.invalid_key",
                                {"API ključ ni veljaven.", "The API key is not valid."}, "HTTP 401");
    }

    estore::test::TempDir _dir;
    HostConfig _config;
    std::unique_ptr<Database> _db;
    std::unique_ptr<HostServiceSet> _host;
};

}  // namespace

TEST_F(StoreStatusTest, CredentialsNeedAttentionKeepsTheCauseAndLogsItOnce) {
    _host->services().storeStatus->credentialsNeedAttention("wix-1", revoked());
    _host->services().storeStatus->credentialsNeedAttention("wix-1", revoked());
    auto store = StoreRepository(*_db).find("wix-1");
    ASSERT_TRUE(store);
    EXPECT_EQ(store->status, "needs_attention");
    EXPECT_TRUE(store->paused());
    EXPECT_EQ(store->statusCode, "wix.auth.invalid_key");
    EXPECT_EQ(store->statusCategory, "auth");
    EXPECT_EQ(store->statusMessage.sl, "API ključ ni veljaven.");
    EXPECT_EQ(store->statusMessage.en, "The API key is not valid.");
    auto activity = _host->activity().list("wix-1");
    ASSERT_EQ(activity.size(), 1u) << "the same cause twice is logged once";
    EXPECT_EQ(activity[0].code, "store.needs_attention");
    EXPECT_EQ(activity[0].level, "error");
    EXPECT_NE(activity[0].message.en.find("configure wix-1"), std::string::npos) << activity[0].message.en;
    EXPECT_FALSE(StoreRepository(*_db).find("wix-2")->paused());
}

TEST_F(StoreStatusTest, ThePausedStoresJobsAreNotClaimedUntilItIsActiveAgain) {
    _host->services().scheduler->schedule("wix-1", {"orders.import", 3600, 0});
    _host->services().storeStatus->credentialsNeedAttention("wix-1", revoked());
    JobRepository jobs(*_db);
    const auto now = Database::nowMillis() + 1000;
    EXPECT_FALSE(jobs.claimNext("w#1", now, 60000)) << "paused";
    const auto id = jobs.list("wix-1").at(0).id;
    EXPECT_FALSE(jobs.tryClaim(id, "wix-1", "w#2", now, 60000)) << "paused";

    // Other stores are not held up.
    _host->services().scheduler->schedule("wix-2", {"orders.import", 3600, 0});
    auto other = jobs.claimNext("w#3", now, 60000);
    ASSERT_TRUE(other);
    EXPECT_EQ(other->storeId, "wix-2");

    EXPECT_TRUE(StoreRepository(*_db).setActive("wix-1"));
    auto resumed = jobs.claimNext("w#4", now, 60000);
    ASSERT_TRUE(resumed);
    EXPECT_EQ(resumed->storeId, "wix-1");
    EXPECT_TRUE(StoreRepository(*_db).find("wix-1")->statusCode.empty()) << "the cause is forgotten";
}

TEST_F(StoreStatusTest, TheRunnerRunsNothingForAPausedStore) {
    _host->services().scheduler->schedule("wix-1", {"orders.import", 3600, 0});
    _host->services().storeStatus->credentialsNeedAttention("wix-1", revoked());
    PluginRegistry plugins(_dir.path() / "no-plugins");
    std::ostringstream log;
    RunnerOptions options;
    options.worker = "test";
    JobRunner runner(*_host, plugins, options, log);
    RunTotals totals;
    EXPECT_FALSE(runner.runOne(totals));
    EXPECT_EQ(totals.ran, 0u);
}

TEST_F(StoreStatusTest, AManualRunClaimsNowEvenIfNotDueAndNeverBesideAnotherWorker) {
    _host->services().scheduler->schedule("wix-1",
                                          {"orders.import", 3600, Database::nowMillis() / 1000 + 3600});
    JobRepository jobs(*_db);
    const auto now = Database::nowMillis();
    auto claimed = jobs.claimNow("wix-1", "orders.import", "sync#1", now, 60000);
    ASSERT_TRUE(claimed) << "not due, claimed anyway";
    EXPECT_TRUE(claimed->recurring()) << "the store's own row";
    EXPECT_FALSE(jobs.claimNow("wix-1", "orders.import", "sync#2", now, 60000)) << "leased";
    EXPECT_FALSE(jobs.claimNow("wix-1", "stock.push", "sync#3", now, 60000)) << "the store is busy";
    EXPECT_EQ(jobs.list("wix-1").size(), 1u) << "a refused one-off leaves no row";

    auto oneOff = jobs.claimNow("wix-2", "orders.import", "sync#4", now, 60000);
    ASSERT_TRUE(oneOff) << "no row: a one-off";
    EXPECT_FALSE(oneOff->recurring());
    EXPECT_EQ(oneOff->leaseOwner, "sync#4");
    EXPECT_FALSE(jobs.claimNext("w#1", now + 1000, 60000)) << "both rows are held";
}

TEST_F(StoreStatusTest, ProgressRenewsTheLeaseAndReachesTheWatcher) {
    JobRepository jobs(*_db);
    const auto now = Database::nowMillis();
    auto claimed = jobs.claimNow("wix-1", "orders.import", "sync#1", now, 1000);
    ASSERT_TRUE(claimed);
    std::ostringstream screen;
    ProgressPrinter printer(screen, false, Language{});
    DbJobProgress progress(*_db, claimed->id, "sync#1", 600000, &printer);
    progress.progress("wix-1", "orders.import", {{"pages", 12}, {"orders", 1187}});
    EXPECT_GT(jobs.find(claimed->id)->leaseUntil, now + 500000);
    printer.finish();  // without a terminal the counts come every few seconds, and at the end
    EXPECT_EQ(screen.str().rfind("orders.import: strani: 12, naročila: 1.187", 0), 0u) << screen.str();
    DbJobProgress stranger(*_db, claimed->id, "other#1", 5, nullptr);
    stranger.progress("wix-1", "orders.import", {});
    EXPECT_GT(jobs.find(claimed->id)->leaseUntil, now + 500000) << "only the holder renews";
}

TEST(ProgressPrinterTest, UpdatesOneLineOnATerminalWithTheRate) {
    ProgressMeter::Clock::time_point now{};
    ProgressMeter::Style style{.terminal = true};
    style.now = [&now] { return now; };
    std::ostringstream screen;
    ProgressPrinter printer(screen, style, Language{true});
    printer.progress("wix-1", "orders.import", {{"pages", 1}, {"orders", 100}, {"created", 100}});
    now += std::chrono::milliseconds(20);
    printer.progress("wix-1", "orders.import", {{"pages", 2}, {"orders", 150}});  // too soon: not drawn
    now += std::chrono::milliseconds(1980);
    printer.progress("wix-1", "orders.import", {{"pages", 3}, {"orders", 1300}});
    now += std::chrono::milliseconds(30);
    printer.progress("wix-1", "orders.import", {{"pages", 4}, {"orders", 1410}});  // drawn by finish()
    printer.finish();
    EXPECT_EQ(screen.str(),
              "\rorders.import: pages: 1, orders: 100\033[K"
              "\rorders.import: pages: 3, orders: 1,300, 650/s\033[K"
              "\rorders.import: pages: 4, orders: 1,410, 694/s · done, 2.0 s\033[K\n");
    EXPECT_EQ(ProgressMeter::grouped(1234567, Language{}), "1.234.567");
    EXPECT_EQ(ProgressMeter::grouped(1234567, Language{true}), "1,234,567");
    EXPECT_EQ(ProgressMeter::grouped(999, Language{}), "999");
    EXPECT_EQ(ProgressPrinter::counts({{"orders", 1187}}, Language{}), "naročila: 1.187");
    EXPECT_EQ(ProgressPrinter::counts({{"items", 3}}, Language{}), "items: 3");
}

TEST(ProgressPrinterTest, WithoutATerminalALineEveryFewSecondsAndTheLastCounts) {
    ProgressMeter::Clock::time_point now{};
    ProgressMeter::Style style;  // not a terminal: a line at most every 5 s
    style.now = [&now] { return now; };
    std::ostringstream log;
    ProgressPrinter printer(log, style, Language{});
    for (int page = 1; page <= 60; ++page) {  // a page every 200 ms: 12 s
        now += std::chrono::milliseconds(200);
        printer.progress("wix-1", "orders.import", {{"pages", page}, {"orders", page * 100}});
    }
    printer.finish({"ni uspelo", "failed"});
    EXPECT_EQ(log.str(),
              "orders.import: strani: 26, naročila: 2.600, 520/s\n"
              "orders.import: strani: 51, naročila: 5.100, 510/s\n"
              "orders.import: strani: 60, naročila: 6.000, 508/s · ni uspelo, 11,8 s\n");
}

TEST(ProgressPrinterTest, AJobThatThrowsStillEndsTheLine) {
    std::ostringstream screen;
    {
        ProgressPrinter printer(screen, true, Language{});
        printer.progress("wix-1", "orders.import", {{"orders", 5}});
    }
    ASSERT_FALSE(screen.str().empty());
    EXPECT_EQ(screen.str().back(), '\n') << "the error that follows starts on a line of its own";
}

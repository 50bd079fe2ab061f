// The durable job table: recurring and one-off rows, lease-based claiming by several workers (each with
// its own connection, as separate processes would have), store exclusivity and lease take-over.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "estore/host/storage/database.h"
#include "estore/host/storage/job_repository.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/storage/transaction.h"
#include "test_support.h"

using namespace estore::host;

namespace {

constexpr std::int64_t kLease = 5000;

class JobClaiming : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        _path = _dir.database();
        _db = std::make_unique<Database>(_path);
        addStore("wix-1");
        addStore("wix-2");
    }

    void addStore(const std::string& id) {
        StoreRecord store;
        store.id = id;
        store.platform = "wix";
        StoreRepository(*_db).insert(store);
    }

    estore::test::TempDir _dir;
    std::string _path;
    std::unique_ptr<Database> _db;
};

}  // namespace

TEST_F(JobClaiming, SchedulingAgainReplacesTheRecurringRowButOneOffsQueueUp) {
    JobRepository jobs(*_db);
    const auto first = jobs.scheduleRecurring("wix-1", "orders.import", 3600, 1000);
    const auto second = jobs.scheduleRecurring("wix-1", "orders.import", 600, 2000);
    EXPECT_EQ(first, second);
    jobs.enqueueOnce("wix-1", "orders.fetch", {{"orderId", "a"}}, 0);
    jobs.enqueueOnce("wix-1", "orders.fetch", {{"orderId", "b"}}, 0);
    auto rows = jobs.list("wix-1");
    ASSERT_EQ(rows.size(), 3u);
    const auto recurring = jobs.find(first);
    ASSERT_TRUE(recurring);
    EXPECT_EQ(recurring->intervalSeconds, 600);
    EXPECT_EQ(recurring->nextRunAt, 2000);
    std::set<std::string> orderIds;
    for (const auto& job : rows)
        if (!job.recurring()) orderIds.insert(job.args.at("orderId"));
    EXPECT_EQ(orderIds, (std::set<std::string>{"a", "b"}));
}

TEST_F(JobClaiming, OfTwoClaimersOnlyOneWins) {
    JobRepository(*_db).scheduleRecurring("wix-1", "orders.import", 3600, 0);
    Database otherProcess(_path);
    JobRepository a(*_db);
    JobRepository b(otherProcess);
    auto won = a.claimNext("a#1", 1000, kLease);
    ASSERT_TRUE(won);
    EXPECT_EQ(won->leaseOwner, "a#1");
    EXPECT_EQ(won->leaseUntil, 1000 + kLease);
    EXPECT_EQ(won->attempts, 1);
    EXPECT_FALSE(b.claimNext("b#1", 1001, kLease));
}

TEST_F(JobClaiming, AnExpiredLeaseIsTakenOverAndTheLateWorkerWritesNothing) {
    const auto id = JobRepository(*_db).scheduleRecurring("wix-1", "orders.import", 3600, 0);
    Database otherProcess(_path);
    JobRepository a(*_db);
    JobRepository b(otherProcess);
    auto claimedByA = a.claimNext("a#1", 1000, kLease);
    ASSERT_TRUE(claimedByA);
    EXPECT_FALSE(b.claimNext("b#1", 1000 + kLease - 1, kLease)) << "the lease still holds";
    auto claimedByB = b.claimNext("b#2", 1000 + kLease + 1, kLease);
    ASSERT_TRUE(claimedByB) << "an expired lease is free";
    EXPECT_EQ(claimedByB->id, id);
    EXPECT_EQ(claimedByB->attempts, 2) << "the crashed run counts as an attempt";

    JobCompletion done;
    done.nextRunAt = 99'000;
    done.status = "ok";
    done.ranAt = 7000;
    EXPECT_FALSE(a.finish(*claimedByA, "a#1", done)) << "A lost its lease";
    EXPECT_TRUE(b.finish(*claimedByB, "b#2", done));
    auto row = a.find(id);
    ASSERT_TRUE(row);
    EXPECT_TRUE(row->leaseOwner.empty());
    EXPECT_EQ(row->nextRunAt, 99'000);
    EXPECT_EQ(row->lastStatus, "ok");
    EXPECT_EQ(row->attempts, 0);
}

TEST_F(JobClaiming, AStoreNeverRunsTwoJobsAtOnce) {
    JobRepository jobs(*_db);
    jobs.scheduleRecurring("wix-1", "orders.import", 3600, 0);
    jobs.scheduleRecurring("wix-1", "stock.push", 900, 0);
    jobs.scheduleRecurring("wix-2", "orders.import", 3600, 0);
    Database otherProcess(_path);
    Database thirdProcess(_path);
    auto first = JobRepository(*_db).claimNext("a#1", 1000, kLease);
    auto second = JobRepository(otherProcess).claimNext("b#1", 1000, kLease);
    auto third = JobRepository(thirdProcess).claimNext("c#1", 1000, kLease);
    ASSERT_TRUE(first);
    ASSERT_TRUE(second);
    EXPECT_NE(first->storeId, second->storeId) << "the second claimer must skip the busy store";
    EXPECT_FALSE(third) << "both stores are busy";

    // Once the first job is done, the same store's other job can go.
    JobCompletion done;
    done.nextRunAt = 1'000'000;
    done.status = "ok";
    ASSERT_TRUE(JobRepository(*_db).finish(*first, "a#1", done));
    auto fourth = JobRepository(thirdProcess).claimNext("c#2", 1000, kLease);
    ASSERT_TRUE(fourth);
    EXPECT_EQ(fourth->storeId, first->storeId);
    EXPECT_NE(fourth->job, first->job);
}

TEST_F(JobClaiming, ConcurrentWorkersClaimEveryJobExactlyOnce) {
    constexpr int kStores = 12;
    JobRepository jobs(*_db);
    for (int i = 0; i < kStores; ++i) {
        addStore("s-" + std::to_string(i));
        jobs.scheduleRecurring("s-" + std::to_string(i), "orders.import", 3600, 0);
    }
    std::mutex mutex;
    std::vector<std::int64_t> claimed;
    std::vector<std::thread> workers;
    for (int w = 0; w < 4; ++w) {
        workers.emplace_back([&, w] {
            Database db(_path);
            JobRepository repository(db);
            for (int n = 0;; ++n) {
                auto job =
                    repository.claimNext("w" + std::to_string(w) + "#" + std::to_string(n), 1000, kLease);
                if (!job) break;
                std::lock_guard<std::mutex> lock(mutex);
                claimed.push_back(job->id);
            }
        });
    }
    for (auto& t : workers) t.join();
    std::set<std::int64_t> unique(claimed.begin(), claimed.end());
    EXPECT_EQ(claimed.size(), unique.size()) << "a job was claimed twice";
    EXPECT_EQ(unique.size(), static_cast<std::size_t>(kStores));
}

TEST_F(JobClaiming, AClaimSkipsAStoreAnotherWorkerIsClaimingForInsteadOfWaiting) {
    ESTORE_POSTGRES_ONLY("SQLite has one writer at a time, so there is nothing to skip");
    JobRepository jobs(*_db);
    jobs.scheduleRecurring("wix-1", "orders.import", 3600, 0);  // due first
    jobs.scheduleRecurring("wix-2", "orders.import", 3600, 1);
    Database otherWorker(_path);
    Transaction claiming(otherWorker);  // another worker, in the middle of a claim for wix-1
    otherWorker.execute("SELECT id FROM stores WHERE id = 'wix-1' FOR UPDATE");
    auto job = jobs.claimNext("a#1", 1000, kLease);  // would hang here without SKIP LOCKED
    ASSERT_TRUE(job);
    EXPECT_EQ(job->storeId, "wix-2");
    claiming.rollback();
    auto next = jobs.claimNext("a#2", 1000, kLease);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->storeId, "wix-1");
}

TEST_F(JobClaiming, AFinishedOneOffIsDeleted) {
    JobRepository jobs(*_db);
    const auto id = jobs.enqueueOnce("wix-1", "orders.fetch", {{"orderId", "x"}}, 0);
    auto job = jobs.claimNext("a#1", 1000, kLease);
    ASSERT_TRUE(job);
    EXPECT_EQ(job->args.at("orderId"), "x");
    JobCompletion done;
    done.remove = true;
    ASSERT_TRUE(jobs.finish(*job, "a#1", done));
    EXPECT_FALSE(jobs.find(id));
}

TEST_F(JobClaiming, AJobIsNotClaimedBeforeItIsDue) {
    JobRepository jobs(*_db);
    jobs.scheduleRecurring("wix-1", "orders.import", 3600, 50'000);
    EXPECT_FALSE(jobs.claimNext("a#1", 49'999, kLease));
    EXPECT_TRUE(jobs.claimNext("a#2", 50'000, kLease));
}

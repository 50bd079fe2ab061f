// The webhook intake in-process: the journal's frames, the intake's copy of the tokens, the mover that
// copies accepted requests into the inbox, what happens while the database refuses writes, and the
// recovery of a journal that a stopped process left behind. On SQLite, and on PostgreSQL as pg.*.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "estore/host/storage/database.h"
#include "estore/host/storage/sequence.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/storage/transaction.h"
#include "estore/host/webhooks/webhook_inbox.h"
#include "estore/host/webhooks/webhook_intake.h"
#include "estore/host/webhooks/webhook_journal.h"
#include "estore/host/webhooks/webhook_journal_record.h"
#include "estore/host/webhooks/webhook_token.h"
#include "estore/host/webhooks/webhook_token_repository.h"
#include "test_support.h"

using namespace estore::host;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

InboxRow rowWith(std::int64_t id, const std::string& body, const std::string& reason = "") {
    InboxRow row;
    row.id = id;
    row.storeId = "wix-1";
    row.receivedAt = 1700000000000 + id;
    row.method = "POST";
    row.contentType = "application/json";
    row.headersText = R"({"content-type":"application/json"})";
    row.body = body;
    row.rejectReason = reason;
    return row;
}

std::size_t subfolders(const fs::path& dir) {
    std::size_t count = 0;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error))
        if (entry.is_directory() && !entry.path().filename().string().starts_with(".")) ++count;
    return count;
}

}  // namespace

TEST(WebhookJournalRecord, KeepsEveryFieldOfARequestIncludingBinaryBodies) {
    InboxRow row = rowWith(42, std::string("{\"a\":\"\xff\xfe\0\"}", 11), "NUL byte in the body");
    row.method = "PUT";
    row.contentType = "text/plain; charset=utf-8";
    const auto decoded = WebhookJournalRecord::decodeAll(WebhookJournalRecord::encode(row));
    ASSERT_EQ(decoded.rows.size(), 1u);
    EXPECT_EQ(decoded.damagedBytes, 0u);
    const InboxRow& back = decoded.rows[0];
    EXPECT_EQ(back.id, 42);
    EXPECT_EQ(back.storeId, "wix-1");
    EXPECT_EQ(back.receivedAt, row.receivedAt);
    EXPECT_EQ(back.method, "PUT");
    EXPECT_EQ(back.contentType, row.contentType);
    EXPECT_EQ(back.headersText, row.headersText);
    EXPECT_EQ(back.body, row.body);
    EXPECT_EQ(back.rejectReason, "NUL byte in the body");
}

TEST(WebhookJournalRecord, SkipsTornAndDamagedFramesAndKeepsEveryWholeOne) {
    const std::string a = WebhookJournalRecord::encode(rowWith(1, "{\"n\":1}"));
    // A body that holds the frame's magic itself: a reader looking for the next frame must not be fooled.
    const std::string b = WebhookJournalRecord::encode(rowWith(2, "{\"note\":\"EWJ1 EWJ1\"}"));
    const std::string c = WebhookJournalRecord::encode(rowWith(3, "{\"n\":3}"));

    std::string damaged = b;
    damaged[damaged.size() - 3] ^= 0x20;  // one flipped bit in b's body: its checksum fails
    auto decoded = WebhookJournalRecord::decodeAll(a + damaged + c);
    ASSERT_EQ(decoded.rows.size(), 2u);
    EXPECT_EQ(decoded.rows[0].id, 1);
    EXPECT_EQ(decoded.rows[1].id, 3);
    EXPECT_EQ(decoded.damagedBytes, b.size());

    // A write cut short (the process died in it, or the disk was full) and later frames after it.
    decoded = WebhookJournalRecord::decodeAll(a + b.substr(0, b.size() / 2) + c + b.substr(0, 7));
    ASSERT_EQ(decoded.rows.size(), 2u);
    EXPECT_EQ(decoded.rows[1].id, 3);
    EXPECT_EQ(decoded.damagedBytes, b.size() / 2 + 7);

    decoded = WebhookJournalRecord::decodeAll(std::string(1000, 'x') + std::string(100, '\0'));
    EXPECT_TRUE(decoded.rows.empty());
    EXPECT_EQ(decoded.damagedBytes, 1100u);
    EXPECT_TRUE(WebhookJournalRecord::decodeAll("").rows.empty());
}

class WebhookIntakeTest : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        _db = std::make_unique<Database>(_dir.database());
        for (const char* id : {"wix-1", "wix-2"}) {
            StoreRecord store;
            store.id = id;
            store.platform = "wix";
            StoreRepository(*_db).insert(store);
        }
        WebhookTokenRepository(*_db).replace("wix-1", WebhookToken::hash("good"));
        _intakeDb = std::make_unique<Database>(_dir.database());
    }

    WebhookIntakeOptions options() const {
        WebhookIntakeOptions options;
        options.journalBase = _dir.path() / "journal";
        options.tokenCheck = 20ms;
        return options;
    }

    static InboxRow request(const std::string& body, const std::string& reason = "") {
        InboxRow row = rowWith(0, body, reason);
        row.storeId.clear();  // the intake fills it in from the token
        return row;
    }

    /// The intake's connection gives up on a lock after 100 ms (instead of waiting 10 s), so a test
    /// can hold the database and see the mover fail and retry.
    void impatientIntakeConnection() {
        _intakeDb->execute(_intakeDb->dialect() == SqlDialect::SQLite ? "PRAGMA busy_timeout = 100"
                                                                      : "SET lock_timeout = '100ms'");
    }

    /// Another writer holds the database: SQLite's write lock, or PostgreSQL's lock on the inbox.
    std::unique_ptr<Database> holdTheDatabase() {
        auto holder = std::make_unique<Database>(_dir.database());
        if (holder->dialect() == SqlDialect::SQLite) {
            holder->execute("BEGIN IMMEDIATE");
        } else {
            holder->begin();
            holder->execute("LOCK TABLE webhook_inbox IN ACCESS EXCLUSIVE MODE");
        }
        return holder;
    }

    static void release(Database& holder) {
        if (holder.dialect() == SqlDialect::SQLite)
            holder.execute("ROLLBACK");
        else
            holder.rollback();
    }

    std::map<std::int64_t, InboxEntry> inboxById(const std::string& storeId = "wix-1") {
        std::map<std::int64_t, InboxEntry> rows;
        for (auto& entry : WebhookInbox(*_db).list(storeId)) rows[entry.id] = std::move(entry);
        return rows;
    }

    estore::test::TempDir _dir;
    std::unique_ptr<Database> _db;
    std::unique_ptr<Database> _intakeDb;
};

TEST_F(WebhookIntakeTest, ConcurrentRequestsAreEachMovedIntoTheInboxOnceAndStrangersAreRefused) {
    WebhookIntake intake(*_intakeDb, options());
    intake.start();
    constexpr int kThreads = 8;
    constexpr int kEach = 60;
    std::atomic<int> stored{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                const bool stranger = i % 3 == 0;  // a guess: refused, never stored
                const auto result = intake.accept(
                    WebhookToken::hash(stranger ? "guess" + std::to_string(i) : "good"),
                    request("{\"t\":" + std::to_string(t) + ",\"i\":" + std::to_string(i) + "}"));
                EXPECT_EQ(result,
                          stranger ? WebhookIntake::Result::UnknownToken : WebhookIntake::Result::Stored);
                if (result == WebhookIntake::Result::Stored) ++stored;
            }
        });
    for (auto& thread : threads) thread.join();
    ASSERT_TRUE(intake.awaitMoved(10s));
    EXPECT_TRUE(intake.takeMoved());
    const auto rows = inboxById();
    ASSERT_EQ(static_cast<int>(rows.size()), stored.load());
    EXPECT_EQ(stored.load(), kThreads * kEach * 2 / 3);
    std::set<std::string> bodies;
    for (const auto& [id, row] : rows) {
        bodies.insert(row.body);
        EXPECT_EQ(row.status, "pending");
        EXPECT_EQ(row.headers.at("content-type"), "application/json");
    }
    EXPECT_EQ(bodies.size(), rows.size());
    const auto counters = intake.counters();
    EXPECT_EQ(counters.accepted, rows.size());
    EXPECT_EQ(counters.moved, rows.size());
    EXPECT_LT(counters.batches, counters.moved);  // requests share commits
    intake.stop();
    EXPECT_EQ(subfolders(options().journalBase), 0u) << "a journal fully moved is removed at stop";
}

TEST_F(WebhookIntakeTest, AMalformedBodyIsKeptAsRejectedWithItsReason) {
    WebhookIntake intake(*_intakeDb, options());
    intake.start();
    EXPECT_EQ(intake.accept(WebhookToken::hash("good"), request("{\"a\":", "not well-formed JSON")),
              WebhookIntake::Result::Stored);
    ASSERT_TRUE(intake.awaitMoved(10s));
    const auto rows = inboxById();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.begin()->second.status, "rejected");
    EXPECT_EQ(rows.begin()->second.code, "host.webhook_malformed");
    EXPECT_EQ(rows.begin()->second.reason, "not well-formed JSON");
}

TEST_F(WebhookIntakeTest, ANewUrlWorksAtOnceAndARevokedOneIsRefusedWithinTheTokenCheck) {
    WebhookIntake intake(*_intakeDb, options());
    intake.start();
    // Generated by another process after the intake read the tokens: not in its copy, so the intake
    // looks again before it would say 404.
    WebhookTokenRepository(*_db).replace("wix-2", WebhookToken::hash("fresh"));
    EXPECT_EQ(intake.accept(WebhookToken::hash("fresh"), request("{}")), WebhookIntake::Result::Stored);

    WebhookTokenRepository(*_db).revoke("wix-1");
    const auto revoked = std::chrono::steady_clock::now();
    while (intake.accept(WebhookToken::hash("good"), request("{}")) == WebhookIntake::Result::Stored)
        ASSERT_LT(std::chrono::steady_clock::now() - revoked, 2s) << "the revoked URL is still taken";
    // Refused within the token check (20 ms here) and a scheduling margin, and from then on.
    EXPECT_LT(std::chrono::steady_clock::now() - revoked, 500ms);
    for (int i = 0; i < 20; ++i)
        EXPECT_EQ(intake.accept(WebhookToken::hash("good"), request("{}")),
                  WebhookIntake::Result::UnknownToken);
    // Generating again for the same store also revokes the old URL.
    WebhookTokenRepository(*_db).replace("wix-2", WebhookToken::hash("fresher"));
    EXPECT_EQ(intake.accept(WebhookToken::hash("fresher"), request("{}")), WebhookIntake::Result::Stored);
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(intake.accept(WebhookToken::hash("fresh"), request("{}")), WebhookIntake::Result::UnknownToken);
    ASSERT_TRUE(intake.awaitMoved(10s));
    EXPECT_EQ(inboxById("wix-2").size(), 2u);
}

TEST_F(WebhookIntakeTest, WhileTheDatabaseRefusesWritesRequestsWaitInTheJournalThenAreMovedOnce) {
    impatientIntakeConnection();
    WebhookIntakeOptions limited = options();
    limited.maxQueuedBytes = 8 * 1024;  // a few dozen requests
    WebhookIntake intake(*_intakeDb, limited);
    intake.start();
    auto holder = holdTheDatabase();
    int stored = 0;
    bool busy = false;
    for (int i = 0; i < 1000 && !busy; ++i) {
        const auto result =
            intake.accept(WebhookToken::hash("good"), request("{\"i\":" + std::to_string(i) + "}"));
        busy = result == WebhookIntake::Result::Busy;
        if (result == WebhookIntake::Result::Stored) ++stored;
    }
    // Accepted into the journal while the inbox cannot be written, then 503 (Busy) until it catches up.
    EXPECT_TRUE(busy);
    EXPECT_GT(stored, 5);
    std::this_thread::sleep_for(400ms);  // the mover fails at least once meanwhile
    EXPECT_FALSE(intake.awaitMoved(10ms));
    release(*holder);
    ASSERT_TRUE(intake.awaitMoved(15s));
    EXPECT_EQ(static_cast<int>(inboxById().size()), stored);
    bool toldTheLog = false;
    for (const auto& message : intake.takeMessages())
        toldTheLog = toldTheLog || message.find("could not be moved into the inbox") != std::string::npos;
    EXPECT_TRUE(toldTheLog);
    EXPECT_EQ(intake.accept(WebhookToken::hash("good"), request("{\"after\":1}")),
              WebhookIntake::Result::Stored);
    ASSERT_TRUE(intake.awaitMoved(10s));
    EXPECT_EQ(static_cast<int>(inboxById().size()), stored + 1);
}

TEST_F(WebhookIntakeTest, WhatCouldNotBeMovedBeforeStopIsMovedByTheNextStart) {
    impatientIntakeConnection();
    auto intake = std::make_unique<WebhookIntake>(*_intakeDb, options());
    intake->start();
    auto holder = holdTheDatabase();
    for (int i = 0; i < 5; ++i)
        ASSERT_EQ(intake->accept(WebhookToken::hash("good"), request("{\"i\":" + std::to_string(i) + "}")),
                  WebhookIntake::Result::Stored);
    intake.reset();  // stops: the last attempt fails too, and the journal is kept
    release(*holder);
    EXPECT_TRUE(inboxById().empty());
    EXPECT_EQ(subfolders(options().journalBase), 1u);

    WebhookIntake next(*_intakeDb, options());
    next.start();
    EXPECT_EQ(next.counters().recovered, 5u);
    EXPECT_EQ(inboxById().size(), 5u);
    EXPECT_EQ(subfolders(options().journalBase), 1u) << "only the new process's own journal is left";
}

TEST_F(WebhookIntakeTest, AJournalLeftByADeadProcessIsRecoveredAtStartAndNothingInItIsStoredTwice) {
    // What a killed process leaves: its folder (lock released with the process), a segment with three
    // requests of which the first had already been moved, a request under an id that a different entry
    // holds, and a frame cut short by the kill.
    const std::int64_t first = Sequence::reserve(*_db, "webhook", 10);
    const InboxRow moved = rowWith(first, "{\"moved\":1}");
    const InboxRow second = rowWith(first + 1, "{\"second\":1}");
    const InboxRow third = rowWith(first + 2, "{\"third\":1}", "empty body");
    const InboxRow squatted = rowWith(first + 3, "{\"squatted\":1}");
    const InboxRow torn = rowWith(first + 4, "{\"torn\":1}");
    {
        Transaction tx(*_db);
        InboxRow other = rowWith(first + 3, "{\"someone else\":1}");
        other.receivedAt = 1;
        WebhookInbox(*_db).insertAll({&moved, &other});
        tx.commit();
    }
    const fs::path dead = options().journalBase / "4242-deadbeef";
    fs::create_directories(dead);
    std::ofstream(dead / "lock").put('\n');
    {
        std::ofstream segment(dead / "segment-00000001.log", std::ios::binary);
        for (const InboxRow* row : std::initializer_list<const InboxRow*>{&moved, &second, &third, &squatted})
            segment << WebhookJournalRecord::encode(*row);
        const std::string cut = WebhookJournalRecord::encode(torn);
        segment << cut.substr(0, cut.size() - 5);
    }

    WebhookIntake intake(*_intakeDb, options());
    intake.start();
    const auto counters = intake.counters();
    EXPECT_EQ(counters.recovered, 4u);
    EXPECT_GT(counters.damagedBytes, 0u);
    EXPECT_FALSE(fs::exists(dead));

    const auto rows = inboxById();
    ASSERT_EQ(rows.size(), 5u);  // moved (once), someone else's, second, third, squatted under a new id
    std::multiset<std::string> bodies;
    for (const auto& [id, row] : rows) bodies.insert(row.body);
    EXPECT_EQ(bodies.count("{\"moved\":1}"), 1u);
    EXPECT_EQ(bodies.count("{\"someone else\":1}"), 1u);
    EXPECT_EQ(bodies.count("{\"squatted\":1}"), 1u);
    EXPECT_EQ(bodies.count("{\"torn\":1}"), 0u) << "a frame cut short was never answered 200";
    EXPECT_EQ(rows.at(first + 2).status, "rejected");
    EXPECT_EQ(rows.at(first + 3).body, "{\"someone else\":1}");
    std::string log;
    for (const auto& message : intake.takeMessages()) log += message + "\n";
    EXPECT_NE(log.find("recovered: 4 request(s)"), std::string::npos) << log;
    EXPECT_NE(log.find("unfinished writes skipped"), std::string::npos) << log;
    EXPECT_NE(log.find("met a different inbox entry"), std::string::npos) << log;
}

TEST_F(WebhookIntakeTest, TwoLiveIntakesOnOneDatabaseLeaveEachOthersJournalAlone) {
    WebhookIntakeOptions often = options();
    often.orphanScan = 10ms;  // look for dead journals all the time: a live one must never be taken
    WebhookIntake one(*_intakeDb, often);
    one.start();
    Database otherDb(_dir.database());
    WebhookIntake two(otherDb, often);
    two.start();
    EXPECT_EQ(subfolders(often.journalBase), 2u);
    for (int i = 0; i < 50; ++i) {
        ASSERT_EQ(one.accept(WebhookToken::hash("good"), request("{\"one\":" + std::to_string(i) + "}")),
                  WebhookIntake::Result::Stored);
        ASSERT_EQ(two.accept(WebhookToken::hash("good"), request("{\"two\":" + std::to_string(i) + "}")),
                  WebhookIntake::Result::Stored);
        std::this_thread::sleep_for(1ms);
    }
    ASSERT_TRUE(one.awaitMoved(10s));
    ASSERT_TRUE(two.awaitMoved(10s));
    EXPECT_EQ(one.counters().recovered + two.counters().recovered, 0u);
    EXPECT_EQ(inboxById().size(), 100u);
    one.stop();
    EXPECT_EQ(subfolders(often.journalBase), 1u);
}

TEST(WebhookJournal, EachDatabaseHasItsOwnFolderAndSegmentsAreDeletedOnceMoved) {
    EXPECT_NE(WebhookJournal::baseFor("/a/estore.db", ""), WebhookJournal::baseFor("/a/other.db", ""));
    EXPECT_EQ(WebhookJournal::baseFor("/a/estore.db", "").parent_path(), fs::path("/a/webhook-journal"));
    EXPECT_EQ(WebhookJournal::baseFor("sqlite:/b/estore.db", "").parent_path(),
              fs::path("/b/webhook-journal"));
    EXPECT_EQ(WebhookJournal::baseFor("postgresql://u:secret@h/db", "/j").parent_path(), fs::path("/j"));
    EXPECT_EQ(WebhookJournal::baseFor("postgresql://u:secret@h/db", "/j").string().find("secret"),
              std::string::npos);

    estore::test::TempDir dir;
    WebhookJournal journal(dir.path() / "j", 1024);
    journal.open();
    const std::string frame = WebhookJournalRecord::encode(rowWith(1, std::string(600, 'x')));
    EXPECT_EQ(journal.append(frame), 1u);
    EXPECT_EQ(journal.append(frame), 1u);
    journal.rotateIfFull();  // 2 frames > 1 KiB: the next append goes to segment 2
    EXPECT_EQ(journal.append(frame), 2u);
    EXPECT_EQ(journal.segmentFiles(), 2u);
    journal.moved(1, 1);
    EXPECT_EQ(journal.segmentFiles(), 2u);  // one of its two records is still to move
    journal.moved(1, 1);
    EXPECT_EQ(journal.segmentFiles(), 1u);
    journal.moved(2, 1);
    EXPECT_EQ(journal.segmentFiles(), 1u);  // the active segment stays until it is closed
}

// The webhook pieces in-process: tokens (random, hashed, compared in constant time), the endpoint's
// cheap checks on content type and body, the inbox's leases, and repeated fetches coalescing. The intake
// (journal, token copy, mover) is in webhook_intake_test.cpp.
#include <gtest/gtest.h>

#include <set>

#include "estore/host/services/db_scheduler.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/job_repository.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/storage/transaction.h"
#include "estore/host/webhooks/webhook_endpoint.h"
#include "estore/host/webhooks/webhook_inbox.h"
#include "estore/host/webhooks/webhook_token.h"
#include "estore/host/webhooks/webhook_token_repository.h"
#include "test_support.h"

using namespace estore::host;

TEST(WebhookToken, IsLongRandomHexAndOnlyItsHashIsCompared) {
    std::set<std::string> tokens;
    for (int i = 0; i < 100; ++i) tokens.insert(WebhookToken::generate());
    EXPECT_EQ(tokens.size(), 100u);
    const std::string token = *tokens.begin();
    EXPECT_EQ(token.size(), 64u);  // 256 bits
    EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
    const std::string hash = WebhookToken::hash(token);
    EXPECT_NE(hash, token);
    EXPECT_EQ(hash, WebhookToken::hash(token));
    EXPECT_TRUE(WebhookToken::equalHashes(hash, WebhookToken::hash(token)));
    EXPECT_FALSE(WebhookToken::equalHashes(hash, WebhookToken::hash(token + "x")));
    EXPECT_FALSE(WebhookToken::equalHashes(hash, hash.substr(1)));
}

TEST(WebhookEndpoint, TakesJsonFormAndPlainText) {
    EXPECT_EQ(WebhookEndpoint::contentKind("application/json"), "json");
    EXPECT_EQ(WebhookEndpoint::contentKind("Application/JSON; charset=utf-8"), "json");
    EXPECT_EQ(WebhookEndpoint::contentKind("application/vnd.wix+json"), "json");
    EXPECT_EQ(WebhookEndpoint::contentKind("application/x-www-form-urlencoded"), "form");
    EXPECT_EQ(WebhookEndpoint::contentKind("text/plain"), "text");
    EXPECT_EQ(WebhookEndpoint::contentKind("image/png"), "");
    EXPECT_EQ(WebhookEndpoint::contentKind(""), "");
}

TEST(WebhookEndpoint, RefusesMalformedBodiesCheaply) {
    EXPECT_EQ(WebhookEndpoint::malformedReason("json", "{\"data\":{\"order\":{\"id\":\"1\"}}}"), "");
    EXPECT_EQ(WebhookEndpoint::malformedReason("json", "{\"n\":123456789012345678901234567890}"), "");
    EXPECT_EQ(WebhookEndpoint::malformedReason("json", " [1, -0.5e+3, true, false, null, \"\\u00e9\\n\"] "),
              "");
    EXPECT_EQ(WebhookEndpoint::malformedReason("json", "\"\xc3\xa9\xff\""), "");  // UTF-8 is the plugin's
    EXPECT_NE(WebhookEndpoint::malformedReason("json", "{\"a\":1,}"), "");
    EXPECT_NE(WebhookEndpoint::malformedReason("json", "{\"a\":01}"), "");
    EXPECT_NE(WebhookEndpoint::malformedReason("json", "{} {}"), "");
    EXPECT_NE(WebhookEndpoint::malformedReason("json", "{\"a\":\"x"), "");
    EXPECT_NE(WebhookEndpoint::malformedReason("json", "{\"data\":{\"order\":"), "");
    EXPECT_NE(WebhookEndpoint::malformedReason("json", ""), "");
    EXPECT_NE(WebhookEndpoint::malformedReason("json", std::string(100000, '[')), "");
    EXPECT_NE(WebhookEndpoint::malformedReason("json", std::string("{\"a\":\"\0\"}", 9)), "");
    EXPECT_EQ(WebhookEndpoint::malformedReason("form", "orderId=1&number=10005"), "");
    EXPECT_NE(WebhookEndpoint::malformedReason("form", "orderId=%zz"), "");
    EXPECT_EQ(WebhookEndpoint::malformedReason("text", "order 10005"), "");
    EXPECT_NE(WebhookEndpoint::malformedReason("text", "{\"order\":"), "");
}

class WebhookStorage : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        _db = std::make_unique<Database>(_dir.database());
        StoreRecord store;
        store.id = "wix-1";
        store.platform = "wix";
        StoreRepository(*_db).insert(store);
    }

    InboxEntry entry(const std::string& body) {
        InboxEntry e;
        e.storeId = "wix-1";
        e.receivedAt = Database::nowMillis();
        e.method = "POST";
        e.contentType = "application/json";
        e.body = body;
        return e;
    }

    estore::test::TempDir _dir;
    std::unique_ptr<Database> _db;
};

TEST_F(WebhookStorage, GeneratingAgainReplacesTheTokenAndRevokeForgetsIt) {
    WebhookTokenRepository tokens(*_db);
    auto storeFor = [&tokens](const std::string& hash) {
        return WebhookTokenRepository::match(tokens.all(), hash);
    };
    const auto before = tokens.version();
    tokens.replace("wix-1", WebhookToken::hash("first"));
    EXPECT_EQ(storeFor(WebhookToken::hash("first")), "wix-1");
    tokens.replace("wix-1", WebhookToken::hash("second"));
    EXPECT_FALSE(storeFor(WebhookToken::hash("first")));
    EXPECT_EQ(storeFor(WebhookToken::hash("second")), "wix-1");
    EXPECT_TRUE(tokens.revoke("wix-1"));
    EXPECT_FALSE(storeFor(WebhookToken::hash("second")));
    // Each change moved the tokens' version (the endpoint's copy reads them again); nothing to revoke
    // does not.
    const auto after = tokens.version();
    EXPECT_EQ(after, before + 3);
    EXPECT_FALSE(tokens.revoke("wix-1"));
    EXPECT_EQ(tokens.version(), after);
}

TEST_F(WebhookStorage, InboxEntriesAreClaimedOnceAndAgainOnlyAfterTheLeaseExpires) {
    WebhookInbox inbox(*_db);
    inbox.add(entry("{\"a\":1}"));
    inbox.add(entry("{\"a\":2}"));
    inbox.add(entry("{"), "not well-formed JSON");
    Database other(_dir.database());
    WebhookInbox otherInbox(other);

    const auto first = inbox.claim("w1#1", 1000, 500, 10);
    ASSERT_EQ(first.size(), 2u);  // the rejected one is never claimed
    EXPECT_TRUE(otherInbox.claim("w2#1", 1200, 500, 10).empty());
    EXPECT_TRUE(inbox.finish(first[0].id, "w1#1", "processed", "ok", ""));
    // w1 died holding the second: after its lease, another worker takes it; w1 can no longer finish it.
    const auto taken = otherInbox.claim("w2#2", 1600, 500, 10);
    ASSERT_EQ(taken.size(), 1u);
    EXPECT_EQ(taken[0].id, first[1].id);
    EXPECT_FALSE(inbox.finish(first[1].id, "w1#1", "processed", "ok", ""));
    EXPECT_TRUE(otherInbox.finish(taken[0].id, "w2#2", "processed", "ok", ""));
    const auto counts = inbox.countByStatus("wix-1");
    EXPECT_EQ(counts.at("processed"), 2);
    EXPECT_EQ(counts.at("rejected"), 1);
}

TEST_F(WebhookStorage, AClaimSkipsEntriesAnotherWorkerIsClaimingInsteadOfWaiting) {
    ESTORE_POSTGRES_ONLY("SQLite has one writer at a time, so there is nothing to skip");
    WebhookInbox inbox(*_db);
    const auto first = inbox.add(entry("{\"a\":1}"));
    inbox.add(entry("{\"a\":2}"));
    Database otherWorker(_dir.database());
    Transaction claiming(otherWorker);  // another worker holds the first entry's row
    otherWorker.execute("SELECT id FROM webhook_inbox WHERE id = " + std::to_string(first) + " FOR UPDATE");
    const auto taken = inbox.claim("w1#1", 1000, 500, 10);  // would hang here without SKIP LOCKED
    ASSERT_EQ(taken.size(), 1u);
    EXPECT_NE(taken[0].id, first);
    claiming.rollback();
    const auto rest = inbox.claim("w1#2", 1000, 500, 10);
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_EQ(rest[0].id, first);
}

TEST_F(WebhookStorage, RepeatedRunSoonForTheSameOrderQueuesOneFetch) {
    JobRepository jobs(*_db);
    DbScheduler scheduler(*_db);
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(scheduler.runSoon("wix-1", "orders.fetch", {{"id", "A"}}).ok());
    EXPECT_TRUE(scheduler.runSoon("wix-1", "orders.fetch", {{"id", "B"}}).ok());
    EXPECT_EQ(jobs.list("wix-1").size(), 2u);
}

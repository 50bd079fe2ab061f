// Nobody can stall the webhook endpoint: 200 connections from one address that trickle a header byte
// every 400 ms or say nothing at all, while a real webhook from another address is answered within a
// second and stored; the trickling ones are cut at their deadline, the idle ones at the header timeout,
// the surplus refused at once with a 503, and every refusal counted by its reason.
#include <gtest/gtest.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/webhooks/connection_guard.h"
#include "estore/host/webhooks/webhook_server.h"
#include "estore/host/webhooks/webhook_token.h"
#include "estore/host/webhooks/webhook_token_repository.h"
#include "test_support.h"

using namespace estore::host;
using Clock = std::chrono::steady_clock;

namespace {

std::string storeWithWebhook(const std::string& location) {
    const std::string token = WebhookToken::generate();
    Database db(location);
    StoreRepository stores(db);
    StoreRecord store;
    store.id = stores.newId("wix");
    store.platform = "wix";
    store.status = StoreRepository::kActive;
    stores.insert(store);
    WebhookTokenRepository(db).replace(store.id, WebhookToken::hash(token));
    return token;
}

/// A webhook endpoint on an ephemeral port of 127.0.0.1, over a fresh database holding one store and its
/// webhook token.
struct Endpoint {
    explicit Endpoint(WebhookServerOptions options = {})
        : location(dir.database()), token(storeWithWebhook(location)) {
        options.port = 0;
        server = std::make_unique<WebhookServer>(location, options);
        server->start();
    }

    estore::test::TempDir dir;
    std::string location;
    std::string token;
    std::unique_ptr<WebhookServer> server;
};

/// How many requests or connections the server refused for `reason`.
std::uint64_t refusedFor(const WebhookServer& server, const std::string& reason) {
    const auto refused = server.refusals();
    const auto found = refused.find(reason);
    return found == refused.end() ? 0 : found->second;
}

/// A connection from 127.0.0.2 (the whole of 127/8 is this machine), so the real sender on 127.0.0.1 is
/// another address.
Poco::Net::StreamSocket connectFromElsewhere(unsigned short port) {
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress::IPv4);
    socket.impl()->bind(Poco::Net::SocketAddress("127.0.0.2", 0), false);
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", port), Poco::Timespan(2, 0));
    return socket;
}

TEST(WebhookSlowClients, TwoHundredSlowOrIdleConnectionsDoNotKeepARealWebhookWaiting) {
    ESTORE_SQLITE_ONLY("one endpoint process; the database does not matter here");
    WebhookServerOptions options;
    options.limits.maxConnections = 32;
    options.limits.maxPerAddress = 8;
    options.limits.headerTimeout = std::chrono::milliseconds(1000);
    options.limits.requestDeadline = std::chrono::milliseconds(2000);
    Endpoint endpoint(options);
    WebhookServer& server = *endpoint.server;
    const std::string& token = endpoint.token;
    const unsigned short port = server.port();

    // 100 that trickle "POST /estore/webhook/…" one byte at a time, 100 that send nothing.
    const std::string head =
        "POST /estore/webhook/" + token + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
    std::vector<Poco::Net::StreamSocket> trickling, idle;
    for (int i = 0; i < 100; ++i) {
        trickling.push_back(connectFromElsewhere(port));
        trickling.back().sendBytes(&head[0], 1);  // trickling from its first moment
    }
    std::atomic<bool> stop{false};
    std::thread trickle([&] {
        for (std::size_t byte = 1; !stop && byte < head.size(); ++byte) {
            for (auto& socket : trickling) {
                try {
                    socket.sendBytes(&head[byte], 1);
                } catch (const Poco::Exception&) {
                }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
        }
    });
    for (int i = 0; i < 100; ++i) idle.push_back(connectFromElsewhere(port));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // they hold what they can

    // The real webhook, from 127.0.0.1, while all of that goes on.
    const auto started = Clock::now();
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(5, 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/estore/webhook/" + token,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    const std::string body = R"({"data":{"order":{"id":"b1c2d3e4-0000-4000-8000-000000000001"}}})";
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    session.receiveResponse(response);
    const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    EXPECT_EQ(response.getStatus(), Poco::Net::HTTPResponse::HTTP_OK);
    EXPECT_LT(waited.count(), 1000) << "the real webhook waited " << waited.count() << " ms";
    EXPECT_TRUE(server.intake().awaitMoved(std::chrono::seconds(10))) << "stored";

    // Past the deadline every slow one is cut; the idle ones went at the header timeout.
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    stop = true;
    trickle.join();
    server.stop();
    const auto refused = server.refusals();
    std::string counted;
    for (const auto& [reason, count] : refused) counted += reason + "=" + std::to_string(count) + " ";
    EXPECT_GE(refusedFor(server, "per_address"), 150u)
        << "all but 8 from 127.0.0.2 refused at once: " << counted;
    EXPECT_GE(refusedFor(server, "deadline"), 1u) << "a trickling one was cut: " << counted;
}

TEST(WebhookSlowClients, AStrangersBodyIsNeitherReadNorWaitedForAndEachRefusalIsCounted) {
    ESTORE_SQLITE_ONLY("one endpoint process; the database does not matter here");
    Endpoint endpoint;
    WebhookServer& server = *endpoint.server;
    // A head that announces 100 kB which never come, to a token nobody has.
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.port()));
    const std::string head =
        "POST /estore/webhook/" + std::string(64, 'a') +
        " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n";
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    socket.setReceiveTimeout(Poco::Timespan(1, 0));
    const auto started = Clock::now();
    char answer[64] = {};
    const int got = socket.receiveBytes(answer, sizeof answer - 1);
    const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    EXPECT_GT(got, 0);
    EXPECT_EQ(std::string(answer).rfind("HTTP/1.1 404", 0), 0u) << answer;
    EXPECT_LT(waited.count(), 500) << "answered without waiting for the body";
    // And the other refusals, each counted by its reason.
    Poco::Net::HTTPClientSession session("127.0.0.1", server.port());
    Poco::Net::HTTPRequest get(Poco::Net::HTTPRequest::HTTP_GET, "/estore/webhook/" + std::string(64, 'b'),
                               Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(get);
    Poco::Net::HTTPResponse response;
    session.receiveResponse(response);
    EXPECT_EQ(response.getStatus(), Poco::Net::HTTPResponse::HTTP_METHOD_NOT_ALLOWED);
    server.stop();
    EXPECT_EQ(refusedFor(server, "not_found"), 1u);
    EXPECT_EQ(refusedFor(server, "method"), 1u);
}

TEST(WebhookSlowClients, AConnectionOverTheCapGetsAWhole503) {
    ESTORE_SQLITE_ONLY("one endpoint process; the database does not matter here");
    WebhookServerOptions options;
    options.limits.maxPerAddress = 1;
    Endpoint endpoint(options);
    WebhookServer& server = *endpoint.server;
    Poco::Net::StreamSocket holder(
        Poco::Net::SocketAddress("127.0.0.1", server.port()));  // takes the one slot
    holder.sendBytes("P", 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    Poco::Net::HTTPClientSession session("127.0.0.1", server.port());
    session.setTimeout(Poco::Timespan(3, 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/estore/webhook/x",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentLength(0);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    const std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(response.getStatus(), Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE);
    EXPECT_EQ(response.get("Retry-After", ""), "5");
    EXPECT_EQ(body, R"({"error":"try again later"})") << "the whole body its Content-Length announces";
    holder.close();
    server.stop();
}

TEST(ConnectionGuard, TheCapsAreExactAlsoWhenManyThreadsAdmitAndReleaseAtOnce) {
    ConnectionLimits limits;
    limits.maxConnections = 6;
    limits.maxPerAddress = 4;
    ConnectionGuard guard(limits);
    // One at a time: the fifth from one address and the seventh in all are refused, and say why.
    for (int i = 0; i < 4; ++i) EXPECT_TRUE(guard.admit("10.0.0.1"));
    EXPECT_FALSE(guard.admit("10.0.0.1"));
    EXPECT_TRUE(guard.admit("10.0.0.2"));
    EXPECT_TRUE(guard.admit("10.0.0.2"));
    EXPECT_FALSE(guard.admit("10.0.0.3"));
    EXPECT_EQ(guard.refusals().at("per_address"), 1u);
    EXPECT_EQ(guard.refusals().at("busy"), 1u);
    for (int i = 0; i < 4; ++i) guard.release("10.0.0.1");
    guard.release("10.0.0.2");
    guard.release("10.0.0.2");
    EXPECT_TRUE(guard.waitUntilClosed(std::chrono::milliseconds(100)));

    // Twelve threads on two addresses, all at once: never more inside than the caps allow.
    std::atomic<int> inside{0}, most{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < 12; ++t)
        threads.emplace_back([&, t] {
            while (!go) std::this_thread::yield();
            const std::string address = "10.0.0." + std::to_string(t % 2);
            for (int i = 0; i < 2000; ++i) {
                if (!guard.admit(address)) continue;
                const int now = ++inside;
                for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
                }
                std::this_thread::yield();
                --inside;
                guard.release(address);
            }
        });
    go = true;
    for (auto& thread : threads) thread.join();
    EXPECT_LE(most.load(), 6) << "the total cap";
    EXPECT_TRUE(guard.waitUntilClosed(std::chrono::milliseconds(100))) << "every admission released";
}

}  // namespace

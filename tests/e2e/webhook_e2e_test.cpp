// The webhook endpoint of `estore-host run` as a real process: every answer it gives, an accepted
// webhook bringing the order into e-računi, the token kept out of the database and every output, and a
// burst of 10,000 webhooks from 8 clients with the host killed (SIGKILL) part way and restarted.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/Tuple.h>
#include <Poco/URI.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "background_process.h"
#include "e2e_fixture.h"
#include "estore/host/storage/database.h"
#include "estore/host/webhooks/webhook_inbox.h"

using estore::test::BackgroundProcess;
using estore::test::HostE2E;
using estore::test::ProcessResult;
using namespace std::chrono_literals;

namespace {

struct Reply {
    int status = 0;
    std::string body;
    std::string allow;
};

struct PlacedOrder {
    std::string id;
    std::string number;
};

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string payloadFor(const PlacedOrder& order) {
    return "{\"data\":{\"order\":{\"id\":\"" + order.id + "\",\"number\":\"" + order.number + "\"}}}";
}

}  // namespace

class WebhookE2E : public HostE2E {
protected:
    void TearDown() override {
        if (_run) _run->stop(SIGTERM);
        HostE2E::TearDown();
    }

    /// Sandbox without rate limits, a store importing nothing by itself (orders since 2030), and its URL.
    void setUpStore() {
        startSandbox({"--rate-limit", "0"});
        // Short leases: a job or inbox batch held by the killed host is free again within seconds (a
        // store runs one job at a time, so a dead lease would hold up all of its jobs until it expires).
        writeConfig(_sandbox->baseUrl(),
                    {"wix.requests_per_minute = 0", "host.poll_millis = 200", "host.lease_seconds = 3"});
        auto added = host({"add-store", "--platform", "wix", "--json", "--set", "api_key=" + _identity.apiKey,
                           "--set", "site_id=" + _identity.siteId, "--set", "warehouse=GLAVNO", "--set",
                           "cost_center=SPLET", "--set", "import_since=2030-01-01"});
        ASSERT_EQ(added.exitCode, 0) << added.describe();
        _storeId = json(added)->getObject("store")->getValue<std::string>("id");
        _path = generatePath();
    }

    /// `webhook STORE --generate --json`; returns the URL's path (the host's own port comes later).
    std::string generatePath() {
        auto generated = host({"webhook", _storeId, "--generate", "--json"});
        EXPECT_EQ(generated.exitCode, 0) << generated.describe();
        const std::string url = json(generated)->getValue<std::string>("url");
        _tokens.push_back(url.substr(url.rfind('/') + 1));
        _outputs += generated.err;  // stdout shows the URL once, by design
        return Poco::URI(url).getPath();
    }

    void startRun(unsigned short port = 0) {
        const std::string portFile = _dir.file("webhook.port");
        std::remove(portFile.c_str());
        _run = std::make_unique<BackgroundProcess>(
            ESTORE_HOST_EXE,
            std::vector<std::string>{"--db", _db, "--plugins", ESTORE_PLUGIN_DIR, "--config", _config, "run",
                                     "--worker", "e2e", "--webhook-port", std::to_string(port), "--port-file",
                                     portFile},
            _dir.path().string(), _dir.file("run.log"));
        _port = estore::test::waitForPortFile(portFile);
        ASSERT_NE(_port, 0) << readFile(_dir.file("run.log"));
    }

    Reply send(const std::string& method, const std::string& path, const std::string& contentType,
               const std::string& body) {
        Poco::Net::HTTPClientSession session("127.0.0.1", _port);
        session.setTimeout(Poco::Timespan(10, 0));
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        if (!contentType.empty()) request.setContentType(contentType);
        if (method == "POST") request.setContentLength(static_cast<std::streamsize>(body.size()));
        Reply reply;
        session.sendRequest(request) << body;
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        Poco::StreamCopier::copyToString(in, reply.body);
        reply.status = response.getStatus();
        reply.allow = response.get("Allow", "");
        return reply;
    }

    /// A whole request written on a plain socket before the answer is read (an over-long body must get
    /// its 413, not a reset); returns the status.
    int sendRaw(const std::string& head, const std::string& body) {
        Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", _port));
        socket.setReceiveTimeout(Poco::Timespan(10, 0));
        const std::string whole = head + "\r\n" + body;
        for (std::size_t sent = 0; sent < whole.size();)
            sent += static_cast<std::size_t>(
                socket.sendBytes(whole.data() + sent, static_cast<int>(whole.size() - sent)));
        char buffer[64] = {};
        const int got = socket.receiveBytes(buffer, sizeof buffer - 1);
        const std::string answer(buffer, got > 0 ? static_cast<std::size_t>(got) : 0);
        return answer.size() > 12 ? std::stoi(answer.substr(9, 3)) : 0;
    }

    PlacedOrder placeOrder() {
        auto reply = Poco::JSON::Parser()
                         .parse(_sandbox->post("/_sandbox/orders/place", "{}"))
                         .extract<Poco::JSON::Object::Ptr>();
        return {reply->getValue<std::string>("orderId"), reply->getObject("order")->get("number").toString()};
    }

    std::set<std::string> storedOrderIds() {
        estore::host::Database db(_db);
        std::vector<std::string> ids;
        using namespace Poco::Data::Keywords;
        db.session() << db.sql("SELECT external_id FROM sales_orders WHERE store_id = ?"), bind(_storeId),
            into(ids), now;
        return {ids.begin(), ids.end()};
    }

    std::int64_t scalar(const std::string& sql) {
        estore::host::Database db(_db);
        Poco::Int64 value = 0;
        using namespace Poco::Data::Keywords;
        db.session() << sql, into(value), now;
        return value;
    }

    /// Waits until the inbox has nothing pending and no orders.fetch is queued.
    bool waitUntilDrained(std::chrono::seconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            if (scalar("SELECT COUNT(*) FROM webhook_inbox WHERE status = 'pending'") == 0 &&
                scalar("SELECT COUNT(*) FROM jobs WHERE job = 'orders.fetch'") == 0)
                return true;
            std::this_thread::sleep_for(100ms);
        }
        return false;
    }

    std::unique_ptr<BackgroundProcess> _run;
    unsigned short _port = 0;
    std::string _storeId;
    std::string _path;
    std::vector<std::string> _tokens;
    std::string _outputs;
};

TEST_F(WebhookE2E, EveryAnswerOfTheEndpoint) {
    ASSERT_NO_FATAL_FAILURE(setUpStore());
    ASSERT_NO_FATAL_FAILURE(startRun());
    const PlacedOrder order = placeOrder();

    EXPECT_EQ(send("POST", _path, "application/json", payloadFor(order)).status, 200);
    EXPECT_EQ(send("POST", _path, "application/x-www-form-urlencoded", "orderId=" + order.id).status, 200);
    EXPECT_EQ(send("POST", _path, "text/plain; charset=utf-8", payloadFor(order)).status, 200);
    EXPECT_EQ(send("POST", _path, "application/json", "{\"data\":{\"order\":").status, 400);
    EXPECT_EQ(send("POST", _path, "application/json", std::string(1000, '[')).status, 400);
    EXPECT_EQ(send("POST", _path, "application/x-www-form-urlencoded", "orderId=%zz").status, 400);

    const Reply unknown = send("POST", "/estore/webhook/" + std::string(64, 'a'), "application/json", "{}");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(send("POST", "/somewhere/else", "application/json", "{}").status, 404);
    const Reply get = send("GET", _path, "", "");
    EXPECT_EQ(get.status, 405);
    EXPECT_EQ(get.allow, "POST");
    EXPECT_EQ(send("PUT", _path, "application/json", "{}").status, 405);

    const std::string big(300 * 1024, 'a');
    const std::string head = "POST " + _path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n";
    EXPECT_EQ(sendRaw(head + "Content-Length: " + std::to_string(big.size()) + "\r\n", big), 413);
    std::string chunks;
    for (std::size_t at = 0; at < big.size(); at += 4096)
        chunks += "1000\r\n" + big.substr(at, 4096) + "\r\n";
    EXPECT_EQ(sendRaw(head + "Transfer-Encoding: chunked\r\n", chunks + "0\r\n\r\n"), 413);
    EXPECT_EQ(send("POST", _path, "image/png", "x").status, 415);
    // A broken %-escape in the path is the sender's mistake: 400, not a server error.
    EXPECT_EQ(
        sendRaw("POST /estore/webhook/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                "Content-Length: 2\r\n",
                "{}"),
        400);
    EXPECT_EQ(send("POST", _path, "", "{}").status, 415);

    // Generating again revokes the old URL, --revoke withdraws the new one: both within the endpoint's
    // token check (host.webhook_token_check_millis, 20 ms), while a new URL works at once.
    const std::string oldPath = _path;
    _path = generatePath();
    EXPECT_EQ(send("POST", _path, "application/json", payloadFor(order)).status, 200);
    std::this_thread::sleep_for(250ms);
    const Reply revoked = send("POST", oldPath, "application/json", payloadFor(order));
    EXPECT_EQ(revoked.status, 404);
    EXPECT_EQ(revoked.body, unknown.body) << "a revoked token must look like any unknown one";
    auto revoke = host({"webhook", _storeId, "--revoke"});
    EXPECT_EQ(revoke.exitCode, 0) << revoke.describe();
    std::this_thread::sleep_for(250ms);
    EXPECT_EQ(send("POST", _path, "application/json", payloadFor(order)).status, 404);

    ASSERT_TRUE(waitUntilDrained(30s));
    estore::host::Database db(_db);
    const auto counts = estore::host::WebhookInbox(db).countByStatus(_storeId);
    EXPECT_EQ(counts.at("processed"), 4);
    EXPECT_EQ(counts.at("rejected"), 3);
    EXPECT_EQ(counts.count("pending"), 0u);
    EXPECT_EQ(storedOrderIds(), std::set<std::string>{order.id});
}

TEST_F(WebhookE2E, AnAcceptedWebhookStoresTheOrderAndTheTokenIsNowhereInClear) {
    ASSERT_NO_FATAL_FAILURE(setUpStore());
    ASSERT_NO_FATAL_FAILURE(startRun());
    const PlacedOrder order = placeOrder();
    const auto placed = std::chrono::steady_clock::now();
    ASSERT_EQ(send("POST", _path, "application/json", payloadFor(order)).status, 200);

    bool found = false;
    while (!found && std::chrono::steady_clock::now() - placed < 30s) {
        auto listed = host({"orders", _storeId, "--json"});
        _outputs += listed.out + listed.err;
        found = listed.exitCode == 0 && listed.out.find(order.id) != std::string::npos;
        if (!found) std::this_thread::sleep_for(50ms);
    }
    ASSERT_TRUE(found) << readFile(_dir.file("run.log"));

    // Not in any output, log, activity, error, the intake's journal, nor in the database in clear: the
    // SQLite files (WAL included), or every value of every PostgreSQL table and the database's files.
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"activity", _storeId, "--json"}, {"jobs", "--json"}, {"stores", "--json"}}) {
        auto result = host(args);
        _outputs += result.out + result.err;
    }
    // The intake journal of the running host (deleted once moved, at the latest when the host stops).
    std::string journal;
    for (const auto& file : std::filesystem::recursive_directory_iterator(_dir.path()))
        if (file.is_regular_file() && file.path().string().find("webhook-journal") != std::string::npos)
            journal += readFile(file.path().string());
    ASSERT_NE(journal.find(_storeId), std::string::npos) << "the webhook journal was not read";
    _run->stop(SIGTERM);
    _run.reset();
    std::string everything = _outputs + journal + readFile(_dir.file("run.log"));
    const std::string stored = estore::test::databaseContents(_db);
    ASSERT_NE(stored.find(_storeId), std::string::npos) << "the database's contents were not read";
    everything += stored;
    ASSERT_FALSE(_tokens.empty());
    for (const auto& token : _tokens) EXPECT_EQ(everything.find(token), std::string::npos);
}

TEST_F(WebhookE2E, ABurstOf10000WithTheHostKilledPartWayLosesNothingAndStoresEachOrderOnce) {
    constexpr std::size_t kOrders = 2000;
    constexpr std::size_t kCopies = 5;
    constexpr std::size_t kClients = 8;
    constexpr std::size_t kKillAfter = 4000;  // 200s before the SIGKILL
    ASSERT_NO_FATAL_FAILURE(setUpStore());
    ASSERT_NO_FATAL_FAILURE(startRun());
    const unsigned short port = _port;
    const std::string path = _path;

    std::vector<PlacedOrder> orders;
    for (std::size_t i = 0; i < kOrders; ++i) orders.push_back(placeOrder());
    std::vector<std::size_t> sends;
    for (std::size_t copy = 0; copy < kCopies; ++copy)
        for (std::size_t i = 0; i < kOrders; ++i) sends.push_back(i);
    std::shuffle(sends.begin(), sends.end(), std::mt19937(42));

    std::atomic<std::size_t> next{0}, ok{0}, attempts{0}, failures{0}, unexpected{0};
    // Each client sends until it gets a 200, as Wix retries; connection errors while the host is down.
    auto client = [&] {
        std::unique_ptr<Poco::Net::HTTPClientSession> session;
        for (std::size_t i = next++; i < sends.size(); i = next++) {
            const std::string body = payloadFor(orders[sends[i]]);
            for (int attempt = 0; attempt < 2000; ++attempt) {
                ++attempts;
                try {
                    if (!session) {
                        session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", port);
                        session->setKeepAlive(true);
                        session->setTimeout(Poco::Timespan(10, 0));
                    }
                    Poco::Net::HTTPRequest request("POST", path, Poco::Net::HTTPMessage::HTTP_1_1);
                    request.setContentType("application/json");
                    request.setContentLength(static_cast<std::streamsize>(body.size()));
                    request.setKeepAlive(true);
                    session->sendRequest(request) << body;
                    Poco::Net::HTTPResponse response;
                    std::string answer;
                    Poco::StreamCopier::copyToString(session->receiveResponse(response), answer);
                    if (response.getStatus() == 200) {
                        ++ok;
                        break;
                    }
                    if (response.getStatus() < 500) {
                        ++unexpected;
                        break;
                    }
                } catch (const std::exception&) {
                    session.reset();
                    ++failures;
                    std::this_thread::sleep_for(20ms);
                }
            }
        }
    };
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> clients;
    for (std::size_t i = 0; i < kClients; ++i) clients.emplace_back(client);

    while (ok < kKillAfter && next < sends.size()) std::this_thread::sleep_for(1ms);
    _run->stop(SIGKILL);
    const std::size_t killedAt = ok;
    std::this_thread::sleep_for(300ms);
    ASSERT_NO_FATAL_FAILURE(startRun(port));
    for (auto& thread : clients) thread.join();
    const auto sent = std::chrono::steady_clock::now();
    // On PostgreSQL every statement is a round trip: draining takes 20-100 s there on a busy 2-core machine.
    ASSERT_TRUE(waitUntilDrained(240s)) << readFile(_dir.file("run.log")).substr(0, 4000);
    const auto drained = std::chrono::steady_clock::now();

    EXPECT_EQ(unexpected.load(), 0u);
    EXPECT_EQ(ok.load(), sends.size());
    // Every 200 has its inbox row, processed; a request killed after its commit may add a row, no more.
    const std::int64_t processed = scalar("SELECT COUNT(*) FROM webhook_inbox WHERE status = 'processed'");
    EXPECT_GE(processed, static_cast<std::int64_t>(ok.load()));
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM webhook_inbox WHERE status <> 'processed'"), 0);
    // Each order once, and as many documents as distinct orders.
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM sales_orders"), static_cast<std::int64_t>(kOrders));
    std::set<std::string> expected;
    for (const auto& order : orders) expected.insert(order.id);
    EXPECT_EQ(storedOrderIds(), expected);

    const auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
    std::cout << "[ burst    ] requests " << sends.size() << ", 200s " << ok << ", attempts " << attempts
              << ", connection failures " << failures << ", killed after " << killedAt << " 200s, inbox rows "
              << processed << ", documents " << scalar("SELECT COUNT(*) FROM sales_orders") << ", sent in "
              << ms(sent - started) << " ms, drained " << ms(drained - sent) << " ms later\n";
}

TEST_F(WebhookE2E, SandboxAutomationsWithDuplicatesDelaysAndReorderingLeaveEachOrderOnceInItsLatestState) {
    constexpr int kOrders = 40;
    ASSERT_NO_FATAL_FAILURE(setUpStore());
    ASSERT_NO_FATAL_FAILURE(startRun());
    // Wix's own delivery is undocumented (§11.1): every copy may come twice, late and out of order, in
    // any of the shapes "All keys and values" may take; a placed and a paid webhook for the same order
    // may arrive the wrong way round.
    _sandbox->post("/_sandbox/automations",
                   "{\"url\":\"http://127.0.0.1:" + std::to_string(_port) + _path +
                       "\",\"events\":[\"placed\",\"paid\"],\"shape\":\"rotate\",\"retry\":true,"
                       "\"duplicate\":0.5,\"delayMs\":20,\"reorder\":true,\"reorderWindowMs\":300}");
    std::set<std::string> paid;
    int paidLater = 0;
    for (int i = 0; i < kOrders; ++i) {
        auto placed = Poco::JSON::Parser()
                          .parse(_sandbox->post("/_sandbox/orders/place", "{}"))
                          .extract<Poco::JSON::Object::Ptr>();
        const std::string id = placed->getValue<std::string>("orderId");
        // Some orders are paid at checkout (a card); of the others, every other one is paid later.
        if (placed->getObject("order")->getValue<std::string>("paymentStatus") == "PAID") {
            paid.insert(id);
        } else if (i % 2 == 0) {
            _sandbox->post("/_sandbox/orders/" + id + "/pay", "{}");
            paid.insert(id);
            ++paidLater;
        }
    }
    ASSERT_GT(paidLater, 0) << "the test must exercise orders paid after they were placed";

    Poco::JSON::Object::Ptr deliveries;
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    do {
        std::this_thread::sleep_for(100ms);
        deliveries = Poco::JSON::Parser()
                         .parse(_sandbox->get("/_sandbox/automations/deliveries"))
                         .extract<Poco::JSON::Object::Ptr>();
    } while (deliveries->getValue<int>("pending") > 0 && std::chrono::steady_clock::now() < deadline);
    ASSERT_EQ(deliveries->getValue<int>("pending"), 0);
    ASSERT_TRUE(waitUntilDrained(60s)) << readFile(_dir.file("run.log"));

    const int succeeded = deliveries->getValue<int>("succeeded");
    EXPECT_EQ(deliveries->getValue<int>("deliveries"),
              kOrders + paidLater + deliveries->getValue<int>("duplicates"));
    EXPECT_GT(deliveries->getValue<int>("duplicates"), 0) << "the test must exercise duplicates";
    EXPECT_EQ(deliveries->getValue<int>("abandoned"), 0);
    // Every delivery Wix saw succeed is in the inbox and was processed; none is left or rejected.
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM webhook_inbox WHERE status = 'processed'"), succeeded);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM webhook_inbox WHERE status <> 'processed'"), 0);
    // One document per order, each in the state Wix has now, however the nudges arrived.
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM sales_orders"), kOrders);
    estore::host::Database db(_db);
    std::vector<Poco::Tuple<std::string, std::string>> rows;
    using namespace Poco::Data::Keywords;
    db.session() << "SELECT external_id, payment_status FROM sales_orders", into(rows), now;
    ASSERT_EQ(rows.size(), static_cast<std::size_t>(kOrders));
    for (const auto& row : rows)
        EXPECT_EQ(row.get<1>(), paid.count(row.get<0>()) ? "PAID" : "NOT_PAID") << row.get<0>();
}

TEST_F(WebhookE2E, ARunWhoseWebhookEndpointCannotStartStopsWithAClearError) {
    const std::string notAFolder = _dir.file("not-a-folder");
    std::ofstream(notAFolder) << "a file where the journal folder's parent should be\n";
    writeConfig("http://127.0.0.1:1", {"host.webhook_journal_dir = " + notAFolder + "/journal"});
    const auto run = host({"run", "--webhook-port", "0"});
    EXPECT_EQ(run.exitCode, 2) << run.describe();
    EXPECT_NE(run.err.find("Končna točka za webhooke se ni zagnala: "), std::string::npos) << run.describe();
    EXPECT_NE(run.err.find("host.webhook_journal_dir"), std::string::npos) << run.describe();

    writeConfig("http://127.0.0.1:1", {"host.webhook_max_bytes = 0"});
    const auto zero = host({"run", "--webhook-port", "0"});
    EXPECT_EQ(zero.exitCode, 2) << zero.describe();
    EXPECT_NE(zero.err.find("host.webhook_max_bytes mora biti med 1 in 33554432 (je 0)."), std::string::npos)
        << zero.describe();
    EXPECT_EQ(zero.err.find(" / "), std::string::npos) << "one language: " << zero.err;
    const auto zeroEn = host({"--lang", "en", "run", "--webhook-port", "0"});
    EXPECT_NE(zeroEn.err.find("host.webhook_max_bytes must be between 1 and 33554432 (it is 0)."),
              std::string::npos)
        << zeroEn.describe();
    // std::stoll once read "256k" as 256 bytes; now a setting that is no whole number stops run, named.
    writeConfig("http://127.0.0.1:1", {"host.webhook_max_bytes = 256k"});
    const auto suffixed = host({"run", "--webhook-port", "0"});
    EXPECT_EQ(suffixed.exitCode, 2) << suffixed.describe();
    EXPECT_EQ(suffixed.err.find("is not a whole number"), std::string::npos) << "one language";
    EXPECT_NE(suffixed.err.find("nastavitev gostitelja host.webhook_max_bytes = '256k' ni celo število"),
              std::string::npos)
        << suffixed.describe();

    writeConfig("http://127.0.0.1:1", {"host.lease_seconds = 30s"});
    const auto lease = host({"--lang", "en", "run", "--once"});
    EXPECT_EQ(lease.exitCode, 4) << "a setting refused: " << lease.describe();
    EXPECT_NE(lease.err.find("host setting host.lease_seconds = '30s' is not a whole number"),
              std::string::npos)
        << lease.describe();
    const auto leaseJson = host({"run", "--once", "--json"});
    const auto error = json(leaseJson)->getObject("error");
    EXPECT_EQ(error->getValue<std::string>("code"), "config.invalid");
    EXPECT_EQ(error->getValue<std::string>("field"), "host.lease_seconds");
}

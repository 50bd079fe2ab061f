// Webhook intake on loopback with 8 and with 32 concurrent clients: the host's endpoint (token lookup, size
// and type checks, the raw request written to the intake journal before 200) against a bare Poco HTTP
// server that answers 200 without work, in the same run. Also the answer time per request (p50, p99).
// Each timed burst of the endpoint ends only when the intake has moved every accepted request into the
// inbox, so the figure is what the host sustains, the mover's transactions included.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/webhooks/webhook_intake.h"
#include "estore/host/webhooks/webhook_journal.h"
#include "estore/host/webhooks/webhook_server.h"
#include "estore/host/webhooks/webhook_token.h"
#include "estore/host/webhooks/webhook_token_repository.h"
#include "http_burst.h"

namespace {

using estore::bench::burst;
using estore::bench::kWebhookPayload;
using estore::bench::reportBurst;

constexpr int kClients = 8;  // the writer-only benchmark's threads
constexpr int kRequestsPerClient = 250;
constexpr int kRequestsPerBurst = 6000;  // split over the clients of a run
class Bare final : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        request.stream().ignore(std::numeric_limits<std::streamsize>::max());
        response.setContentLength(0);
        response.send();
    }
};

class BareFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Bare;
    }
};

/// A database with one Wix store and a webhook token for it; returns the token.
std::string storeWithWebhook(const std::string& db) {
    const std::string token = estore::host::WebhookToken::generate();
    estore::host::Database database(db);
    estore::host::StoreRepository stores(database);
    estore::host::StoreRecord store;
    store.id = stores.newId("wix");
    store.platform = "wix";
    store.status = "active";
    stores.insert(store);
    estore::host::WebhookTokenRepository(database).replace(store.id, estore::host::WebhookToken::hash(token));
    return token;
}

/// Both servers are measured alike: 8 and 32 clients, 3 bursts each.
void burstRuns(benchmark::internal::Benchmark* b) {
    b->ArgName("clients")->Arg(8)->Arg(32)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
}

void BM_BarePocoServer(benchmark::State& state) {
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    const int clients = static_cast<int>(state.range(0));
    params->setMaxThreads(clients);
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    Poco::Net::HTTPServer server(new BareFactory, socket, params);
    server.start();
    estore::bench::BurstResult all;
    for (auto _ : state) {
        auto one =
            burst({socket.address().port()}, "/bare", kWebhookPayload, clients, kRequestsPerBurst / clients);
        all.micros.insert(all.micros.end(), one.micros.begin(), one.micros.end());
        all.failures += one.failures;
    }
    server.stop();
    reportBurst(state, std::move(all));
}
BENCHMARK(BM_BarePocoServer)->Apply(burstRuns);

void BM_WebhookIntake(benchmark::State& state) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("estore-webhook-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string db = (dir / "estore.db").string();
    const std::string token = storeWithWebhook(db);
    estore::host::WebhookServerOptions options;
    options.port = 0;
    const int clients = static_cast<int>(state.range(0));
    options.limits.maxConnections = clients;
    options.limits.maxPerAddress = clients;  // every client of the burst comes from 127.0.0.1
    estore::host::WebhookServer server(db, options);
    server.start();
    estore::bench::BurstResult all;
    for (auto _ : state) {
        auto one = burst({server.port()}, "/estore/webhook/" + token, kWebhookPayload, clients,
                         kRequestsPerBurst / clients);
        if (!server.intake().awaitMoved(std::chrono::seconds(30))) state.SkipWithError("inbox not filled");
        all.micros.insert(all.micros.end(), one.micros.begin(), one.micros.end());
        all.failures += one.failures;
    }
    server.stop();
    const auto counters = server.intake().counters();
    std::filesystem::remove_all(dir);
    reportBurst(state, std::move(all));
    // Requests the mover put into the inbox per transaction.
    state.counters["per_commit"] = static_cast<double>(counters.moved) /
                                   static_cast<double>(std::max<std::uint64_t>(1, counters.batches));
}
BENCHMARK(BM_WebhookIntake)->Apply(burstRuns);

/// The intake alone, 8 threads, no HTTP: what token lookup, journal write and moving into the inbox cost
/// per request, so the gap between BM_WebhookIntake and BM_BarePocoServer can be split into the intake
/// and the rest. Timed until everything is in the inbox.
void BM_IntakeOnly(benchmark::State& state) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("estore-intake-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string db = (dir / "estore.db").string();
    const std::string token = storeWithWebhook(db);
    estore::host::Database database(db);
    estore::host::WebhookIntakeOptions options;
    options.journalBase = estore::host::WebhookJournal::baseFor(db, "");
    estore::host::WebhookIntake intake(database, options);
    intake.start();
    const std::string hash = estore::host::WebhookToken::hash(token);
    std::size_t requests = 0;
    for (auto _ : state) {
        std::vector<std::thread> threads;
        for (int c = 0; c < kClients; ++c)
            threads.emplace_back([&] {
                for (int i = 0; i < kRequestsPerClient; ++i) {
                    estore::host::InboxRow row;
                    row.receivedAt = estore::host::Database::nowMillis();
                    row.method = "POST";
                    row.contentType = "application/json";
                    row.headersText = R"({"content-type":"application/json","host":"127.0.0.1"})";
                    row.body = kWebhookPayload;
                    intake.accept(hash, std::move(row));
                }
            });
        for (auto& t : threads) t.join();
        if (!intake.awaitMoved(std::chrono::seconds(30))) state.SkipWithError("inbox not filled");
        requests += kClients * kRequestsPerClient;
    }
    intake.stop();
    const auto counters = intake.counters();
    state.counters["per_commit"] = static_cast<double>(counters.moved) /
                                   static_cast<double>(std::max<std::uint64_t>(1, counters.batches));
    state.SetItemsProcessed(static_cast<std::int64_t>(requests));
    std::filesystem::remove_all(dir);
}
BENCHMARK(BM_IntakeOnly)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();

// Webhook intake on loopback with 8 and with 32 concurrent clients: the host's endpoint (token lookup, size
// and type checks, the raw request stored durably before 200) against a bare Poco HTTP server that answers
// 200 without work, in the same run. Also the answer time per request (p50, p99).
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

#include "estore/host/database.h"
#include "estore/host/store_repository.h"
#include "estore/host/webhook_inbox_writer.h"
#include "estore/host/webhook_server.h"
#include "estore/host/webhook_token.h"
#include "estore/host/webhook_token_repository.h"
#include "http_burst.h"

namespace {

using estore::bench::burst;
using estore::bench::kWebhookPayload;
using estore::bench::reportBurst;

constexpr int kClients = 8;  // the writer-only benchmark's threads
constexpr int kRequestsPerClient = 250;
constexpr int kRequestsPerBurst = 2000;  // split over the clients of a run
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
    options.maxThreads = clients;
    estore::host::WebhookServer server(db, options);
    server.start();
    estore::bench::BurstResult all;
    for (auto _ : state) {
        auto one = burst({server.port()}, "/estore/webhook/" + token, kWebhookPayload, clients,
                         kRequestsPerBurst / clients);
        all.micros.insert(all.micros.end(), one.micros.begin(), one.micros.end());
        all.failures += one.failures;
    }
    server.stop();
    std::filesystem::remove_all(dir);
    reportBurst(state, std::move(all));
    // How well the group commit groups: requests stored per transaction.
    state.counters["per_commit"] =
        static_cast<double>(server.endpoint().writer().stored()) /
        static_cast<double>(std::max<std::size_t>(1, server.endpoint().writer().batches()));
}
BENCHMARK(BM_WebhookIntake)->Apply(burstRuns);

/// The inbox writer alone, 8 threads, no HTTP: what the durable store costs per request, so the gap
/// between BM_WebhookIntake and BM_BarePocoServer can be split into storage and the rest.
void BM_InboxWriterOnly(benchmark::State& state) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("estore-writer-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string db = (dir / "estore.db").string();
    const std::string token = storeWithWebhook(db);
    estore::host::Database database(db);
    estore::host::WebhookInboxWriter writer(database);
    const std::string hash = estore::host::WebhookToken::hash(token);
    std::size_t requests = 0;
    for (auto _ : state) {
        std::vector<std::thread> threads;
        for (int c = 0; c < kClients; ++c)
            threads.emplace_back([&] {
                for (int i = 0; i < kRequestsPerClient; ++i) {
                    estore::host::InboxEntry entry;
                    entry.method = "POST";
                    entry.contentType = "application/json";
                    entry.body = kWebhookPayload;
                    writer.write(hash, std::move(entry), "");
                }
            });
        for (auto& t : threads) t.join();
        requests += kClients * kRequestsPerClient;
    }
    state.counters["per_commit"] = static_cast<double>(writer.stored()) /
                                   static_cast<double>(std::max<std::size_t>(1, writer.batches()));
    state.SetItemsProcessed(static_cast<std::int64_t>(requests));
    std::filesystem::remove_all(dir);
}
BENCHMARK(BM_InboxWriterOnly)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();

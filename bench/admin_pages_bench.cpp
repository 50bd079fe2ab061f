// The admin pages under 8 concurrent signed-in clients: the store list (10 stores), a store's orders page
// with 100,000 orders in the store (the first page and one 50,000 orders deep) against the same page of a
// store with 1,000 orders in the same run (server-side paging: the figure must not grow with the store),
// and the "Dodaj elektronsko trgovino" dialog's validation round trip (a refused API key: the plugin asks
// a wix-sandbox process and the form comes back with the error by its field). Requests per second and the
// answer time per request (p50, p99).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>

#include "estore/host/config/host_config.h"
#include "estore/host/demo/sandbox_process.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/ui/admin_server.h"
#include "estore/host/ui/password_hash.h"
#include "estore/host/ui/ui_sessions.h"
#include "estore/host/ui/ui_users.h"
#include "http_burst.h"
#include "test_orders.h"

namespace {

using estore::bench::burst;
using estore::bench::HttpCall;
using estore::bench::reportBurst;

constexpr int kClients = 8;
constexpr int kRequestsPerClient = 40;

/// One database, sandbox and admin server for the whole run (filling 101,000 orders takes seconds).
struct Fixture {
    std::filesystem::path dir;
    std::unique_ptr<estore::host::SandboxProcess> sandbox;
    estore::host::HostConfig config;
    std::unique_ptr<estore::host::AdminServer> server;
    std::string cookie;
    std::string csrf;
    std::string siteId;

    Fixture() {
        dir = std::filesystem::temp_directory_path() / ("estore-admin-bench-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        const std::string db = (dir / "estore.db").string();
        sandbox = std::make_unique<estore::host::SandboxProcess>(
            WIX_SANDBOX_EXE, std::vector<std::string>{"--seed", "5", "--rate-limit", "0"},
            dir / "sandbox.log");
        sandbox->start();
        siteId = sandbox->seededIdentity().siteId;
        config.setOverride("wix.api_base_url", sandbox->baseUrl());
        config.setOverride("wix.requests_per_minute", "0");
        config.setOverride("wix.retry_attempts", "1");
        fill(db);
        estore::host::AdminServerOptions options;
        options.port = 0;
        options.threads = kClients;
        server = std::make_unique<estore::host::AdminServer>(db, WIX_PLUGIN_DIR, config, options);
        server->start();
    }
    ~Fixture() {
        server->stop();
        sandbox->stop();
        std::filesystem::remove_all(dir);
    }

    void fill(const std::string& db) {
        estore::host::Database database(db);
        estore::host::HostServiceSet host(database, config);
        estore::host::StoreRepository stores(database);
        for (int i = 0; i < 10; ++i) {
            estore::host::StoreRecord store;
            store.id = stores.newId("wix");
            store.platform = "wix";
            store.status = "active";
            store.shop.name = "Trgovina " + std::to_string(i + 1);
            stores.insert(store);
        }
        // wix-1 holds 100,000 orders, wix-2 1,000; stored by pages as an import stores them.
        for (const auto& [storeId, count] : {std::pair<std::string, int>{"wix-1", 100000}, {"wix-2", 1000}}) {
            std::vector<estore::host_api::SalesOrder> page;
            for (int n = 0; n < count; ++n) {
                page.push_back(estore::test::twoRateOrder(std::to_string(10000 + n), 1, "PAID"));
                if (page.size() == 100 || n + 1 == count) {
                    std::vector<estore::host_api::UpsertResult> results(page.size());
                    host.salesOrders().upsertPage(storeId, page.data(), page.size(), results.data());
                    page.clear();
                }
            }
        }
        estore::host::UiUsers(database).add("bench",
                                            estore::host::PasswordHash::make("bench password 1", 1000),
                                            estore::host::Database::nowMillis());
        const auto session =
            estore::host::UiSessions(database).open("bench", estore::host::Database::nowMillis());
        cookie = "estore_session=" + session.token;
        csrf = session.csrf;
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void run(benchmark::State& state, const HttpCall& call) {
    Fixture& f = fixture();
    estore::bench::BurstResult all;
    for (auto _ : state) {
        auto one = burst({f.server->port()}, call, kClients, kRequestsPerClient);
        all.micros.insert(all.micros.end(), one.micros.begin(), one.micros.end());
        all.failures += one.failures;
    }
    if (all.failures > 0) state.SkipWithError("answers other than the expected status");
    reportBurst(state, std::move(all));
}

HttpCall get(const std::string& path) {
    HttpCall call;
    call.method = "GET";
    call.path = path;
    call.cookie = fixture().cookie;
    return call;
}

void BM_AdminStoreList(benchmark::State& state) {
    run(state, get("/"));
}
BENCHMARK(BM_AdminStoreList)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

/// range(0): the store's orders; range(1): the page.
void BM_AdminOrdersPage(benchmark::State& state) {
    run(state, get(std::string("/stores/") + (state.range(0) == 100000 ? "wix-1" : "wix-2") +
                   "/orders?page=" + std::to_string(state.range(1))));
}
BENCHMARK(BM_AdminOrdersPage)
    ->ArgNames({"orders", "page"})
    ->Args({1000, 1})
    ->Args({100000, 1})
    ->Args({1000, 20})
    ->Args({100000, 1000})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

void BM_AdminDialogValidation(benchmark::State& state) {
    Fixture& f = fixture();
    HttpCall call;
    call.path = "/stores/new";
    call.contentType = "application/x-www-form-urlencoded";
    call.cookie = f.cookie;
    call.body =
        "_csrf=" + f.csrf +
        "&platform=wix&f_api_key=IST.eyJraWQiOiJ3cm9uZy1rZXkifQ.not-a-real-key-1234567890&f_site_id=" +
        f.siteId + "&f_warehouse=GLAVNO&f_cost_center=SPLET";
    call.expectStatus = 422;  // the key's error, by its field; nothing stored
    run(state, call);
}
BENCHMARK(BM_AdminDialogValidation)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();

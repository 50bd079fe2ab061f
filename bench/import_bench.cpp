// Importing orders from Wix (the sandbox, in its own process on loopback) through the loaded plugin:
// throughput, requests made, and the connector's peak heap for 1,000 against 100,000 orders (pages are
// streamed, so the peak should not grow with the number of orders).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "estore/host/demo/sandbox_process.h"
#include "estore/host/services/db_sales_orders.h"
#include "estore/host/storage/database.h"
#include "estore/sdk/fake_host.h"
#include "estore/sdk/plugin_loader.h"
#include "heap_counter.h"

namespace {

/// Counts stored orders and keeps none, so the measured heap is the connector's, not a host's store.
class CountingSalesOrders final : public estore::host_api::SalesOrders {
public:
    estore::host_api::Outcome upsert(const std::string&, const estore::host_api::SalesOrder&,
                                     estore::host_api::UpsertResult& result) override {
        ++stored;
        result = estore::host_api::UpsertResult::Created;
        return {};
    }
    std::int64_t stored = 0;
};

/// One sandbox process per shop size, started once and shared by the runs of that size.
estore::host::SandboxProcess& sandboxWith(int orders, estore::host::SandboxIdentity& identity) {
    static std::map<int, std::unique_ptr<estore::host::SandboxProcess>> sandboxes;
    static std::map<int, estore::host::SandboxIdentity> identities;
    auto& sandbox = sandboxes[orders];
    if (!sandbox) {
        const auto log =
            std::filesystem::temp_directory_path() / ("estore-bench-sandbox-" + std::to_string(orders));
        sandbox = std::make_unique<estore::host::SandboxProcess>(
            WIX_SANDBOX_EXE, std::vector<std::string>{"--seed", "5", "--rate-limit", "0"}, log);
        sandbox->start();
        identities[orders] = sandbox->seededIdentity();
        sandbox->post("/_sandbox/orders", "{\"siteId\":\"" + identities[orders].siteId +
                                              "\",\"generate\":" + std::to_string(orders) + "}");
    }
    identity = identities[orders];
    return *sandbox;
}

void BM_ImportOrdersFromSandbox(benchmark::State& state) {
    const int orders = static_cast<int>(state.range(0));
    estore::host::SandboxIdentity identity;
    estore::host::SandboxProcess& sandbox = sandboxWith(orders, identity);
    auto loaded = estore::sdk::PluginLoader().loadPlatform(WIX_PLUGIN_DIR, "wix");
    if (!loaded.ok()) {
        state.SkipWithError(loaded.error->message.c_str());
        return;
    }
    auto store = loaded.plugin->createStore();
    std::int64_t stored = 0;
    std::int64_t requests = 0;
    std::size_t peakHeap = 0;
    for (auto _ : state) {
        state.PauseTiming();
        estore::sdk::FakeHost host;  // fresh state: every run imports the whole shop
        host.setConfig("wix.api_base_url", sandbox.baseUrl());
        host.setConfig("wix.requests_per_minute", "0");  // the sandbox's limit is off: measure the connector
        host.setSecret("bench", "api_key", identity.apiKey);
        CountingSalesOrders sales;
        estore::host_api::HostServices services = host.services();
        services.salesOrders = &sales;
        estore::host_api::JobRequest job{
            {"bench",
             "wix",
             {{"site_id", identity.siteId}, {"import_since", "2000-01-01"}, {"import_rule", "approved"}}},
            "orders.import",
            {}};
        const std::size_t base = estore::bench::resetHeapPeak();
        state.ResumeTiming();
        auto report = store->runJob(job, services);
        state.PauseTiming();
        peakHeap = std::max(peakHeap, estore::bench::heapPeak() - base);
        if (!report.outcome.ok()) {
            state.SkipWithError(report.outcome.detail.c_str());
            return;
        }
        stored += sales.stored;
        requests += report.counts["wix_requests"];
        state.ResumeTiming();
    }
    state.SetItemsProcessed(stored);
    state.counters["orders"] = static_cast<double>(stored) / static_cast<double>(state.iterations());
    state.counters["wix_requests"] = static_cast<double>(requests) / static_cast<double>(state.iterations());
    state.counters["peak_heap_MiB"] = static_cast<double>(peakHeap) / (1024.0 * 1024.0);
}
BENCHMARK(BM_ImportOrdersFromSandbox)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

/// A sales order of five 22 % lines, as the mapper makes them; `id` and `updatedAtMillis` vary.
estore::host_api::SalesOrder storedOrder(int id, std::int64_t updatedAtMillis) {
    estore::host_api::SalesOrder o;
    o.externalId = "5f0e2a41-0c1d-4a55-9b7e-" + std::to_string(100000000000 + id);
    o.number = std::to_string(10000 + id);
    o.createdAt = o.updatedAt = "2025-03-14T09:12:44.501Z";
    o.updatedAtMillis = updatedAtMillis;
    o.currency = "EUR";
    o.status = "APPROVED";
    o.paymentStatus = "PAID";
    o.buyer.name = "Ana Novak";
    o.buyer.email = "ana.novak@example.si";
    for (int i = 1; i <= 5; ++i) {
        estore::host_api::SalesOrderLine line;
        line.sku = "MAJ-" + std::to_string(i);
        line.name = "Majica " + std::to_string(i);
        line.quantity = {i, 0};
        line.unitPrice = {1000, 2};
        line.vatRate = {22, 0};
        line.net = {1000 * i, 2};
        line.vat = {220 * i, 2};
        line.gross = {1220 * i, 2};
        o.lines.push_back(line);
    }
    o.vatBreakdown.push_back({{22, 0}, {15000, 2}, {3300, 2}, {18300, 2}});
    o.totalNet = {15000, 2};
    o.totalVat = {3300, 2};
    o.totalGross = {18300, 2};
    return o;
}

/// A page of 100 orders into the host's SQLite database, every run a newer version of each (Updated).
/// range(0): 1 = the page in one upsertPage (one transaction), 0 = one upsert (and commit) per order.
void storePages(benchmark::State& state, bool asPage) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("estore-bench-store-" + std::to_string(asPage));
    std::filesystem::remove_all(dir);
    estore::host::Database db((dir / "host.db").string());
    estore::host::DbSalesOrders orders(db);
    std::vector<estore::host_api::SalesOrder> page;
    for (int i = 0; i < 100; ++i) page.push_back(storedOrder(i, 1));
    std::vector<estore::host_api::UpsertResult> results(page.size());
    std::int64_t version = 1;
    for (auto _ : state) {
        ++version;
        for (auto& o : page) o.updatedAtMillis = version;
        estore::host_api::Outcome stored;
        if (asPage) {
            stored = orders.upsertPage("bench", page.data(), page.size(), results.data());
        } else {
            for (std::size_t i = 0; i < page.size() && stored.ok(); ++i)
                stored = orders.upsert("bench", page[i], results[i]);
        }
        if (!stored.ok()) {
            state.SkipWithError(stored.detail.c_str());
            break;
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(page.size()));
    std::filesystem::remove_all(dir);
}

/// Baseline: each order of the page stored in its own transaction, as before issue 19.
void BM_StoreOrdersOneByOne(benchmark::State& state) {
    storePages(state, false);
}
BENCHMARK(BM_StoreOrdersOneByOne)->Unit(benchmark::kMillisecond);

/// The page in one transaction (SalesOrders::upsertPage, API 1.4), as the import stores it now.
void BM_StoreOrdersAsPage(benchmark::State& state) {
    storePages(state, true);
}
BENCHMARK(BM_StoreOrdersAsPage)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

// Importing orders from Wix (the sandbox, in its own process on loopback) through the loaded plugin:
// throughput, requests made, and the connector's peak heap for 1,000 against 100,000 orders (pages are
// streamed, so the peak should not grow with the number of orders).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "estore/host/demo/sandbox_process.h"
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

}  // namespace

BENCHMARK_MAIN();

// What the platform team measures about loading the Wix plugin and checking a store's credentials.
#include <benchmark/benchmark.h>
#include <dlfcn.h>

#include "estore/sdk/fake_host.h"
#include "estore/sdk/manifest.h"
#include "estore/sdk/plugin_loader.h"
#include "wix_sandbox/server/sandbox.h"

namespace {

/// dlopen and dlclose of `library`, again and again.
void dlopenAndClose(benchmark::State& state, const std::string& library) {
    for (auto _ : state) {
        void* handle = ::dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            state.SkipWithError(::dlerror());
            return;
        }
        benchmark::DoNotOptimize(handle);
        ::dlclose(handle);
    }
}

/// Baseline: dlopen and dlclose of an empty shared library.
void BM_DlopenEmptyLibrary(benchmark::State& state) {
    dlopenAndClose(state, EMPTY_LIBRARY);
}
BENCHMARK(BM_DlopenEmptyLibrary);

/// What the dynamic linker alone costs for the Wix plugin, no manifest, no checks, no store. The library
/// has STB_GNU_UNIQUE symbols (template statics of libstdc++ and Boost), so glibc never unloads it:
/// after the first load, dlopen only counts a reference. Loading it into a fresh process is not measured.
void BM_DlopenWixPluginOnly(benchmark::State& state) {
    dlopenAndClose(state, std::string(WIX_PLUGIN_DIR) + "/wix/libestore_wix.so");
}
BENCHMARK(BM_DlopenWixPluginOnly);

/// Reading and checking the Wix manifest (14 KB) once: what the loader pays on every load, and the plugin
/// once per process for its embedded copy.
void BM_ReadWixManifest(benchmark::State& state) {
    const std::string manifest = std::string(WIX_PLUGIN_DIR) + "/wix/manifest.json";
    for (auto _ : state) {
        auto read = estore::sdk::ManifestReader::readFile(manifest);
        if (!read.ok()) {
            state.SkipWithError(read.errorText().c_str());
            return;
        }
        benchmark::DoNotOptimize(read.manifest->descriptor.fields.data());
    }
}
BENCHMARK(BM_ReadWixManifest);

/// The host's path: read and check the manifest, check exports without loading, load, check version and
/// platform, create the store object, then destroy it and unload.
void BM_LoadWixPluginAndCreateStore(benchmark::State& state) {
    estore::sdk::PluginLoader loader;
    for (auto _ : state) {
        auto loaded = loader.loadPlatform(WIX_PLUGIN_DIR, "wix");
        if (!loaded.ok()) {
            state.SkipWithError(loaded.error->message.c_str());
            return;
        }
        auto store = loaded.plugin->createStore();
        benchmark::DoNotOptimize(store.get());
    }
}
BENCHMARK(BM_LoadWixPluginAndCreateStore);

/// validate() of a good store against the sandbox on loopback: three Wix calls, new connection each time.
void BM_ValidateAgainstSandbox(benchmark::State& state) {
    auto loaded = estore::sdk::PluginLoader().loadPlatform(WIX_PLUGIN_DIR, "wix");
    if (!loaded.ok()) {
        state.SkipWithError(loaded.error->message.c_str());
        return;
    }
    auto store = loaded.plugin->createStore();
    wix_sandbox::SandboxOptions options;
    options.rateLimitPerMinute = 0;  // the benchmark measures the connector, not Wix's budget
    wix_sandbox::Sandbox sandbox(options);
    sandbox.start();
    estore::sdk::FakeHost host;
    host.setConfig("wix.api_base_url", sandbox.baseUrl());
    const estore::host_api::Settings settings{{"site_id", sandbox.defaultSite().siteId},
                                              {"warehouse", "GLAVNO"},
                                              {"cost_center", "SPLET"},
                                              {"sync_stock", state.range(0) ? "true" : "false"}};
    const estore::host_api::Settings secrets{{"api_key", sandbox.defaultApiKey()}};
    for (auto _ : state) {
        auto v = store->validate(settings, secrets, host.services());
        if (!v.outcome.ok()) {
            state.SkipWithError(v.outcome.detail.c_str());
            break;
        }
    }
    state.counters["wix_calls_per_validate"] =
        static_cast<double>(sandbox.stats().total) / static_cast<double>(state.iterations());
    sandbox.stop();
}
BENCHMARK(BM_ValidateAgainstSandbox)->Arg(0)->Arg(1)->ArgName("sync_stock")->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();

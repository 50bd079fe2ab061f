// A full stock push as a user runs it: `estore-host sync STORE stock.push` against a wix-sandbox process on
// loopback (rate limit off, host unpaced), 10,000 simple products on Catalog V1 (one PATCH per product) or
// V3 (bulk updates of 100 items), every SKU different from what Wix holds. The time is the whole process:
// start, reading the warehouse, reading the SKU map from Wix, the diff and the writes. Counters: the Wix
// calls the job counted (reads and writes) and the requests the sandbox answered per route.
// BM_StockPushUnchanged is the same catalog with nothing to push: the cost of a run that only reads.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "estore/host/demo/sandbox_process.h"

namespace {

constexpr int kSkus = 10000;

using Poco::JSON::Object;

Object::Ptr parse(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<Object::Ptr>();
}

std::int64_t number(const Object::Ptr& object, const std::string& key) {
    return object && object->has(key) ? object->getValue<std::int64_t>(key) : 0;
}

struct Run {
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// One environment per catalog version: a sandbox, a host database with the Wix store and the warehouse.
class PushSetup {
public:
    explicit PushSetup(const std::string& version)
        : _dir(std::filesystem::temp_directory_path() /
               ("estore-stock-push-bench-" + version + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(_dir);
        std::filesystem::create_directories(_dir);
        _sandbox = std::make_unique<estore::host::SandboxProcess>(
            WIX_SANDBOX_EXE,
            std::vector<std::string>{"--seed", "1", "--rate-limit", "0", "--catalog-version", version},
            _dir / "sandbox.log");
        _sandbox->start();
        const auto identity = _sandbox->seededIdentity();
        std::ofstream(_dir / "host.properties") << "wix.api_base_url = " << _sandbox->baseUrl() << "\n"
                                                << "wix.requests_per_minute = 0\n"
                                                << "host.lease_seconds = 60\n";
        resetCatalog();
        const Run added =
            host({"add-store", "--platform", "wix", "--json", "--set", "api_key=" + identity.apiKey, "--set",
                  "site_id=" + identity.siteId, "--set", "warehouse=GLAVNO", "--set", "cost_center=SPLET",
                  "--set", "sync_stock=true"});
        if (added.exitCode != 0) throw std::runtime_error("add-store failed: " + added.out + added.err);
        _storeId = parse(added.out)->getObject("store")->getValue<std::string>("id");
    }

    ~PushSetup() {
        _sandbox->stop();
        std::error_code ignored;
        std::filesystem::remove_all(_dir, ignored);
    }

    /// The same generated catalog again (it depends on the seed alone): Wix's quantities as at the start.
    void resetCatalog() {
        _sandbox->post("/_sandbox/catalog",
                       R"({"skus":)" + std::to_string(kSkus) + R"(,"clean":true,"variants":false})");
    }

    /// The warehouse: Wix's quantity plus `delta` for every SKU (0 = nothing to push).
    void loadWarehouse(int delta) {
        const auto stock = parse(_sandbox->get("/_sandbox/catalog/stock"))->getArray("stock");
        const auto file = _dir / ("zaloga" + std::to_string(delta) + ".csv");
        {
            std::ofstream out(file);
            out << "product_code;on_hand;reserved\n";
            for (std::size_t i = 0; i < stock->size(); ++i) {
                const auto row = stock->getObject(static_cast<unsigned>(i));
                out << row->getValue<std::string>("sku") << ";" << row->getValue<long>("quantity") + delta
                    << ";0\n";
            }
        }
        const Run imported = host({"stock", "import", "GLAVNO", file.string()});
        if (imported.exitCode != 0) throw std::runtime_error("stock import failed: " + imported.err);
    }

    Run push() { return host({"sync", _storeId, "stock.push", "--json"}); }

    /// Requests the sandbox answered per route so far.
    std::map<std::string, std::int64_t> routes() {
        std::map<std::string, std::int64_t> out;
        const auto routes = parse(_sandbox->get("/_sandbox/stats"))->getObject("routes");
        for (const auto& [route, count] : *routes) out[route] = count.convert<std::int64_t>();
        return out;
    }

private:
    Run host(std::vector<std::string> args) {
        std::vector<std::string> full = {"--db",      (_dir / "estore.db").string(),
                                         "--plugins", WIX_PLUGIN_DIR,
                                         "--config",  (_dir / "host.properties").string()};
        full.insert(full.end(), args.begin(), args.end());
        Poco::Pipe out, err;
        Poco::ProcessHandle handle =
            Poco::Process::launch(ESTORE_HOST_EXE, full, _dir.string(), nullptr, &out, &err);
        Run run;
        // Progress goes to stderr beside --json: drained at once so the child never blocks on it.
        std::thread errReader([&] {
            Poco::PipeInputStream stream(err);
            Poco::StreamCopier::copyToString(stream, run.err);
        });
        Poco::PipeInputStream stream(out);
        Poco::StreamCopier::copyToString(stream, run.out);
        errReader.join();
        run.exitCode = handle.wait();
        return run;
    }

    std::filesystem::path _dir;
    std::unique_ptr<estore::host::SandboxProcess> _sandbox;
    std::string _storeId;
};

std::int64_t sum(const std::map<std::string, std::int64_t>& after,
                 const std::map<std::string, std::int64_t>& before, const std::vector<std::string>& routes) {
    std::int64_t total = 0;
    for (const auto& route : routes) {
        const auto a = after.find(route);
        const auto b = before.find(route);
        total += (a == after.end() ? 0 : a->second) - (b == before.end() ? 0 : b->second);
    }
    return total;
}

void pushBench(benchmark::State& state, const std::string& version, int delta) {
    std::unique_ptr<PushSetup> setup;
    try {
        setup = std::make_unique<PushSetup>(version);
        setup->loadWarehouse(delta);
    } catch (const std::exception& e) {
        return state.SkipWithError(e.what());
    }
    const std::vector<std::string> reads = {"POST /stores/v1/products/query",
                                            "POST /stores/v3/inventory-items/query"};
    const std::vector<std::string> writes = {
        "PATCH /stores/v2/inventoryItems/product/{id}", "POST /stores/v3/bulk/inventory-items/update",
        "POST /stores/v2/inventoryItems/increment", "POST /stores/v2/inventoryItems/decrement"};
    Object::Ptr counts;
    std::int64_t sandboxReads = 0, sandboxWrites = 0;
    for (auto _ : state) {
        state.PauseTiming();
        setup->resetCatalog();  // every SKU differs again (or, with delta 0, still equals)
        const auto before = setup->routes();
        state.ResumeTiming();
        const Run run = setup->push();
        state.PauseTiming();
        if (run.exitCode != 0)
            return state.SkipWithError(("stock.push failed: " + run.out + run.err).c_str());
        counts = parse(run.out)->getObject("counts");
        const auto after = setup->routes();
        sandboxReads = sum(after, before, reads);
        sandboxWrites = sum(after, before, writes);
        state.ResumeTiming();
    }
    state.counters["skus"] = kSkus;
    state.counters["pushed"] = static_cast<double>(number(counts, "pushed"));
    state.counters["wix_calls"] = static_cast<double>(number(counts, "wix_calls"));
    state.counters["write_calls"] = static_cast<double>(number(counts, "write_calls"));
    state.counters["read_calls"] =
        static_cast<double>(number(counts, "wix_calls") - number(counts, "write_calls"));
    state.counters["sandbox_reads"] = static_cast<double>(sandboxReads);
    state.counters["sandbox_writes"] = static_cast<double>(sandboxWrites);
}

void BM_StockPushFull(benchmark::State& state, const std::string& version) {
    pushBench(state, version, 1);
}
void BM_StockPushUnchanged(benchmark::State& state, const std::string& version) {
    pushBench(state, version, 0);
}

// One push per repetition (a V1 push is 10,000 PATCHes), three repetitions: this wins over run.sh's five,
// keeping the suite near 30 s.
BENCHMARK_CAPTURE(BM_StockPushFull, V1, std::string("V1"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(3);
BENCHMARK_CAPTURE(BM_StockPushFull, V3, std::string("V3"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(3);
BENCHMARK_CAPTURE(BM_StockPushUnchanged, V1, std::string("V1"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(3);
BENCHMARK_CAPTURE(BM_StockPushUnchanged, V3, std::string("V3"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(3);

}  // namespace

BENCHMARK_MAIN();

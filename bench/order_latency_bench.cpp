// From an order being placed in Wix to its document being stored in e-računi, through the instant path:
// the sandbox's Automation POSTs the webhook to a real `estore-host run` process, which stores it in the
// inbox, hands it to the plugin, fetches the order from the sandbox and upserts it. Orders are placed one
// after another (each waits for the previous document), so the figure is the latency of one order, not
// a queue. The clock is the host's: the document's created_at minus the time just before placing.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <benchmark/benchmark.h>

#include <Poco/Data/Statement.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

#include "estore/host/storage/database.h"
#include "wix_sandbox/server/sandbox.h"

using namespace Poco::Data::Keywords;

namespace {

constexpr int kOrders = 200;

struct Run {
    int exitCode = 0;
    std::string out;
};

/// Runs estore-host to completion with the bench's database, plugins and config; keeps its stdout.
Run host(const std::filesystem::path& dir, std::vector<std::string> args) {
    std::vector<std::string> full = {"--db",      (dir / "estore.db").string(),
                                     "--plugins", WIX_PLUGIN_DIR,
                                     "--config",  (dir / "host.properties").string()};
    full.insert(full.end(), args.begin(), args.end());
    Poco::Pipe out;
    Poco::Pipe err;
    Poco::ProcessHandle handle =
        Poco::Process::launch(ESTORE_HOST_EXE, full, dir.string(), nullptr, &out, &err);
    Poco::PipeInputStream outStream(out);
    Poco::PipeInputStream errStream(err);
    Run run;
    std::string ignored;
    Poco::StreamCopier::copyToString(outStream, run.out);
    Poco::StreamCopier::copyToString(errStream, ignored);  // small: the set-up steps
    run.exitCode = handle.wait();
    return run;
}

/// Starts `estore-host run` in the background with its output in run.log.
Poco::ProcessHandle startRun(const std::filesystem::path& dir, const std::filesystem::path& portFile) {
    const std::string command = std::string("exec '") + ESTORE_HOST_EXE + "' --db '" +
                                (dir / "estore.db").string() + "' --plugins '" + WIX_PLUGIN_DIR +
                                "' --config '" + (dir / "host.properties").string() +
                                "' run --webhook-port 0 --port-file '" + portFile.string() + "' > '" +
                                (dir / "run.log").string() + "' 2>&1";
    return Poco::Process::launch("/bin/sh", {"-c", command}, dir.string());
}

std::string field(const std::string& json, const std::string& path) {
    Poco::JSON::Object::Ptr object = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
    const auto dot = path.find('.');
    if (dot == std::string::npos) return object->getValue<std::string>(path);
    return object->getObject(path.substr(0, dot))->getValue<std::string>(path.substr(dot + 1));
}

unsigned short waitForPort(const std::filesystem::path& file) {
    for (int i = 0; i < 1000; ++i) {
        std::ifstream in(file);
        unsigned short port = 0;
        if (in >> port && port != 0) return port;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return 0;
}

/// The host's created_at of the order's document, once it exists.
std::optional<std::int64_t> storedAt(estore::host::Database& db, const std::string& orderId) {
    std::vector<Poco::Int64> rows;
    db.session() << "SELECT created_at FROM sales_orders WHERE external_id = ?", bind(orderId), into(rows),
        now;
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

void BM_PlaceToStored(benchmark::State& state) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("estore-latency-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);

    wix_sandbox::SandboxOptions options;
    options.port = 0;
    options.rateLimitPerMinute = 0;
    wix_sandbox::Sandbox sandbox(options);
    sandbox.start();
    std::ofstream(dir / "host.properties") << "wix.api_base_url = " << sandbox.baseUrl() << "\n"
                                           << "wix.requests_per_minute = 0\n"
                                           << "host.public_url = http://127.0.0.1:1\n";

    const auto site = sandbox.defaultSite();
    const Run added =
        host(dir, {"add-store", "--platform", "wix", "--json", "--set", "api_key=" + sandbox.defaultApiKey(),
                   "--set", "site_id=" + site.siteId, "--set", "warehouse=GLAVNO", "--set",
                   "cost_center=SPLET", "--set", "import_since=2030-01-01"});
    if (added.exitCode != 0) return state.SkipWithError(("add-store failed: " + added.out).c_str());
    const std::string storeId = field(added.out, "store.id");
    const Run generated = host(dir, {"webhook", storeId, "--generate", "--json"});
    if (generated.exitCode != 0) return state.SkipWithError("webhook --generate failed");
    const std::string path = Poco::URI(field(generated.out, "url")).getPath();

    const auto portFile = dir / "webhook.port";
    Poco::ProcessHandle runner = startRun(dir, portFile);
    const unsigned short port = waitForPort(portFile);
    if (port == 0) {
        Poco::Process::kill(runner);
        return state.SkipWithError("estore-host run did not start");
    }
    wix_sandbox::Automation automation;
    automation.url = "http://127.0.0.1:" + std::to_string(port) + path;
    automation.events = {wix_sandbox::Automation::kPlaced};
    automation.retry = true;
    sandbox.addAutomation(automation);

    estore::host::Database db((dir / "estore.db").string());
    std::vector<double> latencies;
    int lost = 0;
    for (auto _ : state) {
        for (int i = 0; i < kOrders; ++i) {
            const std::int64_t placedAt = estore::host::Database::nowMillis();
            const std::string orderId = sandbox.placeOrder(site.siteId);
            std::optional<std::int64_t> stored;
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
            while (!(stored = storedAt(db, orderId)) && std::chrono::steady_clock::now() < deadline)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            if (stored)
                latencies.push_back(static_cast<double>(*stored - placedAt));
            else
                ++lost;
        }
    }
    Poco::Process::requestTermination(runner.id());
    runner.wait();
    sandbox.stop();
    std::filesystem::remove_all(dir);
    if (latencies.empty()) return state.SkipWithError("no order was stored");
    std::sort(latencies.begin(), latencies.end());
    state.counters["p50_ms"] = latencies[latencies.size() / 2];
    state.counters["p99_ms"] = latencies[latencies.size() * 99 / 100];
    state.counters["max_ms"] = latencies.back();
    state.counters["not_stored_in_5s"] = lost;
    state.SetItemsProcessed(static_cast<std::int64_t>(latencies.size()));
}
BENCHMARK(BM_PlaceToStored)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace

BENCHMARK_MAIN();

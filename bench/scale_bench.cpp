// Several `estore-host run` workers on one PostgreSQL database (a private cluster this benchmark starts on
// 127.0.0.1, tests/postgres/pg_cluster.sh) against a wix-sandbox on loopback:
//  - BM_DispatchJobs/workers:N: 300 stores' orders.import jobs fall due at once; the time until every one
//    has run (claimed with a lease, run by the plugin against the sandbox, finished, logged). Items per
//    second = jobs dispatched per second with 1, 2 and 3 workers.
//  - BM_WebhookIntakeWorkers/workers:N: 8 keep-alive clients POST webhooks spread over the workers' endpoints
//  while
//    the workers also process their inboxes (as in production); requests per second with 1 and 3 workers,
//    each burst timed until every accepted request is in the shared inbox.
// Every worker is a real process, so the figures include PostgreSQL round trips and process scheduling on
// this machine's cores.
#include <Poco/Data/Statement.h>
#include <Poco/Process.h>
#include <Poco/URI.h>
#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "estore/host/config/host_config.h"
#include "estore/host/core/formats.h"
#include "estore/host/enrollment/settings_builder.h"
#include "estore/host/enrollment/store_enrollment.h"
#include "estore/host/plugins/plugin_registry.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/webhooks/webhook_token.h"
#include "estore/host/webhooks/webhook_token_repository.h"
#include "http_burst.h"
#include "wix_sandbox/server/sandbox.h"

using namespace Poco::Data::Keywords;
namespace fs = std::filesystem;

namespace {

constexpr int kStores = 300;
constexpr int kClients = 8;
constexpr int kRequestsPerClient = 250;

/// A program run to its end; its exit code.
int runToEnd(const std::string& program, const std::vector<std::string>& args) {
    Poco::ProcessHandle handle = Poco::Process::launch(program, args);
    return handle.wait();
}

/// The private PostgreSQL cluster, started once and stopped at exit.
class PgCluster {
public:
    PgCluster()
        : _state(fs::temp_directory_path() / ("estore-scale-bench-pg-" + std::to_string(::getpid()))) {
        _started = runToEnd(PG_CLUSTER_SCRIPT, {"start", _state.string()}) == 0;
        std::ifstream in(_state / "url");
        std::getline(in, _url);
    }
    ~PgCluster() { runToEnd(PG_CLUSTER_SCRIPT, {"stop", _state.string()}); }

    bool started() const { return _started; }
    /// The connection string, or "unavailable: why".
    const std::string& url() const { return _url; }

private:
    fs::path _state;
    bool _started = false;
    std::string _url;
};

/// `estore-host run` as a background process with its own webhook port.
class Worker {
public:
    Worker(const fs::path& dir, const std::string& db, int number) {
        const fs::path portFile = dir / ("worker" + std::to_string(number) + ".port");
        fs::remove(portFile);
        const std::string command =
            std::string("exec '") + ESTORE_HOST_EXE + "' --db '" + db + "' --plugins '" + WIX_PLUGIN_DIR +
            "' --config '" + (dir / "host.properties").string() + "' run --worker bench-w" +
            std::to_string(number) + " --webhook-port 0 --port-file '" + portFile.string() + "' > '" +
            (dir / ("worker" + std::to_string(number) + ".log")).string() + "' 2>&1";
        _handle = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch("/bin/sh", {"-c", command}));
        for (int i = 0; i < 1500 && _port == 0; ++i) {
            std::ifstream in(portFile);
            if (!(in >> _port)) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    ~Worker() {
        Poco::Process::requestTermination(_handle->id());
        _handle->wait();
    }
    unsigned short port() const { return _port; }

private:
    std::unique_ptr<Poco::ProcessHandle> _handle;
    unsigned short _port = 0;
};

/// The sandbox, the database with kStores enrolled Wix stores (orders.import each) and one webhook URL.
class Fleet {
public:
    explicit Fleet(const std::string& db)
        : _dir(fs::temp_directory_path() / ("estore-scale-bench-" + std::to_string(::getpid()))), _db(db) {
        fs::remove_all(_dir);
        fs::create_directories(_dir);
        wix_sandbox::SandboxOptions options;
        options.rateLimitPerMinute = 0;
        options.maxThreads = 32;
        _sandbox = std::make_unique<wix_sandbox::Sandbox>(options);
        _sandbox->start();
        std::ofstream(_dir / "host.properties") << "wix.api_base_url = " << _sandbox->baseUrl() << "\n"
                                                << "wix.requests_per_minute = 0\n"
                                                << "host.public_url = http://127.0.0.1:1\n"
                                                << "host.poll_millis = 20\n"
                                                << "host.lease_seconds = 60\n";
        enrollStores();
    }
    ~Fleet() {
        _sandbox->stop();
        fs::remove_all(_dir);
    }

    const fs::path& dir() const { return _dir; }
    const std::string& db() const { return _db; }
    const std::string& error() const { return _error; }
    const std::string& webhookPath() const { return _webhookPath; }

private:
    void enrollStores() {
        estore::host::Database database(_db);
        estore::host::HostConfig config;
        config.setOverride("wix.api_base_url", _sandbox->baseUrl());
        config.setOverride("wix.requests_per_minute", "0");
        estore::host::HostServiceSet host(database, config);
        estore::host::PluginRegistry plugins(WIX_PLUGIN_DIR);
        if (auto failed = plugins.open("wix")) {
            _error = "plugin: " + failed->message;
            return;
        }
        const auto& fields = plugins.manifest("wix").descriptor.fields;
        for (int i = 0; i < kStores; ++i) {
            wix_sandbox::SiteInfo site = _sandbox->newSite();
            _sandbox->addSite(site);
            wix_sandbox::ApiKeyInfo key;
            key.key = _sandbox->newKeyValue(site.accountId);
            key.accountId = site.accountId;
            key.siteIds = {site.siteId};
            _sandbox->addKey(key);
            estore::host::SettingsBuilder settings(fields, estore::host::Formats::today());
            settings.set("api_key", key.key);
            settings.set("site_id", site.siteId);
            settings.set("warehouse", "GLAVNO");
            settings.set("cost_center", "SPLET");
            const auto result = estore::host::StoreEnrollment(host).enroll(
                plugins.store("wix"), "wix", fields, settings.settings(), settings.secrets());
            if (!result.ok()) {
                _error = "add-store: " + result.outcome.message.en;
                return;
            }
            if (i == 0) {
                const std::string token = estore::host::WebhookToken::generate();
                estore::host::WebhookTokenRepository(database).replace(
                    result.store.id, estore::host::WebhookToken::hash(token));
                _webhookPath = "/estore/webhook/" + token;
            }
        }
        // Nothing is due until a benchmark says so.
        database.execute("UPDATE jobs SET next_run_at = 9000000000000");
    }

    fs::path _dir;
    std::string _db;
    std::unique_ptr<wix_sandbox::Sandbox> _sandbox;
    std::string _error;
    std::string _webhookPath;
};

PgCluster& cluster() {
    static PgCluster instance;
    return instance;
}

/// The fleet on the cluster's database, built on first use; nullptr (with the reason) without PostgreSQL.
Fleet* fleet(benchmark::State& state) {
    if (!cluster().started()) {
        state.SkipWithError(("PostgreSQL cluster not started: " + cluster().url()).c_str());
        return nullptr;
    }
    static Fleet instance(cluster().url());
    if (!instance.error().empty()) {
        state.SkipWithError(instance.error().c_str());
        return nullptr;
    }
    return &instance;
}

/// Starts n workers; empty (and the state told) when one did not come up.
std::vector<std::unique_ptr<Worker>> startWorkers(Fleet& fleet, int n, benchmark::State& state) {
    std::vector<std::unique_ptr<Worker>> workers;
    for (int i = 1; i <= n; ++i) {
        workers.push_back(std::make_unique<Worker>(fleet.dir(), fleet.db(), i));
        if (workers.back()->port() == 0) {
            state.SkipWithError("estore-host run did not start");
            return {};
        }
    }
    return workers;
}

std::int64_t count(estore::host::Database& db, const std::string& sql, std::int64_t value) {
    Poco::Int64 n = 0;
    db.session() << db.sql(sql), bind(Poco::Int64(value)), into(n), now;
    return n;
}

void BM_DispatchJobs(benchmark::State& state) {
    Fleet* f = fleet(state);
    if (!f) return;
    const int n = static_cast<int>(state.range(0));
    estore::host::Database db(f->db());
    auto workers = startWorkers(*f, n, state);
    if (workers.empty()) return;
    std::int64_t dispatched = 0;
    std::int64_t failed = 0;
    for (auto _ : state) {
        const std::int64_t start = estore::host::Database::nowMillis();
        db.execute("UPDATE jobs SET next_run_at = " + std::to_string(start));
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
        while (count(db, "SELECT COUNT(*) FROM jobs WHERE last_run_at >= ? AND lease_owner IS NULL", start) <
               kStores) {
            if (std::chrono::steady_clock::now() > deadline) {
                state.SkipWithError("not every job ran within 120 s");
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));  // light on the database it measures
        }
        dispatched += kStores;
        failed +=
            count(db, "SELECT COUNT(*) FROM jobs WHERE last_run_at >= ? AND last_status <> 'ok'", start);
    }
    workers.clear();
    state.SetItemsProcessed(dispatched);
    state.counters["jobs_failed"] = static_cast<double>(failed);
}
BENCHMARK(BM_DispatchJobs)
    ->ArgName("workers")
    ->Arg(1)
    ->Arg(2)
    ->Arg(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

void BM_WebhookIntakeWorkers(benchmark::State& state) {
    Fleet* f = fleet(state);
    if (!f) return;
    auto workers = startWorkers(*f, static_cast<int>(state.range(0)), state);
    if (workers.empty()) return;
    std::vector<unsigned short> ports;
    for (const auto& w : workers) ports.push_back(w->port());
    estore::host::Database db(f->db());
    const std::int64_t before = count(db, "SELECT COUNT(*) FROM webhook_inbox WHERE id > ?", 0);
    std::int64_t accepted = 0;
    estore::bench::BurstResult all;
    for (auto _ : state) {
        auto one = estore::bench::burst(ports, f->webhookPath(), estore::bench::kWebhookPayload, kClients,
                                        kRequestsPerClient);
        accepted += static_cast<std::int64_t>(one.micros.size()) - one.failures;
        // Timed until every accepted request is in the shared inbox, not only in a worker's journal.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (count(db, "SELECT COUNT(*) FROM webhook_inbox WHERE id > ?", 0) < before + accepted) {
            if (std::chrono::steady_clock::now() > deadline) {
                state.SkipWithError("the accepted webhooks were not in the inbox within 60 s");
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        all.micros.insert(all.micros.end(), one.micros.begin(), one.micros.end());
        all.failures += one.failures;
    }
    workers.clear();
    estore::bench::reportBurst(state, std::move(all));
}
BENCHMARK(BM_WebhookIntakeWorkers)
    ->ArgName("workers")
    ->Arg(1)
    ->Arg(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

}  // namespace

BENCHMARK_MAIN();

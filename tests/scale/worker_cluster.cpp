#include "worker_cluster.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Tuple.h>
#include <Poco/URI.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <signal.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "estore/host/cli/add_store_command.h"
#include "estore/host/cli/command_context.h"
#include "estore/host/cli/webhook_command.h"
#include "estore/host/config/host_config.h"
#include "estore/host/storage/database.h"

using namespace Poco::Data::Keywords;

namespace estore::test {

namespace {

Poco::JSON::Object::Ptr parseObject(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The number after "name=" up to the next ';' (or the end); nullopt when absent or not a number.
std::optional<std::int64_t> numberField(const std::string& detail, const std::string& name) {
    const std::string key = "; " + name + "=";
    const auto at = detail.rfind(key);
    if (at == std::string::npos) return std::nullopt;
    const auto begin = at + key.size();
    const auto end = detail.find(';', begin);
    try {
        std::size_t used = 0;
        const std::string text =
            detail.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
        const std::int64_t value = std::stoll(text, &used);
        if (used != text.size()) return std::nullopt;
        return value;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

WorkerCluster::WorkerCluster(ClusterOptions options) : _options(std::move(options)) {
    _workers.resize(static_cast<std::size_t>(_options.workers));
}

WorkerCluster::~WorkerCluster() {
    for (auto& worker : _workers)
        if (worker.process) worker.process->stop(SIGTERM);
    if (_sandbox) _sandbox->stop();
    _database.reset();
}

void WorkerCluster::start() {
    _sandbox = std::make_unique<host::SandboxProcess>(WIX_SANDBOX_EXE, _options.sandboxArgs,
                                                      _dir.path() / "sandbox.log");
    _sandbox->start();
    _db = _dir.database("cluster");
    writeConfig(_sandbox->baseUrl());
    db();  // creates the schema before any worker races for it
}

void WorkerCluster::writeConfig(const std::string& wixBaseUrl) {
    _config = _dir.file("host.properties");
    std::ofstream out(_config);
    out << "wix.api_base_url = " << wixBaseUrl << "\n"
        << "host.public_url = http://127.0.0.1:1\n";
    for (const auto& line : _options.config) out << line << "\n";
}

host::Database& WorkerCluster::db() {
    if (!_database) _database = std::make_unique<host::Database>(_db);
    return *_database;
}

std::string WorkerCluster::control(const std::string& method, const std::string& path,
                                   const std::string& body) {
    return _sandbox->request(method, path, body, 30);  // generating 500 sites' data can take a while
}

std::vector<SiteAccount> WorkerCluster::createSites(std::size_t n, const std::string& siteJson) {
    std::vector<SiteAccount> sites;
    sites.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto site = parseObject(control("POST", "/_sandbox/sites", siteJson))->getObject("site");
        const std::string accountId = site->getValue<std::string>("accountId");
        const std::string siteId = site->getValue<std::string>("siteId");
        auto key =
            parseObject(control("POST", "/_sandbox/keys",
                                R"({"accountId":")" + accountId + R"(","sites":[")" + siteId + R"("]})"))
                ->getObject("key");
        sites.push_back({siteId, key->getValue<std::string>("key")});
    }
    return sites;
}

PlacedOrder WorkerCluster::placeOrder(const std::string& siteId) {
    auto placed = parseObject(control("POST", "/_sandbox/orders/place", R"({"siteId":")" + siteId + R"("})"));
    auto order = placed->getObject("order");
    PlacedOrder result;
    result.siteId = siteId;
    result.id = placed->getValue<std::string>("orderId");
    result.number = order->get("number").toString();
    result.paid = order->optValue<std::string>("paymentStatus", "") == "PAID";
    return result;
}

void WorkerCluster::payOrder(PlacedOrder& order) {
    control("POST", "/_sandbox/orders/" + order.id + "/pay", R"({"siteId":")" + order.siteId + R"("})");
    order.paid = true;
}

void WorkerCluster::addAutomation(const std::string& siteId, const std::string& url,
                                  const std::string& extraJson) {
    control("POST", "/_sandbox/automations",
            R"({"siteId":")" + siteId + R"(","url":")" + url + R"(","events":["placed","paid"])" + extraJson +
                "}");
}

Poco::JSON::Object::Ptr WorkerCluster::deliveries() {
    return parseObject(control("GET", "/_sandbox/automations/deliveries"));
}

Poco::JSON::Object::Ptr WorkerCluster::wixStats() {
    return parseObject(control("GET", "/_sandbox/stats"));
}

ProcessResult WorkerCluster::host(const std::vector<std::string>& args) {
    std::vector<std::string> full = {"--db", _db, "--plugins", ESTORE_PLUGIN_DIR, "--config", _config};
    full.insert(full.end(), args.begin(), args.end());
    return runProcess(ESTORE_HOST_EXE, full, _dir.path().string());
}

std::vector<EnrolledStore> WorkerCluster::enrollStores(
    const std::vector<SiteAccount>& sites, const std::vector<std::string>& sets,
    const std::function<std::vector<std::string>(std::size_t)>& perStore, int threads) {
    std::vector<EnrolledStore> stores(sites.size());
    std::atomic<std::size_t> next{0};
    std::mutex failureMutex;
    std::string failure;
    auto enrolSome = [&] {
        // What HostApplication does for `add-store` and `webhook --generate`: the config file, the
        // options, one context (database connection, services, plugin registry) for every call.
        host::HostConfig config(Poco::AutoPtr<Poco::Util::AbstractConfiguration>(
            new Poco::Util::PropertyFileConfiguration(_config)));
        host::CliOptions options;
        options.db = _db;
        options.pluginsDir = ESTORE_PLUGIN_DIR;
        options.json = true;
        std::ostringstream out, err;
        host::CommandContext ctx(options, {}, config, std::filesystem::path(ESTORE_HOST_EXE).parent_path(),
                                 out, err);
        for (std::size_t i = next++; i < sites.size(); i = next++) {
            {
                std::lock_guard lock(failureMutex);
                if (!failure.empty()) return;
            }
            out.str("");
            err.str("");
            std::vector<std::string> assignments = {"api_key=" + sites[i].apiKey,
                                                    "site_id=" + sites[i].siteId, "warehouse=GLAVNO",
                                                    "cost_center=SPLET"};
            assignments.insert(assignments.end(), sets.begin(), sets.end());
            if (perStore) {
                const auto own = perStore(i);
                assignments.insert(assignments.end(), own.begin(), own.end());
            }
            const int rc = host::AddStoreCommand::addStore(ctx, "wix", assignments);
            if (rc != host::kExitOk) {
                std::lock_guard lock(failureMutex);
                failure = "add-store for site " + sites[i].siteId + " exited " + std::to_string(rc) + ":\n" +
                          out.str() + err.str();
                return;
            }
            EnrolledStore& store = stores[i];
            store.storeId = parseObject(out.str())->getObject("store")->getValue<std::string>("id");
            store.siteId = sites[i].siteId;
            store.webhookPath = Poco::URI(host::WebhookCommand::generate(ctx, store.storeId)).getPath();
            store.worker = static_cast<int>(i % _workers.size());
        }
    };
    auto enrol = [&] {
        try {
            enrolSome();
        } catch (const std::exception& e) {
            std::lock_guard lock(failureMutex);
            failure = std::string("enrolling stores failed: ") + e.what();
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < std::max(threads, 1); ++t) pool.emplace_back(enrol);
    for (auto& thread : pool) thread.join();
    if (!failure.empty()) throw std::runtime_error(failure);
    return stores;
}

void WorkerCluster::startWorker(int index, unsigned short port) {
    Worker& worker = _workers.at(static_cast<std::size_t>(index));
    if (worker.process && worker.process->running())
        throw std::logic_error(workerName(index) + " is running already");
    if (port == 0) port = worker.port;
    ++worker.starts;
    const std::string portFile = _dir.file(workerName(index) + ".port");
    std::filesystem::remove(portFile);
    worker.process = std::make_unique<BackgroundProcess>(
        ESTORE_HOST_EXE,
        std::vector<std::string>{"--db", _db, "--plugins", ESTORE_PLUGIN_DIR, "--config", _config, "run",
                                 "--worker", processName(index), "--webhook-port", std::to_string(port),
                                 "--port-file", portFile},
        _dir.path().string(), workerLog(index));
    worker.port = waitForPortFile(portFile, 30000);
    if (worker.port == 0)
        throw std::runtime_error(workerName(index) + " did not start its webhook endpoint:\n" +
                                 readFile(workerLog(index)).substr(0, 3000));
}

void WorkerCluster::startWorkers() {
    for (int i = 0; i < workerCount(); ++i) startWorker(i);
}

std::string WorkerCluster::processName(int index) const {
    const int starts = _workers.at(static_cast<std::size_t>(index)).starts;
    return workerName(index) + (starts > 1 ? "-" + std::to_string(starts) : "");
}

std::string WorkerCluster::workerOf(const std::string& processOrOwner) {
    const std::string process = processOrOwner.substr(0, processOrOwner.find('#'));
    return process.substr(0, process.find('-'));
}

int WorkerCluster::stopWorker(int index, int signal) {
    Worker& worker = _workers.at(static_cast<std::size_t>(index));
    return worker.process ? worker.process->stop(signal) : 0;
}

bool WorkerCluster::workerRunning(int index) const {
    const Worker& worker = _workers.at(static_cast<std::size_t>(index));
    return worker.process && worker.process->running();
}

std::string WorkerCluster::workerLog(int index) const {
    return _dir.file(workerName(index) + ".log");
}

std::string WorkerCluster::webhookUrl(int worker, const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(workerPort(worker)) + path;
}

std::int64_t WorkerCluster::scalar(const std::string& sql) {
    Poco::Int64 value = 0;
    db().session() << db().sql(sql), into(value), now;
    return value;
}

std::optional<JobRunEntry> WorkerCluster::parseJobRun(const std::string& detail) {
    if (detail.rfind("job=", 0) != 0) return std::nullopt;
    const auto started = numberField(detail, "started_ms");
    const auto finished = numberField(detail, "finished_ms");
    const std::string workerKey = "; worker=";
    const auto at = detail.rfind(workerKey);
    if (!started || !finished || at == std::string::npos) return std::nullopt;
    JobRunEntry run;
    run.job =
        detail.substr(4, detail.find(';') == std::string::npos ? std::string::npos : detail.find(';') - 4);
    const auto ownerBegin = at + workerKey.size();
    run.owner = detail.substr(ownerBegin, detail.find(';', ownerBegin) - ownerBegin);
    run.process = run.owner.substr(0, run.owner.find('#'));
    run.worker = workerOf(run.owner);
    run.startedMs = *started;
    run.finishedMs = *finished;
    return run;
}

std::vector<JobRunEntry> WorkerCluster::jobRuns() {
    std::vector<Poco::Tuple<Poco::Int64, std::string, std::string, std::string>> rows;
    db().session() << db().sql(
        "SELECT id, store_id, code, detail FROM activity WHERE detail LIKE 'job=%' AND detail LIKE "
        "'%; worker=%' ORDER BY id"),
        into(rows), now;
    std::vector<JobRunEntry> runs;
    for (const auto& row : rows) {
        auto run = parseJobRun(row.get<3>());
        if (!run) continue;
        run->id = row.get<0>();
        run->storeId = row.get<1>();
        run->code = row.get<2>();
        runs.push_back(std::move(*run));
    }
    return runs;
}

bool WorkerCluster::waitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout,
                              std::chrono::milliseconds poll) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= deadline) return done();
        std::this_thread::sleep_for(poll);
    }
    return true;
}

std::int64_t WorkerCluster::nowMs() {
    return host::Database::nowMillis();
}

}  // namespace estore::test

#pragma once
// A cluster of `estore-host run` workers sharing one database (PostgreSQL in the scale tests), with one
// wix-sandbox: sites and keys made through the sandbox's control API, stores enrolled in-process through
// add-store's own code path, each worker with its own webhook port, workers started, stopped, killed
// (SIGKILL) and restarted, the job runs read back from the activity log and the Wix requests (per site
// in flight at once, too) from the sandbox's stats. Used by tests/scale; a benchmark can drive the same
// cluster.
#include <Poco/JSON/Object.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "background_process.h"
#include "estore/host/demo/sandbox_process.h"
#include "host_process.h"
#include "test_support.h"

namespace estore::host {
class Database;
}

namespace estore::test {

struct ClusterOptions {
    int workers = 3;
    /// After "--port 0 --port-file …".
    std::vector<std::string> sandboxArgs = {"--seed", "7", "--rate-limit", "0"};
    /// Extra lines of the workers' host.properties (host.lease_seconds = 5, …).
    std::vector<std::string> config;
};

/// A Wix site of its own account, and a key for it.
struct SiteAccount {
    std::string siteId;
    std::string apiKey;
};

/// A store the cluster enrolled: its site, the path of its webhook URL and the worker its Wix
/// automations post to.
struct EnrolledStore {
    std::string storeId;
    std::string siteId;
    std::string webhookPath;
    int worker = 0;
};

struct PlacedOrder {
    std::string siteId;
    std::string id;
    std::string number;
    bool paid = false;  ///< paid at checkout (a card) or by payOrder() since
};

/// One finished job run as the activity log has it: detail "job=…; …; worker=OWNER; started_ms=N;
/// finished_ms=N" on `job.completed` or the failure's code.
struct JobRunEntry {
    std::string storeId;
    std::string job;
    std::string code;
    std::string owner;    ///< the lease owner, "w2#17"
    std::string process;  ///< the worker process's name, "w2" (or "w2-2" after a restart)
    std::string worker;   ///< the worker's name, "w2"
    std::int64_t startedMs = 0;
    std::int64_t finishedMs = 0;
    std::int64_t id = 0;  ///< activity row id
};

class WorkerCluster {
public:
    explicit WorkerCluster(ClusterOptions options = {});
    /// Stops the workers (SIGTERM) and the sandbox.
    ~WorkerCluster();

    WorkerCluster(const WorkerCluster&) = delete;
    WorkerCluster& operator=(const WorkerCluster&) = delete;

    /// Starts the sandbox, writes the config, creates and migrates the database.
    void start();

    const TempDir& dir() const { return _dir; }
    const std::string& databaseUrl() const { return _db; }
    const std::string& configFile() const { return _config; }
    host::SandboxProcess& sandbox() { return *_sandbox; }
    /// The test's own connection (one thread only).
    host::Database& db();

    // --- Sandbox (control API) ---------------------------------------------------------------------
    /// n sites, each of a new account with its own key; siteJson: the site's fields (POST /_sandbox/sites).
    std::vector<SiteAccount> createSites(std::size_t n, const std::string& siteJson = R"({"orders":0})");
    PlacedOrder placeOrder(const std::string& siteId);
    void payOrder(PlacedOrder& order);
    /// "Send via webhook" for placed and paid orders of the site to url; extraJson: more fields
    /// (",\"retry\":true", …), appended inside the object.
    void addAutomation(const std::string& siteId, const std::string& url, const std::string& extraJson = "");
    /// GET /_sandbox/automations/deliveries.
    Poco::JSON::Object::Ptr deliveries();
    /// GET /_sandbox/stats: the Wix requests since the last DELETE /_sandbox/stats, per route, status and
    /// site ("sites": {"<siteId>": {"requests", "maxInFlight", "overlapping"}}).
    Poco::JSON::Object::Ptr wixStats();
    /// Any control call (DELETE /_sandbox/faults, …); returns the body, throws on a non-2xx answer.
    std::string control(const std::string& method, const std::string& path, const std::string& body = "");

    // --- Host ----------------------------------------------------------------------------------------
    /// estore-host --db … --plugins … --config … ARGS, as a process.
    ProcessResult host(const std::vector<std::string>& args);
    /// Enrols one store per site as `estore-host add-store --platform wix --set api_key=… --set
    /// site_id=… --set warehouse=GLAVNO --set cost_center=SPLET [sets…]` does (the same code path,
    /// AddStoreCommand::addStore, in this process, on `threads` connections), and issues each store's
    /// webhook URL as `webhook STORE --generate` does. Store i's automations go to worker i % workers;
    /// perStore(i) adds assignments of its own.
    std::vector<EnrolledStore> enrollStores(
        const std::vector<SiteAccount>& sites, const std::vector<std::string>& sets,
        const std::function<std::vector<std::string>(std::size_t)>& perStore = {}, int threads = 2);

    // --- Workers -------------------------------------------------------------------------------------
    int workerCount() const { return static_cast<int>(_workers.size()); }
    /// The worker's name: "w1", "w2", …
    static std::string workerName(int index) { return "w" + std::to_string(index + 1); }
    /// The name its current (or last) process runs under, which is what lease owners start with: "w2"
    /// the first time, "w2-2" after a restart, so the leases of a killed process and its successor never
    /// share an owner name.
    std::string processName(int index) const;
    /// workerName of a process name or lease owner ("w2-2#17" → "w2").
    static std::string workerOf(const std::string& processOrOwner);
    /// `estore-host run --worker NAME --webhook-port PORT --port-file …`; port 0 = the one it had before,
    /// or any on the first start. Waits until the endpoint listens.
    void startWorker(int index, unsigned short port = 0);
    void startWorkers();
    /// Sends the signal and reaps the process; returns its wait status.
    int stopWorker(int index, int signal);
    bool workerRunning(int index) const;
    unsigned short workerPort(int index) const { return _workers.at(index).port; }
    std::string workerLog(int index) const;
    /// http://127.0.0.1:<worker's port><path>
    std::string webhookUrl(int worker, const std::string& path) const;

    // --- Reading the shared database ---------------------------------------------------------------
    std::int64_t scalar(const std::string& sql);
    /// Every job run recorded with the worker and its times, oldest first.
    std::vector<JobRunEntry> jobRuns();
    /// Parses one activity detail; nullopt when it carries no worker and times.
    static std::optional<JobRunEntry> parseJobRun(const std::string& detail);

    /// Polls until done() or the timeout; returns done()'s last answer.
    static bool waitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout,
                          std::chrono::milliseconds poll = std::chrono::milliseconds(100));
    static std::int64_t nowMs();

private:
    struct Worker {
        std::unique_ptr<BackgroundProcess> process;
        unsigned short port = 0;
        int starts = 0;
    };

    void writeConfig(const std::string& wixBaseUrl);

    ClusterOptions _options;
    TempDir _dir;
    std::string _db;
    std::string _config;
    std::unique_ptr<host::SandboxProcess> _sandbox;
    std::unique_ptr<host::Database> _database;
    std::vector<Worker> _workers;
};

}  // namespace estore::test

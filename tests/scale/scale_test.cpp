// Several `estore-host run` workers sharing the work on one PostgreSQL database (issue 7), as processes:
// wix-sandbox with one site per store, three workers each with its own webhook endpoint, orders placed and
// paid in Wix while they run, Wix Automations posting to all three.
//
//  1. 500 stores: every recurring job runs once per period, no store's jobs ever overlap (the activity
//     log's worker and times, and the Wix side: no two requests of one site in flight at once), every
//     order is stored once, every paid order has one invoice, numbered without gaps, every worker works.
//  2. One worker killed (SIGKILL) while it runs a job: another worker finishes its jobs within the lease,
//     nothing is lost or done twice; the worker restarts and gets the webhooks Wix kept retrying.
//  3. Jobs that outlive the lease they were claimed with (slow Wix answers) keep it while they run: no
//     other worker starts the store's job beside them.
// The Wix side is watched by the sandbox's own request stats (GET /_sandbox/stats): per site, the requests,
// the most in flight at once and how many began while another of the site was in flight.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "estore/host/storage/database.h"
#include "worker_cluster.h"

using namespace std::chrono_literals;
using namespace Poco::Data::Keywords;
using estore::test::EnrolledStore;
using estore::test::JobRunEntry;
using estore::test::PlacedOrder;
using estore::test::WorkerCluster;

namespace {

/// host.job_interval.orders.import: short enough for several periods in a minute, long enough that three
/// workers on a shared 2-core machine clear 500 stores' imports well within it.
constexpr std::int64_t kImportIntervalSeconds = 20;
/// host.job_interval.stock.push, for the stores that sync stock.
constexpr std::int64_t kStockIntervalSeconds = 30;
constexpr std::int64_t kLeaseSeconds = 5;

// Tolerances of the schedule checks (all times from one clock: the host's epoch milliseconds).
// - A run must not start before it was due: the host plans the next run at the finished run's
//   finished_ms + interval, so an earlier start means the period ran twice. 250 ms covers the host taking
//   the two times a moment apart.
constexpr std::int64_t kEarlySlackMs = 250;
// - Nor later than half its interval after it fell due: a due job waits for a free worker (at most one
//   job per worker at a time) and for its store's other jobs (webhook fetches, the other recurring job);
//   more than that means the workers do not keep up and a period is effectively missed. (Observed on a
//   shared 2-core machine: 500 stores, a median of 0.15-1 s and at worst 0.6-6.3 s; with one worker
//   killed and every Wix call 150 ms late, at worst 2.3-4.9 s.)

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string tail(const std::string& text, std::size_t n = 3000) {
    return text.size() > n ? "…" + text.substr(text.size() - n) : text;
}

/// Places orders on random stores at a steady pace and now and then pays one of the unpaid ones, on its
/// own thread, until stopped. Most orders come paid already (cards); some stay unpaid.
class OrderDriver {
public:
    OrderDriver(WorkerCluster& cluster, std::vector<std::string> siteIds, std::chrono::milliseconds pace)
        : _cluster(cluster), _sites(std::move(siteIds)), _pace(pace) {}
    ~OrderDriver() { stop(); }

    void start() {
        _thread = std::thread([this] { loop(); });
    }
    void stop() {
        _stop = true;
        if (_thread.joinable()) _thread.join();
    }
    std::vector<PlacedOrder> orders() {
        std::lock_guard lock(_mutex);
        return _orders;
    }
    std::string error() {
        std::lock_guard lock(_mutex);
        return _error;
    }
    std::size_t paidLater() const { return _paidLater; }

private:
    void loop() {
        std::mt19937 random(20250707);
        std::vector<std::size_t> unpaid;
        try {
            while (!_stop) {
                const std::string& site = _sites[random() % _sites.size()];
                PlacedOrder order = _cluster.placeOrder(site);
                {
                    std::lock_guard lock(_mutex);
                    if (!order.paid) unpaid.push_back(_orders.size());
                    _orders.push_back(order);
                }
                // After one placement in four, one of the orders still unpaid is paid.
                if (!unpaid.empty() && random() % 4 == 0) {
                    const std::size_t pick = random() % unpaid.size();
                    std::lock_guard lock(_mutex);
                    PlacedOrder& chosen = _orders[unpaid[pick]];
                    _cluster.payOrder(chosen);
                    ++_paidLater;
                    unpaid.erase(unpaid.begin() + static_cast<std::ptrdiff_t>(pick));
                }
                std::this_thread::sleep_for(_pace);
            }
        } catch (const std::exception& e) {
            std::lock_guard lock(_mutex);
            _error = e.what();
        }
    }

    WorkerCluster& _cluster;
    std::vector<std::string> _sites;
    std::chrono::milliseconds _pace;
    std::atomic<bool> _stop{false};
    std::thread _thread;
    std::mutex _mutex;
    std::vector<PlacedOrder> _orders;
    std::string _error;
    std::atomic<std::size_t> _paidLater{0};
};

class ScaleTest : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        ESTORE_POSTGRES_ONLY("several host processes share one database server");
    }

    void TearDown() override {
        if (_driver) _driver->stop();
        if (HasFailure() && _cluster) {
            for (int i = 0; i < _cluster->workerCount(); ++i)
                std::cout << "--- " << WorkerCluster::workerName(i) << " log (tail) ---\n"
                          << tail(readFile(_cluster->workerLog(i))) << "\n";
        }
    }

    /// The cluster, `stores` sites and stores with auto-invoicing of paid orders (fiscal methods
    /// included: the test certificate), and each store's automations aimed at its worker. Every
    /// `stockEvery`-th store also syncs stock (a second recurring job) from warehouse GLAVNO, which holds
    /// three of the five SKUs each site's catalog has.
    void setUpCluster(std::size_t stores, std::size_t stockEvery = 0) {
        estore::test::ClusterOptions options;
        options.config = {
            "wix.requests_per_minute = 0",
            "wix.timeout_ms = 15000",
            "wix.retry_attempts = 3",
            "wix.retry_base_ms = 50",
            "host.lease_seconds = " + std::to_string(kLeaseSeconds),
            "host.poll_millis = 200",
            "host.job_interval.orders.import = " + std::to_string(kImportIntervalSeconds),
            "host.job_interval.stock.push = " + std::to_string(kStockIntervalSeconds),
            std::string("fiscal.certificate = ") + ESTORE_TEST_DATA + "/fiscal/test_cert.pem",
            std::string("fiscal.private_key = ") + ESTORE_TEST_DATA + "/fiscal/test_key.pem",
            "company.name = Testno podjetje d.o.o.",
            "company.address = Slovenska cesta 1, 1000 Ljubljana",
            "company.tax_number = 10039856",
            "fiscal.furs_url = https://127.0.0.1:1",  // never the real FURS; EORs are not what this measures
        };
        _cluster = std::make_unique<WorkerCluster>(options);
        _cluster->start();

        auto phase = std::chrono::steady_clock::now();
        const auto sites = _cluster->createSites(stores, R"({"orders":0,"catalogVersion":"V3"})");
        // Five SKUs for the sites of the stores that sync stock (only those: not in createSites' site JSON).
        for (std::size_t i = 0; stockEvery > 0 && i < sites.size(); i += stockEvery)
            _cluster->control("POST", "/_sandbox/catalog",
                              R"({"siteId":")" + sites[i].siteId + R"(","skus":5,"clean":true})");
        const auto sitesMs = elapsedMs(phase);
        for (const char* sku : {"SKU-000001", "SKU-000002", "SKU-000003"}) {
            const auto set = _cluster->host({"stock", "set", "GLAVNO", sku, "7"});
            ASSERT_EQ(set.exitCode, 0) << set.describe();
        }
        phase = std::chrono::steady_clock::now();
        _stores = _cluster->enrollStores(
            sites, {"auto_invoice=paid", "business_premise=SPLET1", "electronic_device=1"},
            [&](std::size_t i) {
                return stockEvery > 0 && i % stockEvery == 0 ? std::vector<std::string>{"sync_stock=true"}
                                                             : std::vector<std::string>{};
            });
        for (std::size_t i = 0; stockEvery > 0 && i < _stores.size(); i += stockEvery)
            _stockStores.insert(_stores[i].storeId);
        std::cout << "[ scale    ] " << stores << " sites in " << sitesMs << " ms, " << stores
                  << " stores enrolled in " << elapsedMs(phase) << " ms (" << _stockStores.size()
                  << " of them syncing stock)\n";
        for (const auto& store : _stores) _storeOfSite[store.siteId] = store.storeId;
        ASSERT_EQ(_storeOfSite.size(), stores);
    }

    /// Starts the workers, then aims every store's Wix automations (placed, paid) at its worker; Wix
    /// retries a failed POST (a worker that is down) with back-off.
    void startWorkersAndAutomations() {
        _cluster->control("DELETE", "/_sandbox/stats");  // enrolment's validation is no worker's
        _workersStartedMs = WorkerCluster::nowMs();
        _cluster->startWorkers();
        for (const auto& store : _stores)
            _cluster->addAutomation(
                store.siteId, _cluster->webhookUrl(store.worker, store.webhookPath),
                R"(,"shape":"rotate","retry":true,"maxAttempts":14,"retryBackoffMs":200)");
    }

    void startDriver(std::chrono::milliseconds pace) {
        std::vector<std::string> sites;
        for (const auto& store : _stores) sites.push_back(store.siteId);
        _driver = std::make_unique<OrderDriver>(*_cluster, sites, pace);
        _driver->start();
    }

    /// Stops placing orders, waits until Wix has delivered every webhook, the inbox is empty, no fetch
    /// is queued and every order Wix holds is in the host in its latest payment state.
    void stopDriverAndDrain() {
        _driver->stop();
        ASSERT_EQ(_driver->error(), "");
        _orders = _driver->orders();
        ASSERT_TRUE(WorkerCluster::waitUntil(
            [&] { return _cluster->deliveries()->getValue<int>("pending") == 0; }, 120s))
            << "Wix still has webhooks to deliver";
        ASSERT_TRUE(WorkerCluster::waitUntil(
            [&] {
                return _cluster->scalar("SELECT COUNT(*) FROM webhook_inbox WHERE status = 'pending'") == 0 &&
                       _cluster->scalar("SELECT COUNT(*) FROM jobs WHERE job = 'orders.fetch'") == 0 &&
                       storedInLatestState() == _orders.size();
            },
            std::chrono::seconds(kImportIntervalSeconds * 3)))
            << "stored in the latest state: " << storedInLatestState() << " of " << _orders.size();
        _endMs = WorkerCluster::nowMs();
        // A stop request lets each worker finish what it runs and exit cleanly.
        for (int i = 0; i < _cluster->workerCount(); ++i) {
            const int status = _cluster->stopWorker(i, SIGTERM);
            EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
                << WorkerCluster::workerName(i) << " stopped with wait status " << status;
        }
    }

    /// Orders of the run stored with the payment state Wix has (PAID for the paid ones).
    std::size_t storedInLatestState() {
        std::vector<Poco::Tuple<std::string, std::string>> rows;
        _cluster->db().session() << "SELECT external_id, payment_status FROM sales_orders", into(rows), now;
        std::map<std::string, std::string> status;
        for (const auto& row : rows) status[row.get<0>()] = row.get<1>();
        std::size_t done = 0;
        for (const auto& order : _orders) {
            auto found = status.find(order.id);
            if (found != status.end() && (!order.paid || found->second == "PAID")) ++done;
        }
        return done;
    }

    /// Every order once, in the store of its site; every paid order with exactly one invoice (none for the
    /// others); invoice numbers of the one premise and device 1…N without a gap.
    void expectOrdersAndInvoices() {
        std::vector<Poco::Tuple<std::string, std::string, std::string, Poco::Int64>> rows;
        _cluster->db().session() << "SELECT store_id, external_id, payment_status, flagged FROM sales_orders",
            into(rows), now;
        std::map<std::string, std::pair<std::string, int>> stored;  // id → store, copies
        std::map<std::string, bool> flagged;
        for (const auto& row : rows) {
            auto& entry = stored[row.get<1>()];
            entry.first = row.get<0>();
            ++entry.second;
            flagged[row.get<1>()] = row.get<3>() != 0;
        }
        EXPECT_EQ(rows.size(), _orders.size()) << "documents in the host vs orders placed in Wix";
        std::size_t missing = 0, doubled = 0, misplaced = 0;
        for (const auto& order : _orders) {
            auto found = stored.find(order.id);
            if (found == stored.end()) {
                if (++missing <= 5) ADD_FAILURE() << "order " << order.number << " (" << order.id << ") lost";
                continue;
            }
            if (found->second.second != 1 && ++doubled <= 5)
                ADD_FAILURE() << "order " << order.id << " stored " << found->second.second << " times";
            if (found->second.first != _storeOfSite.at(order.siteId) && ++misplaced <= 5)
                ADD_FAILURE() << "order " << order.id << " stored under another store";
        }
        EXPECT_EQ(missing, 0u);
        EXPECT_EQ(doubled, 0u);
        EXPECT_EQ(misplaced, 0u);

        std::vector<Poco::Tuple<std::string, std::string, std::string, std::string, Poco::Int64>> invoices;
        _cluster->db().session() << "SELECT order_external_id, kind, premise, device, sequence FROM invoices",
            into(invoices), now;
        std::map<std::string, int> invoicesOf;
        // Cash invoices on device 1, non-cash ones on 1N: each a sequence of its own (FURS's 2019 rule).
        std::map<std::string, std::vector<std::int64_t>> sequencesOf;
        for (const auto& invoice : invoices) {
            if (invoice.get<1>() == "invoice") ++invoicesOf[invoice.get<0>()];
            EXPECT_EQ(invoice.get<2>(), "SPLET1");
            EXPECT_TRUE(invoice.get<3>() == "1" || invoice.get<3>() == "1N") << invoice.get<3>();
            sequencesOf[invoice.get<3>()].push_back(invoice.get<4>());
        }
        std::size_t paid = 0, held = 0, wrong = 0;
        for (const auto& order : _orders) {
            const int count = invoicesOf.count(order.id) ? invoicesOf.at(order.id) : 0;
            // An order the mapping flagged for review is never invoiced on a guess (README, issue 6).
            const bool reviewed = flagged.count(order.id) && flagged.at(order.id);
            if (order.paid) ++paid;
            if (order.paid && reviewed) ++held;
            const int expected = order.paid && !reviewed ? 1 : 0;
            if (count != expected && ++wrong <= 5)
                ADD_FAILURE() << "order " << order.number << " (" << order.id
                              << (order.paid ? ", paid" : ", unpaid") << (reviewed ? ", held for review" : "")
                              << ") has " << count << " invoices";
        }
        EXPECT_EQ(wrong, 0u);
        for (auto& [device, sequences] : sequencesOf) {
            std::sort(sequences.begin(), sequences.end());
            for (std::size_t i = 0; i < sequences.size(); ++i)
                if (sequences[i] != static_cast<std::int64_t>(i) + 1) {
                    ADD_FAILURE() << "invoice numbers SPLET1-" << device << "-… are not 1…"
                                  << sequences.size() << " without gaps: position " << i + 1 << " holds "
                                  << sequences[i];
                    break;
                }
        }
        // The generator taxes shipping at the destination's standard rate, as Wix shops do; an order whose
        // goods carry a reduced rate is then held for review (shipping follows its goods, ZDDV-1 Art. 36;
        // DOMAIN.md), a third of them or so. At least half must still be invoiced, or invoicing is not tested.
        EXPECT_LE(held, paid / 2) << "most paid orders must be invoiced, not held";
        _figures << "\n[ scale    ] orders " << _orders.size() << " (paid " << paid
                 << ", of them paid after placing " << _driver->paidLater() << ", held for review " << held
                 << "), invoices " << invoices.size();
    }

    /// Per store: no two job runs overlap. Per store and recurring job: no run starts before it was due
    /// (the previous run's end + interval, less kEarlySlackMs) nor later than half an interval after, the
    /// first from the workers' start and the last up to the end of the run included.
    /// `firstDueWithinMs`: how long the backlog of the first round may take (every store's first runs are
    /// due when the workers start).
    void expectScheduleKept(const std::vector<JobRunEntry>& runs, std::int64_t firstDueWithinMs) {
        std::map<std::string, std::vector<JobRunEntry>> byStore;
        for (const auto& run : runs) byStore[run.storeId].push_back(run);
        std::size_t overlaps = 0, early = 0, late = 0;
        std::vector<std::int64_t> lateness;  // start after due, every run but a store's first of a job
        std::int64_t firstRoundMs = 0;
        std::map<std::string, std::size_t> periods, runsOf;  // job → stores with it, runs of it
        for (const auto& store : _stores) {
            auto& list = byStore[store.storeId];
            std::sort(list.begin(), list.end(),
                      [](const JobRunEntry& a, const JobRunEntry& b) { return a.startedMs < b.startedMs; });
            for (std::size_t i = 0; i + 1 < list.size(); ++i) {
                EXPECT_LE(list[i].startedMs, list[i].finishedMs);
                if (list[i + 1].startedMs < list[i].finishedMs && ++overlaps <= 5)
                    ADD_FAILURE() << "store " << store.storeId << ": " << list[i].job << " by "
                                  << list[i].owner << " [" << list[i].startedMs << ", " << list[i].finishedMs
                                  << "] overlaps " << list[i + 1].job << " by " << list[i + 1].owner << " ["
                                  << list[i + 1].startedMs << ", " << list[i + 1].finishedMs << "]";
            }
            for (const auto& [job, intervalSeconds] : recurringJobs(store.storeId)) {
                const std::int64_t intervalMs = intervalSeconds * 1000;
                const std::int64_t toleranceMs = intervalMs / 2;
                std::vector<JobRunEntry> own;
                for (const auto& run : list)
                    if (run.job == job) own.push_back(run);
                if (own.empty()) {
                    ADD_FAILURE() << "store " << store.storeId << ": " << job << " never ran";
                    continue;
                }
                // Every store's first run is due when the workers start; the backlog may take
                // firstDueWithinMs.
                std::int64_t due = _workersStartedMs + firstDueWithinMs - toleranceMs;
                for (std::size_t i = 0; i < own.size(); ++i) {
                    if (i > 0) {
                        due = own[i - 1].finishedMs + intervalMs;
                        if (own[i].startedMs < due - kEarlySlackMs && ++early <= 5)
                            ADD_FAILURE() << "store " << store.storeId << ": " << job << " by "
                                          << own[i].owner << " started " << due - own[i].startedMs
                                          << " ms before it was due: the period ran twice";
                    }
                    const std::int64_t lateMs = own[i].startedMs - due;
                    if (i > 0) lateness.push_back(lateMs);
                    if (i == 0) firstRoundMs = std::max(firstRoundMs, own[i].finishedMs - _workersStartedMs);
                    if (lateMs > toleranceMs && ++late <= 5)
                        ADD_FAILURE() << "store " << store.storeId << ": " << job << " by " << own[i].owner
                                      << " started " << lateMs << " ms after it was due";
                }
                const std::int64_t lastDue = own.back().finishedMs + intervalMs;
                if (_endMs - lastDue > toleranceMs && ++late <= 5)
                    ADD_FAILURE() << "store " << store.storeId << ": " << job << " due at " << lastDue
                                  << " had not run at the end (" << _endMs << "): a period was missed";
                ++periods[job];
                runsOf[job] += own.size();
            }
        }
        EXPECT_EQ(overlaps, 0u);
        EXPECT_EQ(early, 0u);
        EXPECT_EQ(late, 0u);
        std::sort(lateness.begin(), lateness.end());
        const auto percentile = [&](double p) {
            return lateness.empty()
                       ? 0
                       : lateness[static_cast<std::size_t>(p * static_cast<double>(lateness.size() - 1))];
        };
        _figures << "\n[ scale    ] recurring runs:";
        for (const auto& [job, stores] : periods)
            _figures << " " << job << " " << runsOf[job] << " over " << stores << " stores;";
        _figures << " first round done " << firstRoundMs
                 << " ms after the workers started; later runs started after due: median " << percentile(0.5)
                 << " ms, 95th percentile " << percentile(0.95) << " ms, worst " << percentile(1.0) << " ms";
    }

    /// Every store that syncs stock has pushed the warehouse's quantity to its site (7 of each SKU GLAVNO
    /// holds).
    void expectStockPushed() {
        std::size_t pushed = 0;
        for (const auto& store : _stores) {
            if (!_stockStores.count(store.storeId)) continue;
            const std::string answer = _cluster->control(
                "GET", "/_sandbox/catalog/stock?siteId=" + store.siteId + "&sku=SKU-000002");
            auto stock =
                Poco::JSON::Parser().parse(answer).extract<Poco::JSON::Object::Ptr>()->getArray("stock");
            ASSERT_TRUE(stock && stock->size() == 1) << answer;
            const int quantity = stock->getObject(0)->optValue<int>("quantity", -1);
            EXPECT_EQ(quantity, 7) << "store " << store.storeId << " did not push its stock";
            pushed += quantity == 7;
        }
        _figures << "\n[ scale    ] stock pushed to " << pushed << " sites";
    }

    /// The store's recurring jobs and their intervals (host.job_interval.*).
    std::map<std::string, std::int64_t> recurringJobs(const std::string& storeId) const {
        std::map<std::string, std::int64_t> jobs = {{"orders.import", kImportIntervalSeconds}};
        if (_stockStores.count(storeId)) jobs["stock.push"] = kStockIntervalSeconds;
        return jobs;
    }

    /// Every worker ran jobs and received webhooks; Wix delivered every webhook with a 200 in the end and
    /// the inbox processed each one.
    void expectEveryWorkerWorked(const std::vector<JobRunEntry>& runs) {
        std::map<std::string, std::map<std::string, int>> jobsByWorker;
        for (const auto& run : runs) ++jobsByWorker[run.worker][run.job];
        std::map<std::string, std::int64_t> webhooksByWorker;
        std::vector<Poco::Tuple<std::string, Poco::Int64>> perStore;
        _cluster->db().session()
            << "SELECT store_id, COUNT(*) FROM webhook_inbox WHERE status = 'processed' GROUP BY store_id",
            into(perStore), now;
        std::map<std::string, int> workerOfStore;
        for (const auto& store : _stores) workerOfStore[store.storeId] = store.worker;
        for (const auto& row : perStore)
            webhooksByWorker[WorkerCluster::workerName(workerOfStore.at(row.get<0>()))] += row.get<1>();
        for (int i = 0; i < _cluster->workerCount(); ++i) {
            const std::string name = WorkerCluster::workerName(i);
            EXPECT_GT(jobsByWorker[name]["orders.import"], 0) << name << " ran no import";
            EXPECT_GT(webhooksByWorker[name], 0) << name << " received no webhook";
            _figures << "\n[ scale    ]   " << name << ": imports " << jobsByWorker[name]["orders.import"]
                     << ", fetches " << jobsByWorker[name]["orders.fetch"] << ", stock pushes "
                     << jobsByWorker[name]["stock.push"] << ", webhooks received " << webhooksByWorker[name];
        }
        auto deliveries = _cluster->deliveries();
        const std::int64_t processed =
            _cluster->scalar("SELECT COUNT(*) FROM webhook_inbox WHERE status = 'processed'");
        EXPECT_EQ(deliveries->getValue<int>("abandoned"), 0);
        EXPECT_EQ(deliveries->getValue<int>("dropped"), 0);
        EXPECT_EQ(deliveries->getValue<int>("succeeded"), processed);
        EXPECT_EQ(_cluster->scalar("SELECT COUNT(*) FROM webhook_inbox WHERE status <> 'processed'"), 0);
        _figures << "\n[ scale    ] webhooks: deliveries " << deliveries->getValue<int>("deliveries")
                 << ", POSTs " << deliveries->getValue<int>("sent") << ", failed POSTs "
                 << deliveries->getValue<int>("failed") << ", processed " << processed;
    }

    /// From the Wix side: never two requests of one site in flight at the same time.
    void expectNoConcurrentRequestsPerSite() {
        const auto stats = _cluster->wixStats();
        const auto sites = stats->getObject("sites");
        ASSERT_TRUE(sites) << "GET /_sandbox/stats has no \"sites\"";
        std::uint64_t overlapping = 0, requests = 0;
        int maxInFlight = 0;
        std::string samples;
        for (const auto& [site, value] : *sites) {
            const auto counts = value.extract<Poco::JSON::Object::Ptr>();
            const auto siteRequests = counts->getValue<std::uint64_t>("requests");
            const auto siteOverlapping = counts->getValue<std::uint64_t>("overlapping");
            const int siteMaxInFlight = counts->getValue<int>("maxInFlight");
            requests += siteRequests;
            overlapping += siteOverlapping;
            maxInFlight = std::max(maxInFlight, siteMaxInFlight);
            if ((siteOverlapping > 0 || siteMaxInFlight > 1) && samples.size() < 2000)
                samples += "\n  site " + site + " (store " +
                           (_storeOfSite.count(site) ? _storeOfSite.at(site) : std::string("?")) +
                           "): " + std::to_string(siteRequests) + " requests, " +
                           std::to_string(siteOverlapping) + " overlapping, at most " +
                           std::to_string(siteMaxInFlight) + " in flight";
        }
        EXPECT_EQ(overlapping, 0u) << "requests of one site in flight together:" << samples;
        EXPECT_EQ(maxInFlight, 1);
        // Every request named its site, and every store's site was called (its jobs ran): the counts
        // above cover the whole run, not just a part of it.
        const auto total = stats->getValue<std::uint64_t>("total");
        EXPECT_EQ(requests, total) << "Wix requests without a wix-site-id header";
        std::size_t silent = 0;
        for (const auto& store : _stores) {
            const auto counts = sites->getObject(store.siteId);
            if ((!counts || counts->getValue<std::uint64_t>("requests") == 0) && ++silent <= 5)
                ADD_FAILURE() << "store " << store.storeId << ": no Wix request of site " << store.siteId;
        }
        EXPECT_EQ(silent, 0u);
        _figures << "\n[ scale    ] Wix requests " << total << " (" << sites->size()
                 << " sites), most in flight for one site " << maxInFlight;
    }

    static std::int64_t elapsedMs(std::chrono::steady_clock::time_point since) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - since)
            .count();
    }

    std::unique_ptr<WorkerCluster> _cluster;
    std::vector<EnrolledStore> _stores;
    std::map<std::string, std::string> _storeOfSite;
    std::set<std::string> _stockStores;  // stores with sync_stock on
    std::unique_ptr<OrderDriver> _driver;
    std::vector<PlacedOrder> _orders;
    std::int64_t _workersStartedMs = 0;
    std::int64_t _endMs = 0;
    std::ostringstream _figures;
};

}  // namespace

TEST_F(ScaleTest, ThreeWorkers500StoresEachJobOncePerPeriodNoOverlapEveryOrderAndInvoiceOnce) {
    constexpr std::size_t kStores = 500;
    ASSERT_NO_FATAL_FAILURE(setUpCluster(kStores, 5));
    ASSERT_NO_FATAL_FAILURE(startWorkersAndAutomations());
    startDriver(250ms);
    // Three import periods and a bit with orders coming in, then the tail drains.
    std::this_thread::sleep_for(std::chrono::seconds(kImportIntervalSeconds * 3 + 5));
    ASSERT_NO_FATAL_FAILURE(stopDriverAndDrain());

    const auto runs = _cluster->jobRuns();
    ASSERT_FALSE(runs.empty()) << "no job run in the activity log carries '; worker=…; started_ms=…; "
                                  "finished_ms=…'";
    std::map<std::string, std::size_t> byJob;
    std::size_t failed = 0;
    for (const auto& run : runs) {
        ++byJob[run.job];
        failed += run.code != "job.completed";
    }
    EXPECT_EQ(failed, 0u) << "job runs that failed";
    // The first round: every store's import (and push) is due at the start; three workers clear it in a
    // few seconds, well inside one interval.
    expectScheduleKept(runs, kImportIntervalSeconds * 1000);
    expectOrdersAndInvoices();
    expectStockPushed();
    expectEveryWorkerWorked(runs);
    expectNoConcurrentRequestsPerSite();
    std::cout << "[ scale    ] " << kStores << " stores, 3 workers, " << (_endMs - _workersStartedMs)
              << " ms: job runs " << runs.size() << " (imports " << byJob["orders.import"] << ", fetches "
              << byJob["orders.fetch"] << ", stock pushes " << byJob["stock.push"] << ", failed " << failed
              << ")" << _figures.str() << "\n";
}

TEST_F(ScaleTest, AWorkerKilledWhileRunningAJobHasItsJobsFinishedByTheOthersWithinTheLease) {
    constexpr std::size_t kStores = 60;
    constexpr int kVictim = 1;
    // How long after its lease expires another worker may take to finish a dead worker's job: a poll
    // (host.poll_millis), the job itself (a few slowed Wix calls), a due job queued before it.
    constexpr std::int64_t kTakeoverSlackMs = 3000;
    ASSERT_NO_FATAL_FAILURE(setUpCluster(kStores, 3));
    // Wix answers every call 150 ms late, so a job takes a while and the kill lands inside one.
    _cluster->control("POST", "/_sandbox/faults", R"({"path":"*","latencyMs":150,"count":-1})");
    ASSERT_NO_FATAL_FAILURE(startWorkersAndAutomations());
    startDriver(300ms);
    std::this_thread::sleep_for(std::chrono::seconds(kImportIntervalSeconds / 2));

    // SIGKILL the victim the moment it holds a job's lease; the rows it still holds once it is dead are
    // the jobs it was running (and the webhooks it had claimed).
    struct Held {
        std::int64_t id = 0;
        std::string storeId, job, owner;
        std::int64_t leaseUntil = 0;
        bool recurring = false;
    };
    std::vector<Held> held;
    std::int64_t killedAt = 0, heldWebhooks = 0;
    std::string killedProcess;
    for (int attempt = 0; attempt < 5 && held.empty(); ++attempt) {
        killedProcess = _cluster->processName(kVictim);
        const std::string owned = "lease_owner LIKE '" + killedProcess + "#%'";
        ASSERT_TRUE(WorkerCluster::waitUntil(
            [&] { return _cluster->scalar("SELECT COUNT(*) FROM jobs WHERE " + owned) > 0; }, 30s, 5ms))
            << killedProcess << " never held a job";
        _cluster->stopWorker(kVictim, SIGKILL);
        killedAt = WorkerCluster::nowMs();
        std::vector<Poco::Tuple<Poco::Int64, std::string, std::string, std::string, Poco::Int64, Poco::Int64>>
            rows;
        _cluster->db().session()
            << "SELECT id, store_id, job, lease_owner, lease_until, interval_seconds FROM jobs WHERE " +
                   owned,
            into(rows), now;
        for (const auto& row : rows)
            held.push_back(
                {row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>(), row.get<4>(), row.get<5>() > 0});
        heldWebhooks =
            _cluster->scalar("SELECT COUNT(*) FROM webhook_inbox WHERE status = 'pending' AND " + owned);
        if (held.empty()) _cluster->startWorker(kVictim);  // it finished just before the signal: again
    }
    ASSERT_FALSE(held.empty()) << "the kill never landed while " << killedProcess << " ran a job";
    // With the lease heartbeat, a running job's lease never reaches further than one lease ahead.
    for (const auto& job : held) EXPECT_LE(job.leaseUntil, killedAt + kLeaseSeconds * 1000) << job.job;

    // Another worker finishes each of them once its lease has run out, and not before: a recurring row
    // shows a run after the kill, a one-off row is gone (done once).
    std::map<std::int64_t, std::int64_t> finishedAt;  // job row → when it was done
    const auto takenOver = [&] {
        for (const auto& job : held) {
            if (finishedAt.count(job.id)) continue;
            std::vector<Poco::Tuple<Poco::Nullable<std::string>, Poco::Nullable<Poco::Int64>>> rows;
            _cluster->db().session() << _cluster->db().sql(
                "SELECT lease_owner, last_run_at FROM jobs WHERE id = ?"),
                bind(Poco::Int64(job.id)), into(rows), now;
            if (rows.empty()) {
                finishedAt[job.id] = WorkerCluster::nowMs();
            } else if (job.recurring && !rows[0].get<1>().isNull() && rows[0].get<1>().value() >= killedAt) {
                finishedAt[job.id] = rows[0].get<1>().value();
            }
        }
        return finishedAt.size() == held.size();
    };
    EXPECT_TRUE(WorkerCluster::waitUntil(
        takenOver, std::chrono::milliseconds(kLeaseSeconds * 1000 + kTakeoverSlackMs + 10000), 50ms))
        << finishedAt.size() << " of " << held.size() << " jobs of the killed worker were done again";
    const auto afterKill = _cluster->jobRuns();
    std::int64_t slowestTakeoverMs = 0;
    for (const auto& job : held) {
        if (!finishedAt.count(job.id)) continue;
        EXPECT_LE(finishedAt.at(job.id), killedAt + kLeaseSeconds * 1000 + kTakeoverSlackMs)
            << job.job << " of " << job.storeId << " was done " << finishedAt.at(job.id) - killedAt
            << " ms after the kill";
        slowestTakeoverMs = std::max(slowestTakeoverMs, finishedAt.at(job.id) - killedAt);
        // The store's first run after the kill: by another worker, once the dead lease had expired.
        const JobRunEntry* first = nullptr;
        for (const auto& run : afterKill)
            if (run.storeId == job.storeId && run.startedMs >= killedAt &&
                (!first || run.startedMs < first->startedMs))
                first = &run;
        ASSERT_NE(first, nullptr) << "no run of " << job.storeId << " after the kill";
        EXPECT_NE(first->process, killedProcess);
        EXPECT_GE(first->startedMs, job.leaseUntil)
            << first->job << " of " << job.storeId << " started by " << first->owner << " while " << job.owner
            << "'s lease held";
        _figures << "\n[ scale    ] killed " << job.owner << " running " << job.job << " of " << job.storeId
                 << "; " << first->owner << " ran " << first->job << " " << first->startedMs - killedAt << "-"
                 << first->finishedMs - killedAt << " ms after the kill, the row was done "
                 << finishedAt.at(job.id) - killedAt << " ms after it";
    }

    // The worker comes back on its port (Wix has kept retrying its webhooks); orders keep coming for
    // another import period.
    ASSERT_NO_FATAL_FAILURE(_cluster->startWorker(kVictim));
    std::this_thread::sleep_for(std::chrono::seconds(kImportIntervalSeconds));
    _cluster->control("DELETE", "/_sandbox/faults");
    ASSERT_NO_FATAL_FAILURE(stopDriverAndDrain());

    const auto runs = _cluster->jobRuns();
    std::size_t failed = 0;
    for (const auto& run : runs) failed += run.code != "job.completed";
    EXPECT_EQ(failed, 0u) << "job runs that failed";
    // The killed run left no entry; its store's next import is one lease late at most.
    expectScheduleKept(runs, kImportIntervalSeconds * 1000);
    expectOrdersAndInvoices();
    expectStockPushed();
    expectEveryWorkerWorked(runs);
    // Webhooks Wix posted to the dead worker failed and were delivered again after its restart.
    EXPECT_GT(_cluster->deliveries()->getValue<int>("failed"), 0);
    expectNoConcurrentRequestsPerSite();
    std::cout << "[ scale    ] " << kStores << " stores, 3 workers, " << killedProcess << " killed holding "
              << held.size() << " job(s) and " << heldWebhooks << " webhook(s); slowest takeover "
              << slowestTakeoverMs << " ms after the kill (lease " << kLeaseSeconds * 1000
              << " ms); job runs " << runs.size() << _figures.str() << "\n";
}

TEST_F(ScaleTest, AJobRunningLongerThanTheLeaseKeepsItAndIsNeverRunTwiceAtOnce) {
    constexpr std::size_t kStores = 30;
    constexpr int kSlowSearches = 3;
    constexpr std::int64_t kSlowMs = 8000;  // > the lease (5 s), < wix.timeout_ms (15 s)
    ASSERT_NO_FATAL_FAILURE(setUpCluster(kStores));
    // The first searches answer only after 8 s: their imports outlive the lease they were claimed with,
    // and keep it only if the worker renews it while they run. Otherwise another worker would claim the
    // "expired" job and run the store's import beside the first (an overlap in the log and at Wix).
    _cluster->control("POST", "/_sandbox/faults",
                      R"({"path":"/ecom/v1/orders/search","latencyMs":)" + std::to_string(kSlowMs) +
                          R"(,"count":)" + std::to_string(kSlowSearches) + "}");
    ASSERT_NO_FATAL_FAILURE(startWorkersAndAutomations());
    startDriver(400ms);
    const auto longRuns = [&] {
        std::size_t count = 0;
        for (const auto& run : _cluster->jobRuns())
            count += run.finishedMs - run.startedMs > kLeaseSeconds * 1000;
        return count;
    };
    EXPECT_TRUE(WorkerCluster::waitUntil([&] { return longRuns() >= kSlowSearches; }, 40s))
        << longRuns() << " runs outlived the lease";
    std::this_thread::sleep_for(std::chrono::seconds(kImportIntervalSeconds));
    ASSERT_NO_FATAL_FAILURE(stopDriverAndDrain());

    const auto runs = _cluster->jobRuns();
    std::size_t failed = 0;
    std::int64_t longestMs = 0;
    for (const auto& run : runs) {
        failed += run.code != "job.completed";
        longestMs = std::max(longestMs, run.finishedMs - run.startedMs);
    }
    EXPECT_EQ(failed, 0u) << "job runs that failed";
    EXPECT_EQ(longRuns(), static_cast<std::size_t>(kSlowSearches)) << "each slow import recorded once";
    for (int i = 0; i < _cluster->workerCount(); ++i)
        EXPECT_EQ(readFile(_cluster->workerLog(i)).find("lease expired"), std::string::npos)
            << WorkerCluster::workerName(i) << " lost a lease";
    expectScheduleKept(runs, kImportIntervalSeconds * 1000);
    expectOrdersAndInvoices();
    expectNoConcurrentRequestsPerSite();
    std::cout << "[ scale    ] " << kStores << " stores, 3 workers, " << kSlowSearches
              << " imports slowed by " << kSlowMs << " ms (lease " << kLeaseSeconds * 1000
              << " ms): longest run " << longestMs << " ms; job runs " << runs.size() << _figures.str()
              << "\n";
}

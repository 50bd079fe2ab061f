#include "stock/stock_planner.h"

#include "estore/sdk/text.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "estore/sdk/amount.h"

namespace estore::wix {

namespace {

/// Rounds down to whole units (a shop sells whole pieces; 2.7 kg on hand is 2 to sell, never 3).
std::int64_t floorToWhole(const sdk::Decimal& value) {
    const sdk::Decimal whole = value.rescaled(0);  // rounds half away from zero
    return whole > value ? whole.units() - 1 : whole.units();
}

constexpr std::size_t kDuplicate = static_cast<std::size_t>(-1);

}  // namespace

StockBasis StockPlanner::basisFromSetting(const std::string& value) {
    return value == "on_hand" ? StockBasis::OnHand : StockBasis::OnHandMinusReserved;
}

std::int64_t StockPlanner::quantityToPush(const host_api::StockLevel& level, StockBasis basis) {
    sdk::Decimal available = sdk::toDecimal(level.onHand);
    if (basis == StockBasis::OnHandMinusReserved) available -= sdk::toDecimal(level.reserved);
    return std::clamp<std::int64_t>(floorToWhole(available), 0, kMaxQuantity);
}

StockPlan StockPlanner::plan(const std::vector<host_api::StockLevel>& levels,
                             const std::vector<WixStockItem>& items, StockBasis basis) {
    StockPlan plan;
    // SKU → the one item carrying it, or kDuplicate. Views into `items`, which outlives the map.
    std::unordered_map<std::string_view, std::size_t> bySku;
    bySku.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string_view sku = sdk::trimmedView(items[i].sku);
        if (sku.empty()) {
            ++plan.withoutSku;
            continue;
        }
        auto [it, inserted] = bySku.try_emplace(sku, i);
        if (!inserted && it->second != kDuplicate) {
            plan.duplicateInWix.emplace_back(sku);
            it->second = kDuplicate;
        }
    }
    std::vector<bool> matched(items.size(), false);
    for (const auto& level : levels) {
        const std::string_view code = sdk::trimmedView(level.productCode);
        const auto found = bySku.find(code);
        if (found == bySku.end()) {
            plan.missingInWix.emplace_back(code);
            continue;
        }
        if (found->second == kDuplicate) continue;  // reported once, with the SKU
        const std::size_t index = found->second;
        matched[index] = true;
        const WixStockItem& item = items[index];
        if (!item.tracked) {
            plan.untracked.emplace_back(code);
            continue;
        }
        const std::int64_t quantity = quantityToPush(level, basis);
        if (quantity == item.quantity)
            ++plan.unchanged;
        else
            plan.updates.push_back({index, quantity});
    }
    for (const auto& [sku, index] : bySku)
        if (index != kDuplicate && !matched[index] && items[index].tracked)
            plan.missingInHost.emplace_back(sku);
    std::sort(plan.missingInHost.begin(), plan.missingInHost.end());
    std::sort(plan.duplicateInWix.begin(), plan.duplicateInWix.end());
    return plan;
}

}  // namespace estore::wix

#pragma once
// The diff at the heart of the stock push: e-računi's warehouse (the master) against what Wix holds,
// matched by SKU = product code. Pure and in memory, so 100,000 SKUs take milliseconds.
//
// Never guessed: a SKU Wix has on more than one item is reported and not pushed; a SKU found on one side
// only is reported; an item Wix does not track is left alone (pushing a quantity would start tracking it,
// which the shop owner did not ask for).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "estore/host_api/stock.h"
#include "stock/wix_stock_item.h"

namespace estore::wix {

enum class StockBasis { OnHand, OnHandMinusReserved };

struct StockUpdate {
    std::size_t item = 0;       ///< index into the Wix items the plan was made from
    std::int64_t quantity = 0;  ///< what Wix should hold
};

struct StockPlan {
    std::vector<StockUpdate> updates;         ///< only items whose quantity differs from Wix's
    std::size_t unchanged = 0;                ///< matched, tracked, already equal
    std::vector<std::string> missingInWix;    ///< host product codes no Wix item carries
    std::vector<std::string> missingInHost;   ///< SKUs of tracked Wix items the warehouse has no stock for
    std::vector<std::string> duplicateInWix;  ///< SKUs on more than one Wix item (none of them pushed)
    std::vector<std::string> untracked;       ///< host product codes whose Wix item does not track quantity
    std::size_t withoutSku = 0;               ///< Wix items without a SKU (cannot be matched)

    std::size_t unmatched() const {
        return missingInWix.size() + missingInHost.size() + duplicateInWix.size();
    }
};

class StockPlanner {
public:
    /// Wix's largest quantity (a 32-bit integer); more is pushed as this.
    static constexpr std::int64_t kMaxQuantity = 2147483647;

    static StockPlan plan(const std::vector<host_api::StockLevel>& levels,
                          const std::vector<WixStockItem>& items, StockBasis basis);
    /// The whole units to show in Wix: on hand (minus reserved), rounded down, never below zero.
    static std::int64_t quantityToPush(const host_api::StockLevel& level, StockBasis basis);
    /// "on_hand" or "on_hand_minus_reserved" (the store option; anything else is the safe default).
    static StockBasis basisFromSetting(const std::string& value);
};

}  // namespace estore::wix

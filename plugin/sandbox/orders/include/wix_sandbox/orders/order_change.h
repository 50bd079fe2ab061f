#pragma once

#include <optional>
#include <string>
#include <vector>

namespace wix_sandbox {

/// What a merchant (or a buyer's payment) does to an order after it was placed (reference §12.2: each
/// moves updatedDate).
enum class OrderChange { Pay, Cancel, Refund, Archive, Fulfil };

/// What a merchant refunds, as in Wix's dashboard: chosen items and quantities and/or the shipping, whose
/// value is the default amount, or an amount of their own ("refund a custom amount"). Nothing at all: all
/// that is still refundable, every item and the shipping.
struct RefundRequest {
    struct Item {
        std::string lineItemId;
        long quantity = 0;
    };
    std::optional<long> cents;
    std::vector<Item> items;
    bool shipping = false;

    bool namesWhat() const { return !items.empty() || shipping; }
};

}  // namespace wix_sandbox

#pragma once
// Stock as people type it, checked alike for `estore-host stock set` and every row of `stock import`:
// product codes and quantities with a decimal point or a decimal comma (Slovenian Excel writes "2,5").
#include <optional>
#include <string>
#include <string_view>

#include "estore/host/stock/stock_repository.h"
#include "estore/host_api/outcome.h"
#include "estore/sdk/decimal.h"

namespace estore::host {

class StockInput {
public:
    /// In characters; e-računi's product codes are short, and the shop's SKU field is limited too.
    static constexpr std::size_t kMaxCodeLength = 64;

    /// The entry from its texts, surrounding spaces ignored; an empty `reserved` is 0. Every problem
    /// found, joined ("…; …") in both languages, or nullopt when the entry is good.
    static std::optional<host_api::Text> entry(std::string_view code, std::string_view onHand,
                                               std::string_view reserved, StockEntry& out);

    /// Why `code` cannot be a product code: empty, too long, control characters, not UTF-8.
    static std::optional<host_api::Text> codeProblem(const std::string& code);
    /// "12", "2,5", "0.125", "+3"; at most Decimal::kMaxScale decimals. Not negative.
    /// `what` names the quantity in the problem, e.g. {"zaloga", "on hand"}.
    static std::optional<sdk::Decimal> quantity(std::string_view text, const host_api::Text& what,
                                                host_api::Text& problem);

    static std::string_view trimmed(std::string_view text);
};

}  // namespace estore::host

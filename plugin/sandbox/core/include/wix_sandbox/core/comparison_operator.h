#pragma once
// Wix query filters' comparison operators ($eq, $ne, $gt, $gte, $lt, $lte), shared by the orders and
// catalog filters.
#include <string>

namespace wix_sandbox {

/// Whether a three-way comparison (< 0, 0, > 0) of a field against the operand satisfies `op`.
inline bool satisfiesComparison(const std::string& op, int comparison) {
    if (op == "$eq") return comparison == 0;
    if (op == "$ne") return comparison != 0;
    if (op == "$gt") return comparison > 0;
    if (op == "$gte") return comparison >= 0;
    if (op == "$lt") return comparison < 0;
    return comparison <= 0;  // $lte
}

}  // namespace wix_sandbox

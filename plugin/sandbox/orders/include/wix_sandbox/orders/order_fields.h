#pragma once

#include <optional>
#include <string>

#include "wix_sandbox/orders/order_record.h"

namespace wix_sandbox {

/// The order fields Search Orders can filter and sort on (reference §9.1, D11), read as comparable text.
class OrderFields {
public:
    static bool filterable(const std::string& field);
    static bool sortable(const std::string& field);
    static bool isDate(const std::string& field);
    static std::optional<std::string> valueOf(const OrderRecord& order, const std::string& field);
    /// Order of two field values: digit strings by number, everything else by text (dates are canonical).
    static int compare(const std::string& left, const std::string& right);
};

}  // namespace wix_sandbox

#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Array.h>

#include "wix_sandbox/orders/order_record.h"

namespace wix_sandbox {

/// The sort of a Search Orders request (default createdDate DESC, reference §9.1), always ending in
/// id ASC so that every order has a unique position a cursor can point after.
class OrderOrdering {
public:
    using Key = std::vector<std::string>;

    /// Null or empty = the default. Throws WixFailure (400) on unsortable fields or bad orders.
    explicit OrderOrdering(const Poco::JSON::Array::Ptr& sort);

    Key keyOf(const OrderRecord& order) const;
    bool before(const Key& left, const Key& right) const;
    bool isDefault() const { return _default; }
    /// The one requested sort field and whether it ascends (before the id tie-break); nullopt for more.
    std::optional<std::pair<std::string, bool>> singleField() const {
        if (_fields.size() != 2) return std::nullopt;
        return _fields.front();
    }

private:
    std::vector<std::pair<std::string, bool>> _fields;  // field, ascending
    bool _default = true;
};

}  // namespace wix_sandbox

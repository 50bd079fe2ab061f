#include "wix_sandbox/orders/order_ordering.h"

#include <Poco/JSON/Object.h>
#include <Poco/String.h>

#include "wix_sandbox/core/wix_errors.h"
#include "wix_sandbox/core/wix_failure.h"
#include "wix_sandbox/orders/order_fields.h"

namespace wix_sandbox {

namespace {

[[noreturn]] void reject(const std::string& description) {
    throw WixFailure(
        WixErrors::validationError("Invalid sort: " + description, "search.sort", description, "SORT"));
}

std::pair<std::string, bool> parseItem(const Poco::Dynamic::Var& item) {
    if (item.type() != typeid(Poco::JSON::Object::Ptr)) reject("each sort item must be an object");
    Poco::JSON::Object::Ptr sort = item.extract<Poco::JSON::Object::Ptr>();
    std::string field = sort->optValue<std::string>("fieldName", "");
    if (!OrderFields::sortable(field)) reject("field '" + field + "' is not sortable");
    std::string order = Poco::toUpper(sort->optValue<std::string>("order", "ASC"));
    if (order != "ASC" && order != "DESC") reject("order must be ASC or DESC");
    return {field, order == "ASC"};
}

}  // namespace

OrderOrdering::OrderOrdering(const Poco::JSON::Array::Ptr& sort) {
    if (sort && sort->size() > 0) {
        _default = false;
        for (const Poco::Dynamic::Var& item : *sort) _fields.push_back(parseItem(item));
    } else {
        _fields.emplace_back("createdDate", false);  // Wix's default (§9.1)
    }
    _fields.emplace_back("id", true);  // tie-break: a unique position for cursors
}

OrderOrdering::Key OrderOrdering::keyOf(const OrderRecord& order) const {
    Key key;
    key.reserve(_fields.size());
    for (const auto& [field, ascending] : _fields)
        key.push_back(OrderFields::valueOf(order, field).value_or(""));
    return key;
}

bool OrderOrdering::before(const Key& left, const Key& right) const {
    for (std::size_t i = 0; i < _fields.size() && i < left.size() && i < right.size(); ++i) {
        int comparison = OrderFields::compare(left[i], right[i]);
        if (comparison != 0) return _fields[i].second ? comparison < 0 : comparison > 0;
    }
    return false;
}

}  // namespace wix_sandbox

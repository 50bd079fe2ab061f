#include "wix_sandbox/orders/order_fields.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace wix_sandbox {

namespace {

// Reference §9.1 (D11): which fields Search Orders filters on, and which of those it sorts on.
constexpr std::array kFilterable = {"id",
                                    "number",
                                    "createdDate",
                                    "updatedDate",
                                    "status",
                                    "paymentStatus",
                                    "fulfillmentStatus",
                                    "archived",
                                    "buyerInfo.email"};
constexpr std::array kSortable = {"number",        "createdDate",       "updatedDate",     "status",
                                  "paymentStatus", "fulfillmentStatus", "buyerInfo.email", "id"};

template <std::size_t N>
bool contains(const std::array<const char*, N>& names, const std::string& field) {
    return std::any_of(names.begin(), names.end(), [&](const char* name) { return field == name; });
}

bool allDigits(const std::string& text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

}  // namespace

bool OrderFields::filterable(const std::string& field) {
    return contains(kFilterable, field);
}

bool OrderFields::sortable(const std::string& field) {
    return contains(kSortable, field);
}

bool OrderFields::isDate(const std::string& field) {
    return field == "createdDate" || field == "updatedDate";
}

std::optional<std::string> OrderFields::valueOf(const OrderRecord& order, const std::string& field) {
    if (field == "id") return order.id;
    if (field == "number") return order.number;
    if (field == "createdDate") return order.createdDate;
    if (field == "updatedDate") return order.updatedDate;
    if (field == "status") return order.status;
    if (field == "paymentStatus") return order.paymentStatus;
    if (field == "fulfillmentStatus") return order.fulfillmentStatus;
    if (field == "archived") return std::string(order.archived ? "true" : "false");
    if (field == "buyerInfo.email") {
        if (order.buyerEmail.empty()) return std::nullopt;
        return order.buyerEmail;
    }
    return std::nullopt;
}

int OrderFields::compare(const std::string& left, const std::string& right) {
    if (allDigits(left) && allDigits(right) && left.size() != right.size())
        return left.size() < right.size() ? -1 : 1;
    return left.compare(right) < 0 ? -1 : (left == right ? 0 : 1);
}

}  // namespace wix_sandbox

#include "wix_sandbox/order_store.h"

#include <string>

namespace wix_sandbox {

namespace {

constexpr long kFirstOrderNumber = 10001;

}  // namespace

void OrderStore::put(const std::string& siteId, OrderRecord order) {
    std::lock_guard lock(_mutex);
    std::vector<OrderRecord>& orders = _orders[siteId];
    for (OrderRecord& existing : orders) {
        if (existing.id == order.id) {
            existing = std::move(order);
            return;
        }
    }
    // Numbers given verbatim must not be handed out again by nextNumber().
    try {
        long number = std::stol(order.number);
        if (number > _lastNumber[siteId]) _lastNumber[siteId] = number;
    } catch (const std::exception&) {
    }
    orders.push_back(std::move(order));
}

std::vector<OrderRecord> OrderStore::orders(const std::string& siteId) const {
    std::lock_guard lock(_mutex);
    auto found = _orders.find(siteId);
    return found == _orders.end() ? std::vector<OrderRecord>{} : found->second;
}

std::size_t OrderStore::count(const std::string& siteId) const {
    std::lock_guard lock(_mutex);
    auto found = _orders.find(siteId);
    return found == _orders.end() ? 0 : found->second.size();
}

std::string OrderStore::nextNumber(const std::string& siteId) {
    std::lock_guard lock(_mutex);
    long& last = _lastNumber[siteId];
    last = last < kFirstOrderNumber ? kFirstOrderNumber : last + 1;
    return std::to_string(last);
}

}  // namespace wix_sandbox

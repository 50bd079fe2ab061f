#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "wix_sandbox/order_record.h"

namespace wix_sandbox {

/// eCom orders per site, in creation order. Thread-safe; readers get a snapshot copy.
class OrderStore {
public:
    /// Adds the order, or replaces the one with the same id (an update, as Wix's updatedDate churn).
    void put(const std::string& siteId, OrderRecord order);
    std::vector<OrderRecord> orders(const std::string& siteId) const;
    std::size_t count(const std::string& siteId) const;
    /// The next free order number for a site, Wix-style ("10001", "10002", ...).
    std::string nextNumber(const std::string& siteId);

private:
    mutable std::mutex _mutex;
    std::map<std::string, std::vector<OrderRecord>> _orders;
    std::map<std::string, long> _lastNumber;
};

}  // namespace wix_sandbox

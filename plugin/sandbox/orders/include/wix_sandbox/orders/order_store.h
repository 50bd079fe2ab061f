#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "wix_sandbox/orders/order_record.h"

namespace wix_sandbox {

/// eCom orders per site, in creation order and indexed by id, createdDate and updatedDate, so a search
/// page costs O(log N + page) instead of sorting the whole shop. Records are immutable and shared: a
/// reader keeps what it got while the store moves on. Thread-safe.
class OrderStore {
public:
    using Ptr = std::shared_ptr<const OrderRecord>;
    /// Gets a fresh updatedDate ("now") and the current record, returns the changed record.
    using Change = std::function<OrderRecord(const OrderRecord& current, const std::string& now)>;
    /// Called in index order; returns false to stop.
    using Visit = std::function<bool(const Ptr& order)>;

    /// Adds the order, or replaces the one with the same id (an update, as Wix's updatedDate churn).
    void put(const std::string& siteId, OrderRecord order);
    /// nullptr when the site has no such order.
    Ptr find(const std::string& siteId, const std::string& id) const;
    /// Applies `change` atomically with a fresh updatedDate; throws Poco::NotFoundException for an
    /// unknown id (and whatever `change` throws, leaving the order as it was).
    Ptr update(const std::string& siteId, const std::string& id, const Change& change);
    /// Adds a new order made by `make` from "now" (Unix ms, as now()) under the same lock, so it sorts
    /// after every updatedDate stored before it.
    Ptr create(const std::string& siteId, const std::function<OrderRecord(std::int64_t nowMs)>& make);
    /// A snapshot in creation order (shared records, no copies).
    std::vector<Ptr> orders(const std::string& siteId) const;
    std::size_t count(const std::string& siteId) const;
    /// The next free order number for a site, Wix-style ("10001", "10002", ...).
    std::string nextNumber(const std::string& siteId);
    /// "Now" as an ISO date with ms, strictly later than any date handed out before and than every
    /// stored updatedDate, so a changed order always moves to the end of an updatedDate ASC walk.
    std::string now();
    /// Walks a site's orders sorted by `field` (createdDate or updatedDate, ascending or not) and then
    /// by id ascending, starting strictly after the position `after` ({date, id}; empty = the start).
    void walk(const std::string& siteId, const std::string& field, bool ascending,
              const std::vector<std::string>& after, const Visit& visit) const;
    static bool indexed(const std::string& field) { return field == "createdDate" || field == "updatedDate"; }

private:
    struct DateOnly {
        const std::string& date;
    };
    struct Position {
        const std::string& date;
        const std::string& id;
    };
    /// Orders records by one date member, then id; also compares with bare positions (transparent).
    struct ByDate {
        using is_transparent = void;
        std::string OrderRecord::*field;
        bool operator()(const Ptr& left, const Ptr& right) const;
        bool operator()(const Ptr& left, const Position& right) const;
        bool operator()(const Position& left, const Ptr& right) const;
        bool operator()(const Ptr& left, const DateOnly& right) const;
        bool operator()(const DateOnly& left, const Ptr& right) const;
    };
    using Index = std::set<Ptr, ByDate>;
    struct SiteOrders {
        std::vector<Ptr> inOrder;
        std::unordered_map<std::string, std::size_t> position;
        Index byCreated{ByDate{&OrderRecord::createdDate}};
        Index byUpdated{ByDate{&OrderRecord::updatedDate}};
    };

    void putLocked(SiteOrders& site, const std::string& siteId, Ptr order);
    std::string nowLocked();
    std::int64_t stampLocked();
    static void walkDescending(const Index& index, const std::vector<std::string>& after, const Visit& visit);

    mutable std::mutex _mutex;
    std::map<std::string, SiteOrders> _sites;
    std::map<std::string, long> _lastNumber;
    std::string _latestUpdated;  // the greatest updatedDate stored or handed out
    std::int64_t _lastStampMs = 0;
};

}  // namespace wix_sandbox

#include "wix_sandbox/orders/order_store.h"

#include <algorithm>
#include <string>
#include <tuple>

#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

namespace wix_sandbox {

namespace {

constexpr long kFirstOrderNumber = 10001;

std::int64_t epochMsOf(const std::string& iso) {
    int zone = 0;
    Poco::DateTime date;
    if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, iso, date, zone)) return 0;
    return date.timestamp().epochMicroseconds() / 1000 - static_cast<std::int64_t>(zone) * 1000;
}

}  // namespace

bool OrderStore::ByDate::operator()(const Ptr& left, const Ptr& right) const {
    return std::tie((*left).*field, left->id) < std::tie((*right).*field, right->id);
}

bool OrderStore::ByDate::operator()(const Ptr& left, const Position& right) const {
    return std::tie((*left).*field, left->id) < std::tie(right.date, right.id);
}

bool OrderStore::ByDate::operator()(const Position& left, const Ptr& right) const {
    return std::tie(left.date, left.id) < std::tie((*right).*field, right->id);
}

bool OrderStore::ByDate::operator()(const Ptr& left, const DateOnly& right) const {
    return (*left).*field < right.date;
}

bool OrderStore::ByDate::operator()(const DateOnly& left, const Ptr& right) const {
    return left.date < (*right).*field;
}

void OrderStore::put(const std::string& siteId, OrderRecord order) {
    std::lock_guard lock(_mutex);
    // Numbers given verbatim must not be handed out again by nextNumber().
    try {
        long number = std::stol(order.number);
        if (number > _lastNumber[siteId]) _lastNumber[siteId] = number;
    } catch (const std::exception&) {
    }
    putLocked(_sites[siteId], siteId, std::make_shared<const OrderRecord>(std::move(order)));
}

void OrderStore::putLocked(SiteOrders& site, const std::string& /*siteId*/, Ptr order) {
    if (order->updatedDate > _latestUpdated) _latestUpdated = order->updatedDate;
    auto found = site.position.find(order->id);
    if (found != site.position.end()) {
        Ptr& slot = site.inOrder[found->second];
        site.byCreated.erase(slot);
        site.byUpdated.erase(slot);
        slot = order;
    } else {
        site.position.emplace(order->id, site.inOrder.size());
        site.inOrder.push_back(order);
    }
    site.byCreated.insert(order);
    site.byUpdated.insert(order);
}

OrderStore::Ptr OrderStore::find(const std::string& siteId, const std::string& id) const {
    std::lock_guard lock(_mutex);
    auto site = _sites.find(siteId);
    if (site == _sites.end()) return nullptr;
    auto found = site->second.position.find(id);
    return found == site->second.position.end() ? nullptr : site->second.inOrder[found->second];
}

OrderStore::Ptr OrderStore::update(const std::string& siteId, const std::string& id, const Change& change) {
    std::lock_guard lock(_mutex);
    auto site = _sites.find(siteId);
    if (site == _sites.end()) throw Poco::NotFoundException("unknown order", id);
    auto found = site->second.position.find(id);
    if (found == site->second.position.end()) throw Poco::NotFoundException("unknown order", id);
    // Under the lock: a concurrent change of the same order waits, and no walk sees half of it.
    Ptr changed =
        std::make_shared<const OrderRecord>(change(*site->second.inOrder[found->second], nowLocked()));
    putLocked(site->second, siteId, changed);
    return changed;
}

OrderStore::Ptr OrderStore::create(const std::string& siteId,
                                   const std::function<OrderRecord(std::int64_t nowMs)>& make) {
    std::lock_guard lock(_mutex);
    Ptr order = std::make_shared<const OrderRecord>(make(stampLocked()));
    try {
        long number = std::stol(order->number);
        if (number > _lastNumber[siteId]) _lastNumber[siteId] = number;
    } catch (const std::exception&) {
    }
    putLocked(_sites[siteId], siteId, order);
    return order;
}

std::vector<OrderStore::Ptr> OrderStore::orders(const std::string& siteId) const {
    std::lock_guard lock(_mutex);
    auto found = _sites.find(siteId);
    return found == _sites.end() ? std::vector<Ptr>{} : found->second.inOrder;
}

std::size_t OrderStore::count(const std::string& siteId) const {
    std::lock_guard lock(_mutex);
    auto found = _sites.find(siteId);
    return found == _sites.end() ? 0 : found->second.inOrder.size();
}

std::string OrderStore::nextNumber(const std::string& siteId) {
    std::lock_guard lock(_mutex);
    long& last = _lastNumber[siteId];
    last = last < kFirstOrderNumber ? kFirstOrderNumber : last + 1;
    return std::to_string(last);
}

std::string OrderStore::now() {
    std::lock_guard lock(_mutex);
    return nowLocked();
}

std::string OrderStore::nowLocked() {
    stampLocked();
    return _latestUpdated;
}

std::int64_t OrderStore::stampLocked() {
    // Wall-clock time, but never equal to or before a date already handed out or stored: two changes
    // in one millisecond still get distinct, ordered updatedDates.
    std::int64_t ms = Poco::Timestamp().epochMicroseconds() / 1000;
    ms = std::max({ms, _lastStampMs + 1, epochMsOf(_latestUpdated) + 1});
    _lastStampMs = ms;
    _latestUpdated = Poco::DateTimeFormatter::format(Poco::Timestamp(ms * 1000), "%Y-%m-%dT%H:%M:%S.%iZ");
    return ms;
}

void OrderStore::walk(const std::string& siteId, const std::string& field, bool ascending,
                      const std::vector<std::string>& after, const Visit& visit) const {
    std::lock_guard lock(_mutex);
    auto site = _sites.find(siteId);
    if (site == _sites.end()) return;
    const Index& index = field == "createdDate" ? site->second.byCreated : site->second.byUpdated;
    if (!ascending) return walkDescending(index, after, visit);
    auto it = after.size() < 2 ? index.begin() : index.upper_bound(Position{after[0], after[1]});
    for (; it != index.end(); ++it)
        if (!visit(*it)) return;
}

void OrderStore::walkDescending(const Index& index, const std::vector<std::string>& after,
                                const Visit& visit) {
    // The order is date DESC, id ASC, while the index is date ASC, id ASC: walk it backwards one date at
    // a time and visit each group of equal dates forwards.
    const auto dateOf = [field = index.key_comp().field](const Ptr& order) -> const std::string& {
        return (*order).*field;
    };
    auto end = after.size() < 2 ? index.end() : index.upper_bound(DateOnly{after[0]});
    while (end != index.begin()) {
        auto start = std::prev(end);
        while (start != index.begin() && dateOf(*std::prev(start)) == dateOf(*start)) --start;
        for (auto it = start; it != end; ++it) {
            const Ptr& order = *it;
            if (after.size() >= 2 && dateOf(order) == after[0] && order->id <= after[1]) continue;
            if (!visit(order)) return;
        }
        end = start;
    }
}

}  // namespace wix_sandbox

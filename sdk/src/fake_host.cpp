#include "estore/sdk/fake_host.h"

#include <algorithm>

namespace estore::sdk {

using host_api::Outcome;

FakeHost::FakeHost()
    : _warehouses{{"GLAVNO", "Glavno skladišče"}, {"SPLET", "Skladišče spletne trgovine"}},
      _costCenters{{"SPLET", "Spletna prodaja"}, {"MP", "Maloprodaja"}} {
    _services.scheduler = this;
    _services.state = this;
    _services.secrets = this;
    _services.activity = this;
    _services.config = this;
    _services.clock = this;
    _services.company = this;
    _services.salesOrders = this;
    _services.storeStatus = this;
    _services.stock = this;
}

Outcome FakeHost::schedule(const std::string& storeId, const host_api::JobSchedule& job) {
    std::lock_guard lock(_mutex);
    auto same = [&](const ScheduledJob& s) { return s.storeId == storeId && s.schedule.jobId == job.jobId; };
    _scheduled.erase(std::remove_if(_scheduled.begin(), _scheduled.end(), same), _scheduled.end());
    _scheduled.push_back({storeId, job});
    return Outcome::success();
}

Outcome FakeHost::cancel(const std::string& storeId, const std::string& jobId) {
    std::lock_guard lock(_mutex);
    auto same = [&](const ScheduledJob& s) { return s.storeId == storeId && s.schedule.jobId == jobId; };
    _scheduled.erase(std::remove_if(_scheduled.begin(), _scheduled.end(), same), _scheduled.end());
    return Outcome::success();
}

Outcome FakeHost::runSoon(const std::string& storeId, const std::string& jobId,
                          const std::map<std::string, std::string>& args) {
    std::lock_guard lock(_mutex);
    _soon.push_back({storeId, jobId, args});
    return Outcome::success();
}

std::optional<std::string> FakeHost::get(const std::string& storeId, const std::string& key) {
    std::lock_guard lock(_mutex);
    auto it = _state.find({storeId, key});
    if (it == _state.end()) return std::nullopt;
    return it->second;
}

bool FakeHost::compareAndSet(const std::string& storeId, const std::string& key,
                             const std::optional<std::string>& expected, const std::string& value) {
    std::lock_guard lock(_mutex);
    auto it = _state.find({storeId, key});
    const std::optional<std::string> current =
        it == _state.end() ? std::nullopt : std::optional<std::string>(it->second);
    if (current != expected) return false;
    _state[{storeId, key}] = value;
    return true;
}

std::optional<std::string> FakeHost::read(const std::string& storeId, const std::string& name) {
    std::lock_guard lock(_mutex);
    auto it = _secrets.find({storeId, name});
    if (it == _secrets.end()) return std::nullopt;
    return it->second;
}

void FakeHost::setSecret(const std::string& storeId, const std::string& name, const std::string& value) {
    std::lock_guard lock(_mutex);
    _secrets[{storeId, name}] = value;
}

void FakeHost::record(const std::string& storeId, host_api::ActivityLevel level, const std::string& code,
                      const host_api::Text& message, const std::string& detail) {
    std::lock_guard lock(_mutex);
    _activity.push_back({storeId, level, code, message, detail});
}

std::optional<std::string> FakeHost::get(const std::string& key) {
    std::lock_guard lock(_mutex);
    auto it = _config.find(key);
    if (it == _config.end()) return std::nullopt;
    return it->second;
}

Outcome FakeHost::upsert(const std::string& storeId, const host_api::SalesOrder& order,
                         host_api::UpsertResult& result) {
    std::lock_guard lock(_mutex);
    ++_upsertCalls;
    auto [it, created] = _orders.try_emplace({storeId, order.externalId}, order);
    if (created) {
        result = host_api::UpsertResult::Created;
    } else if (order.updatedAtMillis > it->second.updatedAtMillis) {
        it->second = order;
        result = host_api::UpsertResult::Updated;
    } else {
        result = host_api::UpsertResult::Unchanged;
    }
    return Outcome::success();
}

void FakeHost::credentialsNeedAttention(const std::string& storeId, const Outcome& cause) {
    std::lock_guard lock(_mutex);
    _attention[storeId] = cause;
}

std::optional<host_api::SalesOrder> FakeHost::order(const std::string& storeId,
                                                    const std::string& externalId) const {
    std::lock_guard lock(_mutex);
    auto it = _orders.find({storeId, externalId});
    if (it == _orders.end()) return std::nullopt;
    return it->second;
}

std::vector<host_api::SalesOrder> FakeHost::orders(const std::string& storeId) const {
    std::lock_guard lock(_mutex);
    std::vector<host_api::SalesOrder> out;
    for (const auto& [key, order] : _orders)
        if (key.first == storeId) out.push_back(order);
    return out;
}

const std::optional<FakeHost::ScheduledJob> FakeHost::findScheduled(const std::string& storeId,
                                                                    const std::string& jobId) const {
    for (const auto& s : _scheduled)
        if (s.storeId == storeId && s.schedule.jobId == jobId) return s;
    return std::nullopt;
}

host_api::Outcome FakeHost::levels(const std::string& warehouseCode, std::vector<host_api::StockLevel>& out) {
    std::lock_guard lock(_mutex);
    const bool known = std::any_of(_warehouses.begin(), _warehouses.end(),
                                   [&](const host_api::NamedCode& w) { return w.code == warehouseCode; });
    if (!known)
        return host_api::Outcome::failure(host_api::ErrorCategory::NotFound, "host.warehouse_unknown",
                                          {"Skladišče " + warehouseCode + " ne obstaja.",
                                           "Warehouse " + warehouseCode + " does not exist."});
    const auto found = _stock.find(warehouseCode);
    out = found == _stock.end() ? std::vector<host_api::StockLevel>{} : found->second;
    return {};
}

void FakeHost::setStock(const std::string& warehouseCode, std::vector<host_api::StockLevel> levels) {
    std::sort(levels.begin(), levels.end(),
              [](const auto& a, const auto& b) { return a.productCode < b.productCode; });
    std::lock_guard lock(_mutex);
    _stock[warehouseCode] = std::move(levels);
}

}  // namespace estore::sdk

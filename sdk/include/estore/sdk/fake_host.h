#pragma once
// An in-memory host for unit and contract tests: every service records what the plugin asked of it.
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "estore/host_api/host_services.h"

namespace estore::sdk {

class FakeHost final : public host_api::Scheduler,
                       public host_api::State,
                       public host_api::Secrets,
                       public host_api::Activity,
                       public host_api::Config,
                       public host_api::Clock,
                       public host_api::Company,
                       public host_api::SalesOrders,
                       public host_api::StoreStatus,
                       public host_api::WarehouseStock {
public:
    struct ScheduledJob {
        std::string storeId;
        host_api::JobSchedule schedule;
    };
    struct SoonJob {
        std::string storeId;
        std::string jobId;
        std::map<std::string, std::string> args;
    };
    struct ActivityEntry {
        std::string storeId;
        host_api::ActivityLevel level;
        std::string code;
        host_api::Text message;
        std::string detail;
    };

    FakeHost();

    host_api::HostServices& services() { return _services; }

    // Scheduler
    host_api::Outcome schedule(const std::string& storeId, const host_api::JobSchedule& job) override;
    host_api::Outcome cancel(const std::string& storeId, const std::string& jobId) override;
    host_api::Outcome runSoon(const std::string& storeId, const std::string& jobId,
                              const std::map<std::string, std::string>& args) override;
    // State
    std::optional<std::string> get(const std::string& storeId, const std::string& key) override;
    bool compareAndSet(const std::string& storeId, const std::string& key,
                       const std::optional<std::string>& expected, const std::string& value) override;
    // Secrets
    std::optional<std::string> read(const std::string& storeId, const std::string& name) override;
    // Activity
    void record(const std::string& storeId, host_api::ActivityLevel level, const std::string& code,
                const host_api::Text& message, const std::string& detail) override;
    // Config
    std::optional<std::string> get(const std::string& key) override;
    // Clock
    std::int64_t nowEpochMillis() override { return _nowMillis; }
    // Company
    std::vector<host_api::NamedCode> warehouses() override { return _warehouses; }
    std::vector<host_api::NamedCode> costCenters() override { return _costCenters; }

    // SalesOrders
    host_api::Outcome upsert(const std::string& storeId, const host_api::SalesOrder& order,
                             host_api::UpsertResult& result) override;
    // StoreStatus
    void credentialsNeedAttention(const std::string& storeId, const host_api::Outcome& cause) override;
    // WarehouseStock
    host_api::Outcome levels(const std::string& warehouseCode,
                             std::vector<host_api::StockLevel>& out) override;

    // Test controls
    void setConfig(const std::string& key, const std::string& value) { _config[key] = value; }
    void setSecret(const std::string& storeId, const std::string& name, const std::string& value);
    void setNow(std::int64_t millis) { _nowMillis = millis; }
    void setWarehouses(std::vector<host_api::NamedCode> w) { _warehouses = std::move(w); }
    void setCostCenters(std::vector<host_api::NamedCode> c) { _costCenters = std::move(c); }
    /// Replaces the warehouse's stock (the warehouse must also be in setWarehouses to be found).
    void setStock(const std::string& warehouseCode, std::vector<host_api::StockLevel> levels);

    const std::vector<ScheduledJob>& scheduled() const { return _scheduled; }
    const std::vector<SoonJob>& soon() const { return _soon; }
    const std::vector<ActivityEntry>& activity() const { return _activity; }
    std::optional<host_api::SalesOrder> order(const std::string& storeId,
                                              const std::string& externalId) const;
    std::vector<host_api::SalesOrder> orders(const std::string& storeId) const;
    std::size_t orderCount() const { return _orders.size(); }
    std::size_t upsertCalls() const { return _upsertCalls; }
    /// The causes passed to credentialsNeedAttention, per store.
    const std::map<std::string, host_api::Outcome>& attention() const { return _attention; }
    const std::optional<ScheduledJob> findScheduled(const std::string& storeId,
                                                    const std::string& jobId) const;

private:
    host_api::HostServices _services;
    mutable std::mutex _mutex;
    std::vector<ScheduledJob> _scheduled;
    std::vector<SoonJob> _soon;
    std::vector<ActivityEntry> _activity;
    std::map<std::pair<std::string, std::string>, std::string> _state;
    std::map<std::pair<std::string, std::string>, std::string> _secrets;
    std::map<std::string, std::string> _config;
    std::map<std::pair<std::string, std::string>, host_api::SalesOrder> _orders;
    std::size_t _upsertCalls = 0;
    std::map<std::string, host_api::Outcome> _attention;
    std::int64_t _nowMillis = 1'764'000'000'000;  // 2025-11-24, fixed so tests are repeatable
    std::vector<host_api::NamedCode> _warehouses;
    std::vector<host_api::NamedCode> _costCenters;
    std::map<std::string, std::vector<host_api::StockLevel>> _stock;
};

}  // namespace estore::sdk

#pragma once
// Services the host implements and injects into every plugin call. The plugin keeps no global state
// and starts no threads: everything it needs from the outside world except the shop's own API comes
// through here. Implementations must not throw into the plugin.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "estore/host_api/outcome.h"
#include "estore/host_api/sales_order.h"
#include "estore/host_api/stock.h"
#include "estore/host_api/values.h"

namespace estore::host_api {

class Scheduler {
public:
    /// Registers (or replaces) a recurring job for a store.
    virtual Outcome schedule(const std::string& storeId, const JobSchedule& job) = 0;
    virtual Outcome cancel(const std::string& storeId, const std::string& jobId) = 0;
    /// Asks for a one-off run as soon as a worker is free (e.g. "orders.fetch" after a webhook).
    virtual Outcome runSoon(const std::string& storeId, const std::string& jobId,
                            const std::map<std::string, std::string>& args) = 0;

protected:
    ~Scheduler() = default;
};

/// Per-store key/value state (cursors, last pushed stock).
class State {
public:
    virtual std::optional<std::string> get(const std::string& storeId, const std::string& key) = 0;
    /// Sets key to value only if its current value equals expected (nullopt: absent). True if set.
    virtual bool compareAndSet(const std::string& storeId, const std::string& key,
                               const std::optional<std::string>& expected, const std::string& value) = 0;

protected:
    ~State() = default;
};

/// The store's secrets (API key). The plugin reads them when it needs them and never keeps them.
class Secrets {
public:
    virtual std::optional<std::string> read(const std::string& storeId, const std::string& name) = 0;

protected:
    ~Secrets() = default;
};

enum class ActivityLevel { Info, Warning, Error };

/// The per-store log the user sees.
class Activity {
public:
    virtual void record(const std::string& storeId, ActivityLevel level, const std::string& code,
                        const Text& message, const std::string& detail) = 0;

protected:
    ~Activity() = default;
};

/// Host-wide settings, never per tenant (e.g. "wix.api_base_url").
class Config {
public:
    virtual std::optional<std::string> get(const std::string& key) = 0;

protected:
    ~Config() = default;
};

class Clock {
public:
    virtual std::int64_t nowEpochMillis() = 0;

protected:
    ~Clock() = default;
};

struct NamedCode {
    std::string code;
    std::string name;
};

/// The company's master data the dialog offers as choices.
class Company {
public:
    virtual std::vector<NamedCode> warehouses() = 0;
    virtual std::vector<NamedCode> costCenters() = 0;

protected:
    ~Company() = default;
};

/// e-računi's sales orders ("naročila kupcev"), keyed by (store, the shop's order id). Since API 1.1.
class SalesOrders {
public:
    /// Creates the order, or replaces it when `order.updatedAtMillis` is newer than the stored one;
    /// an older or identical order changes nothing (Unchanged). Idempotent: safe to repeat.
    virtual Outcome upsert(const std::string& storeId, const SalesOrder& order, UpsertResult& result) = 0;

    /// Since API 1.4: stores a page of orders (`count` of them at `orders`, an array, never a container,
    /// so an older layout can be walked by its own stride) by upsert's rules, all in one transaction:
    /// every order or none. results[i] is orders[i]'s. On failure nothing of the page is stored, so a
    /// plugin that moves a cursor after the page can simply repeat it. This default stores one by one
    /// (and stops at the first failure) for a host without transactions; the reference host overrides it.
    virtual Outcome upsertPage(const std::string& storeId, const SalesOrder* orders, std::size_t count,
                               UpsertResult* results) {
        for (std::size_t i = 0; i < count; ++i)
            if (Outcome stored = upsert(storeId, orders[i], results[i]); !stored.ok()) return stored;
        return {};
    }

protected:
    ~SalesOrders() = default;
};

/// The store's standing as the user sees it in the store list. Since API 1.1.
class StoreStatus {
public:
    /// The credentials stopped working (e.g. 401/403 mid-sync): the host shows the reason and what to do,
    /// and pauses the store's jobs until its settings are changed.
    virtual void credentialsNeedAttention(const std::string& storeId, const Outcome& cause) = 0;

protected:
    ~StoreStatus() = default;
};

/// Progress of a long job, for a person watching (`estore-host sync` prints it). Since API 1.1.
class JobProgress {
public:
    /// Counts so far, e.g. {"pages": 3, "orders": 287}; called after each unit of work (e.g. a page).
    virtual void progress(const std::string& storeId, const std::string& jobId,
                          const std::map<std::string, std::int64_t>& counts) = 0;

protected:
    ~JobProgress() = default;
};

/// Everything a plugin call may use. All pointers are valid for the duration of the call.
struct HostServices {
    Scheduler* scheduler = nullptr;
    State* state = nullptr;
    Secrets* secrets = nullptr;
    Activity* activity = nullptr;
    Config* config = nullptr;
    Clock* clock = nullptr;
    Company* company = nullptr;
    SalesOrders* salesOrders = nullptr;  ///< since 1.1
    StoreStatus* storeStatus = nullptr;  ///< since 1.1
    JobProgress* progress = nullptr;     ///< since 1.1; may be null (nobody watching)
    WarehouseStock* stock = nullptr;     ///< since 1.2
};

}  // namespace estore::host_api

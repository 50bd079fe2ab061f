#pragma once
// The stores table: one row per connected shop. Settings and the shop's identity are JSON text;
// secrets are not here (see DbSecrets).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "estore/host_api/values.h"

namespace estore::host {

class Database;

struct StoreRecord {
    std::string id;
    std::string platform;
    host_api::Settings settings;
    host_api::ShopIdentity shop;
    std::string status;            ///< "active" or "needs_attention"
    std::string statusDetail;      ///< why it needs attention; empty when active
    std::string statusCode;        ///< the cause's machine code, e.g. "wix.auth.invalid_key"
    std::string statusCategory;    ///< the cause's category name ("auth", "permission", "config")
    host_api::Text statusMessage;  ///< the cause as the user reads it
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;

    host_api::StoreRef ref() const { return {id, platform, settings}; }
    /// Its jobs wait until somebody changes its settings (estore-host configure).
    bool paused() const;
};

class StoreRepository {
public:
    static constexpr const char* kActive = "active";
    static constexpr const char* kNeedsAttention = "needs_attention";

    explicit StoreRepository(Database& db) : _db(db) {}

    /// A new id such as "wix-3", unique for the life of the database.
    std::string newId(const std::string& platform);
    void insert(const StoreRecord& store);
    std::optional<StoreRecord> find(const std::string& id);
    std::vector<StoreRecord> list();
    /// needs_attention with the whole cause; false when the store already stood so for that cause.
    bool setNeedsAttention(const std::string& id, const host_api::Outcome& cause);
    /// Back to active, the cause forgotten; false when it already was.
    bool setActive(const std::string& id);
    /// New settings and shop identity after a successful re-validation.
    void updateConfiguration(const std::string& id, const host_api::Settings& settings,
                             const host_api::ShopIdentity& shop);
    bool remove(const std::string& id);

private:
    std::vector<StoreRecord> select(const std::string& where, const std::string& id);

    Database& _db;
};

}  // namespace estore::host

#pragma once
// host_api::StoreStatus over the stores table. A store whose credentials stopped working is marked
// needs_attention with the whole cause, and the job runner leaves its jobs alone until somebody changes
// its settings (estore-host configure): retrying a revoked key every hour only fills the log.
#include <string>

#include "estore/host_api/host_services.h"

namespace estore::host {

class Database;
class DbActivity;

class DbStoreStatus final : public host_api::StoreStatus {
public:
    DbStoreStatus(Database& db, DbActivity& activity) : _db(db), _activity(activity) {}

    /// Never throws into the plugin; a status that cannot be written is reported on stderr.
    void credentialsNeedAttention(const std::string& storeId, const host_api::Outcome& cause) override;
    /// The same for any cause the user must fix in the settings (the runner calls it for config errors).
    void needsAttention(const std::string& storeId, const host_api::Outcome& cause);

    /// What the user should do about a store that needs attention, for the store list.
    static host_api::Text remedy(const std::string& storeId, const std::string& category);

private:
    Database& _db;
    DbActivity& _activity;
};

}  // namespace estore::host

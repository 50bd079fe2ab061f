#pragma once
// host_api::Activity over the activity table: the per-store log the user reads. It outlives the store.
#include <cstdint>
#include <string>
#include <vector>

#include "estore/host_api/host_services.h"

namespace estore::host {

class Database;
class DbSecrets;

struct ActivityEntry {
    std::int64_t id = 0;
    std::string storeId;
    std::int64_t at = 0;
    std::string level;  ///< "info", "warning", "error"
    std::string code;
    host_api::Text message;
    std::string detail;
};

class DbActivity final : public host_api::Activity {
public:
    DbActivity(Database& db, DbSecrets& secrets) : _db(db), _secrets(secrets) {}

    /// Never throws: a log that cannot be written must not break the plugin's call.
    void record(const std::string& storeId, host_api::ActivityLevel level, const std::string& code,
                const host_api::Text& message, const std::string& detail) override;

    /// Newest last.
    std::vector<ActivityEntry> list(const std::string& storeId, std::size_t limit = 200);
    /// Newest first, of one level ("info", "warning", "error") or all when `level` is empty.
    std::vector<ActivityEntry> page(const std::string& storeId, const std::string& level, std::size_t offset,
                                    std::size_t limit);
    std::int64_t count(const std::string& storeId, const std::string& level);

    static const char* levelName(host_api::ActivityLevel level);

private:
    Database& _db;
    DbSecrets& _secrets;
};

}  // namespace estore::host

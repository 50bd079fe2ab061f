#include "estore/host/services/db_activity.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include <algorithm>
#include <iostream>

#include "estore/host/core/error_text.h"
#include "estore/host/core/redactor.h"
#include "estore/host/services/db_secrets.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/sequence.h"
#include "estore/host/storage/transaction.h"

using namespace Poco::Data::Keywords;
using Poco::Int64;

namespace estore::host {

const char* DbActivity::levelName(host_api::ActivityLevel level) {
    switch (level) {
        case host_api::ActivityLevel::Info: return "info";
        case host_api::ActivityLevel::Warning: return "warning";
        case host_api::ActivityLevel::Error: return "error";
    }
    return "info";
}

void DbActivity::record(const std::string& storeId, host_api::ActivityLevel level, const std::string& code,
                        const host_api::Text& message, const std::string& detail) {
    try {
        const Redactor redactor(_secrets.values(storeId));
        const host_api::Text text = redactor.scrub(message);
        Transaction tx(_db);
        const Int64 id = Sequence::next(_db, "activity");
        _db.session() << _db.sql(
            "INSERT INTO activity (id, store_id, at, level, code, message_sl, message_en, detail) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            bind(id), bind(storeId), bind(Int64(Database::nowMillis())), bind(std::string(levelName(level))),
            bind(redactor.scrub(code)), bind(text.sl), bind(text.en), bind(redactor.scrub(detail)), now;
        tx.commit();
    } catch (const std::exception& e) {
        std::cerr << "estore-host: activity for " << storeId << " not recorded (" << code
                  << "): " << errorText(e) << "\n";
    }
}

std::vector<ActivityEntry> DbActivity::list(const std::string& storeId, std::size_t limit) {
    auto entries = page(storeId, "", 0, limit);
    std::reverse(entries.begin(), entries.end());  // oldest first, as a log reads
    return entries;
}

std::vector<ActivityEntry> DbActivity::page(const std::string& storeId, const std::string& level,
                                            std::size_t offset, std::size_t limit) {
    using Row = Poco::Tuple<Int64, std::string, Int64, std::string, std::string, std::string, std::string,
                            std::string>;
    std::vector<Row> rows;
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql(
        "SELECT id, store_id, at, level, code, message_sl, message_en, detail FROM activity "
        "WHERE store_id = ?" +
        std::string(level.empty() ? "" : " AND level = ?") + " ORDER BY id DESC LIMIT ? OFFSET ?"),
        bind(storeId), into(rows);
    if (!level.empty()) statement, bind(level);
    statement, bind(static_cast<Int64>(limit)), bind(static_cast<Int64>(offset));
    statement.execute();
    std::vector<ActivityEntry> entries;
    for (const auto& row : rows)
        entries.push_back({row.get<0>(),
                           row.get<1>(),
                           row.get<2>(),
                           row.get<3>(),
                           row.get<4>(),
                           {row.get<5>(), row.get<6>()},
                           row.get<7>()});
    return entries;
}

std::int64_t DbActivity::count(const std::string& storeId, const std::string& level) {
    Int64 n = 0;
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql("SELECT COUNT(*) FROM activity WHERE store_id = ?" +
                         std::string(level.empty() ? "" : " AND level = ?")),
        bind(storeId), into(n);
    if (!level.empty()) statement, bind(level);
    statement.execute();
    return n;
}

}  // namespace estore::host

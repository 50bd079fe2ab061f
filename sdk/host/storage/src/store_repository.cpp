#include "estore/host/storage/store_repository.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include "estore/host/core/json_codec.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/sequence.h"

using namespace Poco::Data::Keywords;

namespace estore::host {

bool StoreRecord::paused() const {
    return status == StoreRepository::kNeedsAttention;
}

std::string StoreRepository::newId(const std::string& platform) {
    return platform + "-" + std::to_string(Sequence::next(_db, "store"));
}

void StoreRepository::insert(const StoreRecord& store) {
    const std::string settings = JsonCodec::mapToText(store.settings);
    const std::string shop = JsonCodec::shopToText(store.shop);
    const Poco::Int64 updated = Database::nowMillis();
    const Poco::Int64 created = store.createdAt ? store.createdAt : updated;
    _db.session() << _db.sql(
        "INSERT INTO stores (id, platform, settings, shop, status, status_detail, created_at, "
        "updated_at, claims) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)"),
        bind(store.id), bind(store.platform), bind(settings), bind(shop),
        bind(store.status.empty() ? std::string(kActive) : store.status), bind(store.statusDetail),
        bind(created), bind(updated), now;
}

std::optional<StoreRecord> StoreRepository::find(const std::string& id) {
    auto rows = select(" WHERE id = ?", id);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<StoreRecord> StoreRepository::list() {
    return select("", {});
}

std::vector<StoreRecord> StoreRepository::select(const std::string& where, const std::string& id) {
    using Row = Poco::Tuple<std::string, std::string, std::string, std::string, std::string, std::string,
                            Poco::Int64, Poco::Int64, std::string, std::string, std::string, std::string>;
    std::vector<Row> rows;
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql(
        "SELECT id, platform, settings, shop, status, status_detail, created_at, updated_at, status_code, "
        "status_category, status_message_sl, status_message_en FROM stores" +
        where + " ORDER BY created_at, id"),
        into(rows);
    if (!where.empty()) statement, bind(id);
    statement.execute();

    std::vector<StoreRecord> stores;
    for (const auto& row : rows) {
        StoreRecord store;
        store.id = row.get<0>();
        store.platform = row.get<1>();
        store.settings = JsonCodec::mapFromText(row.get<2>());
        store.shop = JsonCodec::shopFromText(row.get<3>());
        store.status = row.get<4>();
        store.statusDetail = row.get<5>();
        store.createdAt = row.get<6>();
        store.updatedAt = row.get<7>();
        store.statusCode = row.get<8>();
        store.statusCategory = row.get<9>();
        store.statusMessage = {row.get<10>(), row.get<11>()};
        stores.push_back(std::move(store));
    }
    return stores;
}

bool StoreRepository::setNeedsAttention(const std::string& id, const host_api::Outcome& cause) {
    const std::string status = kNeedsAttention;
    const std::string detail = cause.message.en + " [" + cause.code + "]";
    const std::string category = host_api::categoryName(cause.category);
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql(
        "UPDATE stores SET status = ?, status_detail = ?, status_code = ?, status_category = ?, "
        "status_message_sl = ?, status_message_en = ?, updated_at = ? "
        "WHERE id = ? AND (status <> ? OR status_code <> ?)"),
        bind(status), bind(detail), bind(cause.code), bind(category), bind(cause.message.sl),
        bind(cause.message.en), bind(Poco::Int64(Database::nowMillis())), bind(id), bind(status),
        bind(cause.code);
    return statement.execute() > 0;
}

bool StoreRepository::setActive(const std::string& id) {
    const std::string status = kActive;
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql(
        "UPDATE stores SET status = ?, status_detail = '', status_code = '', status_category = '', "
        "status_message_sl = '', status_message_en = '', updated_at = ? WHERE id = ? AND status <> ?"),
        bind(status), bind(Poco::Int64(Database::nowMillis())), bind(id), bind(status);
    return statement.execute() > 0;
}

void StoreRepository::updateConfiguration(const std::string& id, const host_api::Settings& settings,
                                          const host_api::ShopIdentity& shop) {
    _db.session() << _db.sql("UPDATE stores SET settings = ?, shop = ?, updated_at = ? WHERE id = ?"),
        bind(JsonCodec::mapToText(settings)), bind(JsonCodec::shopToText(shop)),
        bind(Poco::Int64(Database::nowMillis())), bind(id), now;
}

bool StoreRepository::remove(const std::string& id) {
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql("DELETE FROM stores WHERE id = ?"), bind(id);
    return statement.execute() > 0;
}

}  // namespace estore::host

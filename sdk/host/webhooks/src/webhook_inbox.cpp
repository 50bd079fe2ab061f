#include "estore/host/webhooks/webhook_inbox.h"

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>
#include <sqlite3.h>

#include <memory>

#include "estore/host/core/json_codec.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/sequence.h"
#include "estore/host/storage/transaction.h"

using namespace Poco::Data::Keywords;
using Poco::Int64;

namespace estore::host {

namespace {

constexpr const char* kInsert =
    "INSERT INTO webhook_inbox (id, store_id, received_at, method, content_type, headers, body, "
    "status, code, reason) VALUES ";
constexpr std::size_t kRowsPerStatement = 100;

std::string statusOf(const InboxRow& row) {
    return row.rejectReason.empty() ? "pending" : "rejected";
}

std::string codeOf(const InboxRow& row) {
    return row.rejectReason.empty() ? "" : "host.webhook_malformed";
}

constexpr const char* kColumns =
    "SELECT id, store_id, received_at, method, content_type, headers, body, status, code, reason "
    "FROM webhook_inbox";

}  // namespace

std::int64_t WebhookInbox::add(const InboxEntry& entry, const std::string& rejectReason) {
    Transaction tx(_db);
    InboxRow row{entry, JsonCodec::mapToText(entry.headers), rejectReason};
    row.id = Sequence::next(_db, "webhook");
    insertAll({&row});
    tx.commit();
    return row.id;
}

void WebhookInbox::insertAll(const std::vector<const InboxRow*>& rows) {
    if (rows.empty()) return;
    if (_db.dialect() == SqlDialect::SQLite)
        insertEach(rows);
    else
        for (std::size_t at = 0; at < rows.size(); at += kRowsPerStatement)
            insertTogether(rows, at, std::min(rows.size(), at + kRowsPerStatement));
}

void WebhookInbox::insertEach(const std::vector<const InboxRow*>& rows) {
    // SQLite's own API: Poco 1.11 prepares a statement again on every execute(), which cost more than
    // the inserts themselves. Prepared once per batch; runs on the session's connection, so inside the
    // caller's transaction.
    sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(_db.session());
    const std::string sql = std::string(kInsert) + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt* prepared = nullptr;
    if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &prepared, nullptr) != SQLITE_OK)
        throw DatabaseError(std::string("webhook inbox insert: ") + sqlite3_errmsg(handle));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(prepared, sqlite3_finalize);
    auto text = [&](int column, const std::string& value) {
        sqlite3_bind_text(prepared, column, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
    };
    for (const InboxRow* row : rows) {
        const std::string status = statusOf(*row);
        const std::string code = codeOf(*row);
        sqlite3_bind_int64(prepared, 1, row->id);
        text(2, row->storeId);
        sqlite3_bind_int64(prepared, 3, row->receivedAt);
        text(4, row->method);
        text(5, row->contentType);
        text(6, row->headersText);
        text(7, row->body);
        text(8, status);
        text(9, code);
        text(10, row->rejectReason);
        const int result = sqlite3_step(prepared);
        sqlite3_reset(prepared);
        if (result != SQLITE_DONE)
            throw DatabaseError(std::string("webhook inbox insert: ") + sqlite3_errmsg(handle));
    }
}

void WebhookInbox::insertTogether(const std::vector<const InboxRow*>& rows, std::size_t from,
                                  std::size_t to) {
    std::string sql = kInsert;
    for (std::size_t i = from; i < to; ++i)
        sql += i > from ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    Poco::Data::Statement insert(_db.session());
    insert << _db.sql(sql);
    for (std::size_t i = from; i < to; ++i) {
        const InboxRow& row = *rows[i];
        insert, bind(Int64(row.id)), bind(row.storeId), bind(Int64(row.receivedAt)), bind(row.method),
            bind(row.contentType), bind(row.headersText), bind(row.body), bind(statusOf(row)),
            bind(codeOf(row)), bind(row.rejectReason);
    }
    insert.execute();
}

std::map<std::int64_t, std::pair<std::string, std::int64_t>> WebhookInbox::receivedAtById(
    const std::vector<std::int64_t>& ids) {
    std::map<std::int64_t, std::pair<std::string, std::int64_t>> found;
    if (ids.empty()) return found;
    std::string sql = "SELECT id, store_id, received_at FROM webhook_inbox WHERE id IN (";
    for (std::size_t i = 0; i < ids.size(); ++i) sql += i ? ", ?" : "?";
    std::vector<Poco::Tuple<Int64, std::string, Int64>> rows;
    Poco::Data::Statement select(_db.session());
    select << _db.sql(sql + ")"), into(rows);
    for (const auto id : ids) select, bind(Int64(id));
    select.execute();
    for (const auto& row : rows) found[row.get<0>()] = {row.get<1>(), row.get<2>()};
    return found;
}

std::vector<InboxEntry> WebhookInbox::claim(const std::string& owner, std::int64_t nowMs,
                                            std::int64_t leaseMillis, std::size_t limit) {
    // One statement claims the batch: the outer conditions are checked again on each row as it is
    // updated, so two workers racing for the same rows cannot both get one. The owner is unique per call.
    // PostgreSQL: the batch is locked with SKIP LOCKED, so concurrent workers take different rows instead
    // of waiting for each other and then finding them taken.
    _db.session() << _db.sql(
        std::string("UPDATE webhook_inbox SET lease_owner = ?, lease_until = ? WHERE status = 'pending' "
                    "AND (lease_owner IS NULL OR lease_until < ?) AND id IN (SELECT id FROM webhook_inbox "
                    "WHERE status = 'pending' AND (lease_owner IS NULL OR lease_until < ?) ORDER BY id "
                    "LIMIT ?") +
        (_db.dialect() == SqlDialect::PostgreSQL ? " FOR UPDATE SKIP LOCKED)" : ")")),
        bind(owner), bind(Int64(nowMs + leaseMillis)), bind(Int64(nowMs)), bind(Int64(nowMs)),
        bind(Int64(limit)), now;
    return select(" WHERE lease_owner = ?", owner, 0);
}

bool WebhookInbox::finish(std::int64_t id, const std::string& owner, const std::string& status,
                          const std::string& code, const std::string& reason) {
    Poco::Data::Statement update(_db.session());
    update << _db.sql(
        "UPDATE webhook_inbox SET status = ?, code = ?, reason = ?, processed_at = ?, lease_owner = NULL, "
        "lease_until = NULL WHERE id = ? AND lease_owner = ?"),
        bind(status), bind(code), bind(reason), bind(Int64(Database::nowMillis())), bind(Int64(id)),
        bind(owner);
    return update.execute() > 0;
}

std::map<std::string, std::int64_t> WebhookInbox::countByStatus(const std::string& storeId) {
    std::vector<Poco::Tuple<std::string, Int64>> rows;
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql(std::string("SELECT status, COUNT(*) FROM webhook_inbox") +
                         (storeId.empty() ? "" : " WHERE store_id = ?") + " GROUP BY status"),
        into(rows);
    if (!storeId.empty()) statement, bind(storeId);
    statement.execute();
    std::map<std::string, std::int64_t> counts;
    for (const auto& row : rows) counts[row.get<0>()] = row.get<1>();
    return counts;
}

std::vector<InboxEntry> WebhookInbox::list(const std::string& storeId) {
    return select(" WHERE store_id = ?", storeId, 0);
}

std::vector<InboxEntry> WebhookInbox::select(const std::string& where, const std::string& text,
                                             std::int64_t id) {
    using Row = Poco::Tuple<Int64, std::string, Int64, std::string, std::string, std::string, std::string,
                            std::string, std::string, std::string>;
    std::vector<Row> rows;
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql(std::string(kColumns) + where + " ORDER BY id"), into(rows);
    // Ids are bound as numbers: PostgreSQL does not compare BIGINT with text.
    if (id != 0)
        statement, bind(Int64(id));
    else
        statement, bind(text);
    statement.execute();
    std::vector<InboxEntry> entries;
    for (const auto& row : rows) {
        InboxEntry entry;
        entry.id = row.get<0>();
        entry.storeId = row.get<1>();
        entry.receivedAt = row.get<2>();
        entry.method = row.get<3>();
        entry.contentType = row.get<4>();
        entry.headers = JsonCodec::mapFromText(row.get<5>());
        entry.body = row.get<6>();
        entry.status = row.get<7>();
        entry.code = row.get<8>();
        entry.reason = row.get<9>();
        entries.push_back(std::move(entry));
    }
    return entries;
}

}  // namespace estore::host

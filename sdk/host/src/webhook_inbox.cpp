#include "estore/host/webhook_inbox.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include "estore/host/database.h"
#include "estore/host/json_codec.h"
#include "estore/host/sequence.h"
#include "estore/host/transaction.h"

using namespace Poco::Data::Keywords;
using Poco::Int64;

namespace estore::host {

namespace {

constexpr const char* kColumns =
    "SELECT id, store_id, received_at, method, content_type, headers, body, status, code, reason "
    "FROM webhook_inbox";

}  // namespace

std::int64_t WebhookInbox::add(const InboxEntry& entry, const std::string& rejectReason) {
    Transaction tx(_db);
    const Int64 id = Sequence::next(_db, "webhook");
    insertAll(id, {&entry}, {rejectReason});
    tx.commit();
    return id;
}

void WebhookInbox::insertAll(std::int64_t firstId, const std::vector<const InboxEntry*>& entries,
                             const std::vector<std::string>& rejectReasons) {
    if (entries.empty()) return;
    std::string sql =
        "INSERT INTO webhook_inbox (id, store_id, received_at, method, content_type, headers, body, status, "
        "code, reason) VALUES ";
    for (std::size_t i = 0; i < entries.size(); ++i)
        sql += i ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    Poco::Data::Statement insert(_db.session());
    insert << _db.sql(sql);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const InboxEntry& entry = *entries[i];
        const std::string& reason = rejectReasons[i];
        insert, bind(Int64(firstId + static_cast<std::int64_t>(i))), bind(entry.storeId),
            bind(Int64(entry.receivedAt)), bind(entry.method), bind(entry.contentType),
            bind(JsonCodec::mapToText(entry.headers)), bind(entry.body),
            bind(std::string(reason.empty() ? "pending" : "rejected")),
            bind(std::string(reason.empty() ? "" : "host.webhook_malformed")), bind(reason);
    }
    insert.execute();
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

#pragma once
// The durable inbox of webhook requests. The endpoint writes a row (committed) before it answers 200,
// so nothing accepted is lost; the runner claims pending rows with a lease, like jobs, so any worker
// may process them and a worker that dies leaves a lease that simply expires.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace estore::host {

class Database;

/// What every inbox entry has, however it is held.
struct InboxRequest {
    std::int64_t id = 0;
    std::string storeId;
    std::int64_t receivedAt = 0;
    std::string method;
    std::string contentType;
    std::string body;
};

/// An entry as it is read back.
struct InboxEntry : InboxRequest {
    std::map<std::string, std::string> headers;  ///< without anything secret
    std::string status;                          ///< pending, processed, rejected
    std::string code;                            ///< the plugin's ack code, or why the host rejected it
    std::string reason;
};

/// An entry as it is written: the headers already as JSON text; rejected (with the reason) when the
/// reason is not empty, pending otherwise.
struct InboxRow : InboxRequest {
    std::string headersText;
    std::string rejectReason;
};

class WebhookInbox {
public:
    explicit WebhookInbox(Database& db) : _db(db) {}

    /// Stores a request. An empty rejectReason leaves it pending; otherwise it is stored as rejected.
    std::int64_t add(const InboxEntry& entry, const std::string& rejectReason = {});
    /// Stores rows under the ids they carry (reserved by the caller from the "webhook" counter), in the
    /// caller's transaction. SQLite: one statement prepared once and run per row (in process, nothing to
    /// save by sending them together, and parsing one long statement costs more than the rows);
    /// PostgreSQL: multi-row INSERTs, one round trip per 100 rows.
    void insertAll(const std::vector<const InboxRow*>& rows);
    /// For those of `ids` that are taken: the store and received time of the entry under each.
    std::map<std::int64_t, std::pair<std::string, std::int64_t>> receivedAtById(
        const std::vector<std::int64_t>& ids);
    /// Claims up to `limit` pending entries whose lease is free or expired, oldest first.
    std::vector<InboxEntry> claim(const std::string& owner, std::int64_t nowMs, std::int64_t leaseMillis,
                                  std::size_t limit);
    /// Records the outcome of a claimed entry; false when the lease was lost meanwhile.
    bool finish(std::int64_t id, const std::string& owner, const std::string& status, const std::string& code,
                const std::string& reason);
    /// Count of entries per status (for tests and the store listing).
    std::map<std::string, std::int64_t> countByStatus(const std::string& storeId = {});
    std::vector<InboxEntry> list(const std::string& storeId);

private:
    void insertEach(const std::vector<const InboxRow*>& rows);
    /// rows[from, to) in one INSERT.
    void insertTogether(const std::vector<const InboxRow*>& rows, std::size_t from, std::size_t to);
    /// Rows matching `where`, which binds either the text (a store id or lease owner) or, if not 0, the id.
    std::vector<InboxEntry> select(const std::string& where, const std::string& text, std::int64_t id);

    Database& _db;
};

}  // namespace estore::host

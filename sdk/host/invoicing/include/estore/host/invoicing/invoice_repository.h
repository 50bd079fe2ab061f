#pragma once
// The invoices table and the per premise-device counters. Numbers are taken with an UPDATE of the
// counter row inside the caller's transaction, the same one that inserts the invoice: a rollback gives
// the number back, so there are no gaps, and the row lock (SQLite: the write lock) makes concurrent
// issuers queue up, so there are no repeats.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "estore/host/invoicing/invoice.h"

namespace estore::host {

class Database;

/// A fiscal invoice still without its EOR, as the submitter sees it.
struct FiscalBacklogEntry {
    std::string number;
    std::string storeId;
    std::int64_t issuedAtMillis = 0;
    std::int64_t dueMillis = 0;  ///< its next submission may start then
    std::int64_t attempts = 0;   ///< submissions made so far
    std::int64_t warned = 0;     ///< 0; 1 after the one-working-day warning; 2 after the deadline error
    std::string lastError;       ///< what the last submission met
};

class InvoiceRepository {
public:
    explicit InvoiceRepository(Database& db) : _db(db) {}

    /// The next sequence number for the premise and device (1 for the first); must run in a transaction.
    std::int64_t takeNumber(const std::string& premise, const std::string& device);
    /// Stores the document; creditKey is 0 for an invoice, the refunded cents after a credit note.
    /// fiscalDueMillis: when a fiscal invoice may first be sent by anyone but its issuer.
    void insert(const Invoice& invoice, std::int64_t creditKey, std::int64_t fiscalDueMillis = 0);

    /// Invoices whose e-mail is pending or failed and due at nowMillis: (number, due), oldest first.
    std::vector<std::pair<std::string, std::int64_t>> mailBacklog(std::int64_t nowMillis, std::size_t limit);
    /// Takes the e-mail's next delivery for this process (its due time from expectedDue to newDue, which only
    /// one worker can do). False: another worker has it, or it is no longer pending or failed.
    bool claimMail(const std::string& number, std::int64_t expectedDue, std::int64_t newDue);
    /// A delivery's result ("sent", "outbox", "no_address", "bad_address", "failed"); returns the attempts
    /// made so far. Any state but "failed" is final (due 0).
    std::int64_t recordMail(const std::string& number, const std::string& state);
    /// When a failed e-mail is tried next.
    void postponeMail(const std::string& number, std::int64_t dueMillis);

    /// Fiscal invoices without an EOR whose next submission is due at nowMillis, oldest first.
    std::vector<FiscalBacklogEntry> fiscalBacklog(std::int64_t nowMillis, std::size_t limit);
    /// Takes the invoice's next submission for this process: moves its due time from expectedDue to
    /// newDue, which only one of several workers can do. False: another one has it, or it has its EOR.
    bool claimSubmission(const std::string& number, std::int64_t expectedDue, std::int64_t newDue);
    /// FURS's EOR. An invoice keeps the first EOR it gets; false when it already had one.
    bool recordEor(const std::string& number, const std::string& eor);
    /// A submission without an EOR: state "subsequent", the reason, when to try again.
    void recordSubmissionFailure(const std::string& number, const std::string& error, std::int64_t dueMillis);
    /// Raises the invoice's warning level; false when it was there already (another worker said it).
    bool raiseFiscalWarning(const std::string& number, std::int64_t level);
    /// Fiscal invoices by state ("pending", "subsequent", "verified").
    std::vector<std::pair<std::string, std::int64_t>> fiscalStateCounts();

    /// The order's documents, in the order they were issued.
    std::vector<Invoice> forOrder(const std::string& storeId, const std::string& orderExternalId);
    std::vector<Invoice> list(const std::string& storeId);
    /// The store's invoices and credit notes, newest first, `limit` of them from `offset`.
    std::vector<Invoice> page(const std::string& storeId, std::int64_t offset, std::int64_t limit);
    std::optional<Invoice> find(const std::string& number);
    std::int64_t count(const std::string& storeId);

private:
    std::vector<Invoice> select(const std::string& where, const std::vector<std::string>& values,
                                const std::string& order = " ORDER BY issued_at, premise, device, sequence");

    Database& _db;
};

}  // namespace estore::host

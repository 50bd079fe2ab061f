#include "estore/host/invoicing/invoice_repository.h"

#include <algorithm>

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include <stdexcept>

#include "estore/host/invoicing/invoice_json.h"
#include "estore/host/storage/database.h"
#include "estore/sdk/amount.h"

using namespace Poco::Data::Keywords;
using Poco::Int64;

namespace estore::host {

std::int64_t InvoiceRepository::takeNumber(const std::string& premise, const std::string& device) {
    if (!_db.inTransaction()) throw std::logic_error("invoice numbers are taken only inside a transaction");
    // The UPDATE locks the counter row until the invoice's transaction ends (SQLite: the whole database),
    // so a concurrent invoice of the same premise and device waits and then takes the next number, and a
    // rolled-back invoice gives its number back: gapless and never repeated, on any number of workers.
    auto increment = [this, &premise, &device] {
        Poco::Data::Statement update(_db.session());
        update << _db.sql(
            "UPDATE invoice_sequences SET next_value = next_value + 1 WHERE premise = ? AND device = ?"),
            bind(premise), bind(device);
        return update.execute() > 0;
    };
    if (!increment()) {
        // The first invoice of this premise and device. A concurrent first one waits on the new key and
        // then does nothing, so both go on to the row lock above.
        _db.session() << _db.sql(
            "INSERT INTO invoice_sequences (premise, device, next_value) VALUES (?, ?, 1) "
            "ON CONFLICT (premise, device) DO NOTHING"),
            bind(premise), bind(device), now;
        if (!increment())
            throw std::runtime_error("the invoice counter " + premise + "-" + device + " is missing");
    }
    Int64 value = 0;
    _db.session() << _db.sql("SELECT next_value - 1 FROM invoice_sequences WHERE premise = ? AND device = ?"),
        bind(premise), bind(device), into(value), now;
    return value;
}

void InvoiceRepository::insert(const Invoice& invoice, std::int64_t creditKey, std::int64_t fiscalDueMillis) {
    const std::string total = sdk::toDecimal(invoice.totalGross).toString(2);
    const Int64 fiscal = invoice.fiscal.fiscal ? 1 : 0;
    const std::string document = InvoiceJson::toText(invoice);
    _db.session() << _db.sql(
        "INSERT INTO invoices (number, store_id, order_external_id, order_number, kind, refers_to, premise, "
        "device, sequence, credit_key, issued_at, total_gross, currency, fiscal, zoi, fiscal_state, "
        "email_state, document, eor, fiscal_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, "
        "?, ?)"),
        bind(invoice.number), bind(invoice.storeId), bind(invoice.orderExternalId), bind(invoice.orderNumber),
        bind(std::string(invoiceKindName(invoice.kind))), bind(invoice.refersTo), bind(invoice.premise),
        bind(invoice.device), bind(Int64(invoice.sequence)), bind(Int64(creditKey)),
        bind(Int64(invoice.issuedAtMillis)), bind(total), bind(invoice.currency), bind(fiscal),
        bind(invoice.fiscal.zoi), bind(invoice.fiscal.state), bind(invoice.emailState), bind(document),
        bind(invoice.fiscal.eor), bind(Int64(fiscalDueMillis)), now;
}

std::vector<std::pair<std::string, std::int64_t>> InvoiceRepository::mailBacklog(std::int64_t nowMillis,
                                                                                 std::size_t limit) {
    std::vector<Poco::Tuple<std::string, Int64>> rows;
    const Int64 due = nowMillis;
    const Int64 most = static_cast<Int64>(limit);
    _db.session() << _db.sql(
        "SELECT number, email_due FROM invoices WHERE email_state IN ('pending', 'failed') AND email_due <= "
        "? "
        "ORDER BY issued_at, number LIMIT ?"),
        bind(due), bind(most), into(rows), now;
    std::vector<std::pair<std::string, std::int64_t>> backlog;
    for (const auto& r : rows) backlog.emplace_back(r.get<0>(), r.get<1>());
    return backlog;
}

bool InvoiceRepository::claimMail(const std::string& number, std::int64_t expectedDue, std::int64_t newDue) {
    Poco::Data::Statement update(_db.session());
    update << _db.sql(
        "UPDATE invoices SET email_due = ? WHERE number = ? AND email_due = ? "
        "AND email_state IN ('pending', 'failed')"),
        bind(Int64(newDue)), bind(number), bind(Int64(expectedDue));
    return update.execute() == 1;
}

std::int64_t InvoiceRepository::recordMail(const std::string& number, const std::string& state) {
    // Columns of their own (select() lays the state over the document): no read-modify-write of the
    // document that could undo another worker's EOR.
    _db.session() << _db.sql(
        "UPDATE invoices SET email_state = ?, email_due = 0, email_attempts = email_attempts + 1 "
        "WHERE number = ?"),
        bind(state), bind(number), now;
    Int64 attempts = 0;
    _db.session() << _db.sql("SELECT email_attempts FROM invoices WHERE number = ?"), bind(number),
        into(attempts), now;
    return attempts;
}

void InvoiceRepository::postponeMail(const std::string& number, std::int64_t dueMillis) {
    _db.session() << _db.sql("UPDATE invoices SET email_due = ? WHERE number = ? AND email_state = 'failed'"),
        bind(Int64(dueMillis)), bind(number), now;
}

std::vector<FiscalBacklogEntry> InvoiceRepository::fiscalBacklog(std::int64_t nowMillis, std::size_t limit) {
    std::vector<Poco::Tuple<std::string, std::string, Int64, Int64, Int64, Int64, std::string>> rows;
    const Int64 due = nowMillis;
    const Int64 most = static_cast<Int64>(limit);
    _db.session() << _db.sql(
        "SELECT number, store_id, issued_at, fiscal_due, fiscal_attempts, fiscal_warned, fiscal_error FROM "
        "invoices "
        "WHERE fiscal = 1 AND fiscal_state IN ('pending', 'subsequent') AND fiscal_due <= ? "
        "ORDER BY issued_at, number LIMIT ?"),
        bind(due), bind(most), into(rows), now;
    std::vector<FiscalBacklogEntry> backlog;
    for (const auto& r : rows)
        backlog.push_back(
            {r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(), r.get<6>()});
    return backlog;
}

bool InvoiceRepository::claimSubmission(const std::string& number, std::int64_t expectedDue,
                                        std::int64_t newDue) {
    Poco::Data::Statement update(_db.session());
    update << _db.sql(
        "UPDATE invoices SET fiscal_due = ? WHERE number = ? AND fiscal_due = ? AND eor = '' "
        "AND fiscal_state IN ('pending', 'subsequent')"),
        bind(Int64(newDue)), bind(number), bind(Int64(expectedDue));
    return update.execute() == 1;
}

bool InvoiceRepository::recordEor(const std::string& number, const std::string& eor) {
    Poco::Data::Statement update(_db.session());
    update << _db.sql(
        "UPDATE invoices SET eor = ?, fiscal_state = 'verified', fiscal_error = '', "
        "fiscal_attempts = fiscal_attempts + 1 WHERE number = ? AND eor = ''"),
        bind(eor), bind(number);
    return update.execute() == 1;
}

void InvoiceRepository::recordSubmissionFailure(const std::string& number, const std::string& error,
                                                std::int64_t dueMillis) {
    _db.session() << _db.sql(
        "UPDATE invoices SET fiscal_state = 'subsequent', fiscal_error = ?, fiscal_due = ?, "
        "fiscal_attempts = fiscal_attempts + 1 WHERE number = ? AND eor = ''"),
        bind(error), bind(Int64(dueMillis)), bind(number), now;
}

bool InvoiceRepository::raiseFiscalWarning(const std::string& number, std::int64_t level) {
    Poco::Data::Statement update(_db.session());
    update << _db.sql("UPDATE invoices SET fiscal_warned = ? WHERE number = ? AND fiscal_warned < ?"),
        bind(Int64(level)), bind(number), bind(Int64(level));
    return update.execute() == 1;
}

std::vector<std::pair<std::string, std::int64_t>> InvoiceRepository::fiscalStateCounts() {
    std::vector<Poco::Tuple<std::string, Int64>> rows;
    _db.session() << _db.sql(
        "SELECT fiscal_state, COUNT(*) FROM invoices WHERE fiscal = 1 GROUP BY fiscal_state "
        "ORDER BY fiscal_state"),
        into(rows), now;
    std::vector<std::pair<std::string, std::int64_t>> counts;
    for (const auto& r : rows) counts.emplace_back(r.get<0>(), r.get<1>());
    return counts;
}

std::vector<Invoice> InvoiceRepository::select(const std::string& where,
                                               const std::vector<std::string>& values,
                                               const std::string& order) {
    std::vector<Poco::Tuple<std::string, std::string, std::string, std::string>> rows;
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql("SELECT document, eor, fiscal_state, email_state FROM invoices WHERE " + where +
                         order),
        into(rows);
    for (const auto& value : values) statement, bind(value);
    statement.execute();
    std::vector<Invoice> invoices;
    for (const auto& row : rows) {
        std::string error;
        auto invoice = InvoiceJson::fromText(row.get<0>(), &error);
        if (!invoice) continue;
        // What changes after issue lives in columns, each updated on its own by whoever changes it.
        invoice->fiscal.eor = row.get<1>();
        invoice->fiscal.state = row.get<2>();
        invoice->emailState = row.get<3>();
        invoices.push_back(std::move(*invoice));
    }
    return invoices;
}

std::vector<Invoice> InvoiceRepository::forOrder(const std::string& storeId,
                                                 const std::string& orderExternalId) {
    return select("store_id = ? AND order_external_id = ?", {storeId, orderExternalId});
}

std::vector<Invoice> InvoiceRepository::list(const std::string& storeId) {
    return select("store_id = ?", {storeId});
}

std::vector<Invoice> InvoiceRepository::page(const std::string& storeId, std::int64_t offset,
                                             std::int64_t limit) {
    // Whole numbers the caller gives, formatted here: LIMIT and OFFSET are no text to bind.
    return select("store_id = ?", {storeId},
                  " ORDER BY issued_at DESC, premise, device, sequence DESC LIMIT " +
                      std::to_string(std::max<std::int64_t>(limit, 0)) + " OFFSET " +
                      std::to_string(std::max<std::int64_t>(offset, 0)));
}

std::optional<Invoice> InvoiceRepository::find(const std::string& number) {
    auto found = select("number = ?", {number});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::int64_t InvoiceRepository::count(const std::string& storeId) {
    Int64 count = 0;
    _db.session() << _db.sql("SELECT COUNT(*) FROM invoices WHERE store_id = ?"), bind(storeId), into(count),
        now;
    return count;
}

}  // namespace estore::host

#include "estore/host/storage/schema_migrator.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include <string>
#include <vector>

#include "estore/host/storage/database.h"
#include "estore/host/storage/transaction.h"

using namespace Poco::Data::Keywords;

namespace estore::host {

namespace {

struct NamedRow {
    const char* code;
    const char* name;
};

// Realistic defaults for a small Slovenian company, so the dialog has something to offer at once.
const NamedRow kWarehouses[] = {
    {"GLAVNO", "Glavno skladišče"},
    {"SPLET", "Skladišče spletne trgovine"},
    {"TRGOVINA", "Skladišče prodajalne"},
};

const NamedRow kCostCenters[] = {
    {"SPLET", "Spletna prodaja"},
    {"MP", "Maloprodaja"},
    {"VP", "Veleprodaja"},
};

}  // namespace

std::int64_t SchemaMigrator::currentVersion(Database& db) {
    Poco::Nullable<Poco::Int64> version;
    db.session() << db.sql("SELECT MAX(version) FROM schema_version"), into(version), now;
    return version.isNull() ? 0 : static_cast<std::int64_t>(version.value());
}

void SchemaMigrator::migrate(Database& db) {
    Transaction tx(db);
    // PostgreSQL: hosts starting together on one database migrate one after the other (the lock ends
    // with the transaction). SQLite's BEGIN IMMEDIATE already does the same.
    if (db.dialect() == SqlDialect::PostgreSQL) db.execute("SELECT pg_advisory_xact_lock(7317001)");
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL, applied_at BIGINT NOT NULL)");
    const std::int64_t current = currentVersion(db);
    if (current > kVersion)
        throw DatabaseError("The database " + db.location() + " has schema version " +
                            std::to_string(current) + ", but this estore-host knows only versions up to " +
                            std::to_string(kVersion) +
                            ". Use a newer estore-host, or another database (--db).");
    if (current < 1) {
        createVersion1(db);
        seedCompany(db);
    }
    if (current < 2) createVersion2(db);
    if (current < 3) createVersion3(db);
    if (current < 4) createVersion4(db);
    if (current < 5) createVersion5(db);
    if (current < 6) createVersion6(db);
    if (current < 7) createVersion7(db);
    if (current < 8) createVersion8(db);
    if (current < 9) createVersion9(db);
    if (current < 10) createVersion10(db);
    if (current < kVersion) {
        Poco::Int64 version = kVersion;
        Poco::Int64 at = Database::nowMillis();
        db.session() << db.sql("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"),
            use(version), use(at), now;
    }
    tx.commit();
}

void SchemaMigrator::createVersion1(Database& db) {
    const std::vector<std::string> statements = {
        // Counters for host-made ids; an UPDATE on the row serialises concurrent callers.
        "CREATE TABLE sequences (name TEXT PRIMARY KEY, next_value BIGINT NOT NULL)",
        "INSERT INTO sequences (name, next_value) VALUES ('store', 1)",
        "INSERT INTO sequences (name, next_value) VALUES ('job', 1)",
        "INSERT INTO sequences (name, next_value) VALUES ('activity', 1)",
        // claims: touched by every job claim, so claimers of one store queue up on this row.
        "CREATE TABLE stores (id TEXT PRIMARY KEY, platform TEXT NOT NULL, settings TEXT NOT NULL, "
        "shop TEXT NOT NULL, status TEXT NOT NULL, status_detail TEXT NOT NULL, created_at BIGINT NOT NULL, "
        "updated_at BIGINT NOT NULL, claims BIGINT NOT NULL)",
        // Apart from settings, so no listing of stores can ever select them by accident.
        "CREATE TABLE store_secrets (store_id TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, "
        "PRIMARY KEY (store_id, name))",
        "CREATE TABLE jobs (id BIGINT PRIMARY KEY, store_id TEXT NOT NULL, job TEXT NOT NULL, args TEXT NOT "
        "NULL, "
        "interval_seconds BIGINT NOT NULL, next_run_at BIGINT NOT NULL, lease_owner TEXT, lease_until "
        "BIGINT, "
        "attempts BIGINT NOT NULL, last_status TEXT, last_error TEXT, last_summary TEXT, last_counts TEXT, "
        "last_run_at BIGINT, created_at BIGINT NOT NULL)",
        // One row per recurring job of a store; one-off runs may queue up beside it.
        "CREATE UNIQUE INDEX jobs_recurring ON jobs (store_id, job) WHERE interval_seconds > 0",
        "CREATE INDEX jobs_due ON jobs (next_run_at)",
        "CREATE TABLE store_state (store_id TEXT NOT NULL, state_key TEXT NOT NULL, value TEXT NOT NULL, "
        "updated_at BIGINT NOT NULL, PRIMARY KEY (store_id, state_key))",
        "CREATE TABLE activity (id BIGINT PRIMARY KEY, store_id TEXT NOT NULL, at BIGINT NOT NULL, "
        "level TEXT NOT NULL, code TEXT NOT NULL, message_sl TEXT NOT NULL, message_en TEXT NOT NULL, "
        "detail TEXT NOT NULL)",
        "CREATE INDEX activity_store ON activity (store_id, id)",
        "CREATE TABLE warehouses (code TEXT PRIMARY KEY, name TEXT NOT NULL)",
        "CREATE TABLE cost_centers (code TEXT PRIMARY KEY, name TEXT NOT NULL)",
        // Host-wide settings changed at run time; they override the config file.
        "CREATE TABLE host_config (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    };
    for (const auto& statement : statements) db.execute(statement);
}

void SchemaMigrator::createVersion2(Database& db) {
    const std::vector<std::string> statements = {
        // One row per (store, shop order): the unique key is what makes repeated imports harmless.
        // total_gross is decimal text and the document is the SDK's stable JSON, so no money is a float.
        "CREATE TABLE sales_orders (store_id TEXT NOT NULL, external_id TEXT NOT NULL, number TEXT NOT NULL, "
        "updated_at_millis BIGINT NOT NULL, status TEXT NOT NULL, payment_status TEXT NOT NULL, "
        "total_gross TEXT NOT NULL, currency TEXT NOT NULL, flagged BIGINT NOT NULL, document TEXT NOT NULL, "
        "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, UNIQUE (store_id, external_id))",
        // Why a store needs attention, kept whole (code, category, both languages) for the store list.
        "ALTER TABLE stores ADD COLUMN status_code TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE stores ADD COLUMN status_category TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE stores ADD COLUMN status_message_sl TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE stores ADD COLUMN status_message_en TEXT NOT NULL DEFAULT ''",
    };
    for (const auto& statement : statements) db.execute(statement);
}

void SchemaMigrator::createVersion3(Database& db) {
    const std::vector<std::string> statements = {
        "INSERT INTO sequences (name, next_value) VALUES ('webhook', 1)",
        // Only the SHA-256 of a store's webhook token: the token itself is shown once and never stored.
        "CREATE TABLE webhook_tokens (store_id TEXT PRIMARY KEY, token_hash TEXT NOT NULL, "
        "created_at BIGINT NOT NULL)",
        // Raw webhook requests, written before the endpoint answers 200; leased like jobs.
        "CREATE TABLE webhook_inbox (id BIGINT PRIMARY KEY, store_id TEXT NOT NULL, received_at BIGINT NOT "
        "NULL, method TEXT NOT NULL, content_type TEXT NOT NULL, headers TEXT NOT NULL, body TEXT NOT NULL, "
        "status TEXT NOT NULL, code TEXT NOT NULL, reason TEXT NOT NULL, lease_owner TEXT, lease_until "
        "BIGINT, processed_at BIGINT)",
        "CREATE INDEX webhook_inbox_pending ON webhook_inbox (status, id)",
    };
    for (const auto& statement : statements) db.execute(statement);
}

void SchemaMigrator::seedCompany(Database& db) {
    auto insert = [&db](const char* table, const NamedRow& row) {
        std::string code = row.code;
        std::string name = row.name;
        db.session() << db.sql(std::string("INSERT INTO ") + table + " (code, name) VALUES (?, ?)"),
            use(code), use(name), now;
    };
    for (const auto& row : kWarehouses) insert("warehouses", row);
    for (const auto& row : kCostCenters) insert("cost_centers", row);
}

void SchemaMigrator::createVersion4(Database& db) {
    const std::vector<std::string> statements = {
        // Quantities are exact decimals kept as canonical text ("12.5"): portable, never a float.
        "CREATE TABLE stock (warehouse TEXT NOT NULL, product_code TEXT NOT NULL, on_hand TEXT NOT NULL, "
        "reserved TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (warehouse, product_code))",
    };
    for (const auto& statement : statements) db.execute(statement);
}

void SchemaMigrator::createVersion5(Database& db) {
    const std::vector<std::string> statements = {
        // One counter per business premise and device: taking a number is an UPDATE of this row inside
        // the transaction that inserts the invoice, so numbers are gapless and never repeat.
        "CREATE TABLE IF NOT EXISTS invoice_sequences (premise TEXT NOT NULL, device TEXT NOT NULL, "
        "next_value BIGINT NOT NULL, PRIMARY KEY (premise, device))",
        // credit_key: 0 for the invoice, the refunded total in cents after a credit note, so one order has
        // one invoice and one credit note per refund step, however often it is imported.
        "CREATE TABLE IF NOT EXISTS invoices (number TEXT PRIMARY KEY, store_id TEXT NOT NULL, "
        "order_external_id TEXT NOT NULL, order_number TEXT NOT NULL, kind TEXT NOT NULL, refers_to TEXT "
        "NOT NULL, premise TEXT NOT NULL, device TEXT NOT NULL, sequence BIGINT NOT NULL, credit_key "
        "BIGINT NOT NULL, issued_at BIGINT NOT NULL, total_gross TEXT NOT NULL, currency TEXT NOT NULL, "
        "fiscal BIGINT NOT NULL, zoi TEXT NOT NULL, fiscal_state TEXT NOT NULL, email_state TEXT NOT "
        "NULL, document TEXT NOT NULL, UNIQUE (premise, device, sequence), UNIQUE (store_id, "
        "order_external_id, kind, credit_key))",
        "CREATE INDEX IF NOT EXISTS invoices_store ON invoices (store_id, issued_at)",
    };
    for (const auto& statement : statements) db.execute(statement);
}

void SchemaMigrator::createVersion6(Database& db) {
    db.execute("INSERT INTO sequences (name, next_value) VALUES ('webhook_tokens', 1)");
}

void SchemaMigrator::createVersion7(Database& db) {
    const std::vector<std::string> statements = {
        "ALTER TABLE invoices ADD COLUMN eor TEXT NOT NULL DEFAULT ''",
        // Epoch ms from which the submitter may (re)send the invoice to FURS; the issuing process holds it
        // a while so that no other worker sends it at the same time.
        "ALTER TABLE invoices ADD COLUMN fiscal_due BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE invoices ADD COLUMN fiscal_attempts BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE invoices ADD COLUMN fiscal_error TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE invoices ADD COLUMN fiscal_warned BIGINT NOT NULL DEFAULT 0",
        // Fiscal invoices issued before the host talked to FURS are sent now, as subsequent submissions.
        "UPDATE invoices SET fiscal_state = 'subsequent' WHERE fiscal_state = 'not_submitted'",
        "CREATE INDEX IF NOT EXISTS invoices_fiscal_due ON invoices (fiscal_state, fiscal_due)",
        "CREATE TABLE IF NOT EXISTS fiscal_premises (tax_number TEXT NOT NULL, premise TEXT NOT NULL, "
        "registered_at BIGINT NOT NULL, validity_date TEXT NOT NULL, closed BIGINT NOT NULL, message TEXT "
        "NOT "
        "NULL, PRIMARY KEY (tax_number, premise))",
    };
    for (const auto& statement : statements) db.execute(statement);
}

void SchemaMigrator::createVersion8(Database& db) {
    const std::vector<std::string> statements = {
        // Epoch ms from which an invoice's pending or failed e-mail may be sent (again); a sender moves it
        // on while it sends (MailQueue), so no two workers send one at once.
        "ALTER TABLE invoices ADD COLUMN email_due BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE invoices ADD COLUMN email_attempts BIGINT NOT NULL DEFAULT 0",
        "CREATE INDEX IF NOT EXISTS invoices_email_due ON invoices (email_state, email_due)",
    };
    for (const auto& statement : statements) db.execute(statement);
}

void SchemaMigrator::createVersion9(Database& db) {
    // The ECB's euro reference rates, one per currency and publication day (estore-host rates import): VAT
    // on an invoice in another currency is also stated in EUR at the rate of the day (ZDDV-1 Art. 82).
    db.execute(
        "CREATE TABLE IF NOT EXISTS exchange_rates (currency TEXT NOT NULL, day TEXT NOT NULL, rate TEXT NOT "
        "NULL, imported_at BIGINT NOT NULL, PRIMARY KEY (currency, day))");
}

void SchemaMigrator::createVersion10(Database& db) {
    const std::vector<std::string> statements = {
        // failed_signins and locked_until: the back-off after wrong passwords (UiUsers).
        "CREATE TABLE IF NOT EXISTS ui_users (name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, "
        "failed_signins BIGINT NOT NULL, locked_until BIGINT NOT NULL, created_at BIGINT NOT NULL)",
        // Only the SHA-256 of a session cookie is kept, so what the table holds signs nobody in.
        "CREATE TABLE IF NOT EXISTS ui_sessions (token_hash TEXT PRIMARY KEY, user_name TEXT NOT NULL, "
        "csrf TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)",
        // The counts a running job reported so far (the admin pages show them live).
        "ALTER TABLE jobs ADD COLUMN progress TEXT NOT NULL DEFAULT ''",
        // A store's orders newest first by the shop's numbering, a page at a time (the admin pages).
        "CREATE INDEX IF NOT EXISTS sales_orders_by_number ON sales_orders (store_id, LENGTH(number), "
        "number, "
        "external_id)",
        // Each store's order count, kept by DbSalesOrders as it inserts, so no page counts 100,000 rows.
        "CREATE TABLE IF NOT EXISTS store_order_counts (store_id TEXT PRIMARY KEY, orders BIGINT NOT NULL)",
        "INSERT INTO store_order_counts (store_id, orders) SELECT store_id, COUNT(*) FROM sales_orders GROUP "
        "BY "
        "store_id",
    };
    for (const auto& statement : statements) db.execute(statement);
}

}  // namespace estore::host

#pragma once
// Creates and upgrades the host's tables. The SQL is kept portable between SQLite and PostgreSQL:
// BIGINT epoch milliseconds for times, TEXT for strings and JSON, ids made by the host (no
// AUTOINCREMENT / SERIAL), and the version recorded in schema_version.
#include <cstdint>

namespace estore::host {

class Database;

class SchemaMigrator {
public:
    /// The newest schema this binary knows.
    static constexpr std::int64_t kVersion = 10;

    /// Brings the database up to kVersion in one transaction. Throws DatabaseError when the database
    /// was written by a newer estore-host (its schema version is higher than kVersion).
    static void migrate(Database& db);

    /// The version recorded in the database (0 for a new one).
    static std::int64_t currentVersion(Database& db);

private:
    static void createVersion1(Database& db);
    /// Sales orders (API 1.1) and the cause of a store's needs_attention status.
    static void createVersion2(Database& db);
    /// Webhook tokens (hashes only) and the durable webhook inbox.
    static void createVersion3(Database& db);
    /// Warehouse stock (issue 5).
    static void createVersion4(Database& db);
    /// Invoices, credit notes and their numbering (issue 6).
    static void createVersion5(Database& db);
    /// The webhook tokens' version counter (the endpoint's in-memory copy checks it).
    static void createVersion6(Database& db);
    /// Fiscal verification with FURS: an invoice's EOR, when its next submission is due, how many were
    /// made and the last error; the business premises registered with FURS.
    static void createVersion7(Database& db);
    static void createVersion8(Database& db);
    static void createVersion9(Database& db);
    /// The admin pages' users (salted PBKDF2 hashes), their sign-in sessions (hashes of the cookies), and a
    /// running job's progress.
    static void createVersion10(Database& db);
    static void seedCompany(Database& db);
};

}  // namespace estore::host

#pragma once
// One connection to the host's database. SQLite (a file) by default; the Poco Data connector is chosen
// from the connection string, so "postgresql://…" can use the same SQL once that connector is wired up.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace estore::host {

enum class SqlDialect { SQLite, PostgreSQL };

/// A database problem the user can act on (wrong path, newer schema, …); the message says what to do.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Database {
public:
    /// A plain path (or "sqlite:PATH") opens an SQLite file, creating its folder; "postgresql://…"
    /// opens PostgreSQL. Migrates the schema; refuses a database newer than this binary.
    explicit Database(const std::string& connection);
    ~Database();

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// The connection; opened again first if a reconnect failed earlier (throws while the server is away).
    Poco::Data::Session& session();
    SqlDialect dialect() const { return _dialect; }
    /// Where the data lives, for messages (a file path, or the connection string without password).
    const std::string& location() const { return _location; }

    /// The statement in this connection's dialect: the code writes '?' placeholders, PostgreSQL wants $1, $2,
    /// ….
    std::string sql(const std::string& text) const;
    /// '?' → $1, $2, … outside quoted literals (the PostgreSQL form).
    static std::string numberedPlaceholders(const std::string& text);

    /// Runs a statement that returns no rows; returns the number of rows it changed.
    std::size_t execute(const std::string& text);

    // Transactions are flat: a Transaction inside another one joins it (see transaction.h).
    void begin();
    void commit();
    void rollback();
    bool inTransaction() const { return _inTransaction; }

    /// After a failed statement: when the connection itself is gone (PostgreSQL restarted, the network
    /// dropped, the backend was terminated), opens a new one and returns true; whatever transaction was
    /// open is gone with the old one. False when the connection is fine (or SQLite, which has none).
    /// Throws DatabaseError when the server cannot be reached yet; the caller tries again later.
    bool reconnectIfLost();

    static std::int64_t nowMillis();
    /// The file of an SQLite connection string (a plain path or "sqlite:PATH"); nullopt for PostgreSQL.
    static std::optional<std::string> sqliteFile(const std::string& connection);
    /// The connection string with any password taken out (a URL's user:password@, a password=… parameter),
    /// for naming things after the database and for messages.
    static std::string withoutPassword(const std::string& connection);

private:
    void openSqlite(const std::string& path);
    void openPostgres(const std::string& url);

    std::string _connection;
    std::unique_ptr<Poco::Data::Session> _session;
    SqlDialect _dialect = SqlDialect::SQLite;
    std::string _location;
    bool _inTransaction = false;
};

}  // namespace estore::host

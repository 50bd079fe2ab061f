#include "estore/host/database.h"

#ifdef ESTORE_HOST_POSTGRESQL
#include <Poco/Data/PostgreSQL/Connector.h>
#endif
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>

#include <filesystem>
#include <mutex>

#include "estore/host/schema_migrator.h"

namespace estore::host {

namespace {

void registerConnectors() {
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Data::SQLite::Connector::registerConnector();
#ifdef ESTORE_HOST_POSTGRESQL
        Poco::Data::PostgreSQL::Connector::registerConnector();
#endif
    });
}

bool startsWith(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

/// The connection string without its password, so it can appear in messages.
std::string withoutPassword(const std::string& url) {
    try {
        Poco::URI uri(url);
        std::string info = uri.getUserInfo();
        auto colon = info.find(':');
        if (colon != std::string::npos) uri.setUserInfo(info.substr(0, colon) + ":***");
        return uri.toString();
    } catch (const Poco::Exception&) {
        return "postgresql://…";
    }
}

}  // namespace

Database::Database(const std::string& connection) {
    registerConnectors();
    try {
        if (startsWith(connection, "postgresql://") || startsWith(connection, "postgres://"))
            openPostgres(connection);
        else
            openSqlite(startsWith(connection, "sqlite:") ? connection.substr(7) : connection);
    } catch (const Poco::Exception& e) {
        throw DatabaseError("Cannot open the database " + _location + ": " + e.displayText());
    }
    SchemaMigrator::migrate(*this);
}

Database::~Database() {
    if (_inTransaction) {
        try {
            rollback();
        } catch (...) {
        }
    }
}

void Database::openSqlite(const std::string& path) {
    _dialect = SqlDialect::SQLite;
    _location = path;
    std::filesystem::path file(path);
    if (file.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec)
            throw DatabaseError("Cannot create the folder " + file.parent_path().string() + ": " +
                                ec.message());
    }
    _session = std::make_unique<Poco::Data::Session>("SQLite", path);
    // Connection set-up only (the schema stays portable): wait for a busy writer instead of failing
    // at once, and let readers (CLI listings) run beside a writer (the scheduler loop).
    std::string mode;
    *_session << "PRAGMA busy_timeout = 10000", Poco::Data::Keywords::now;
    *_session << "PRAGMA journal_mode = WAL", Poco::Data::Keywords::into(mode), Poco::Data::Keywords::now;
    // In WAL mode NORMAL still makes every commit survive a crash of the process (SIGKILL included); it
    // leaves the fsync to checkpoints, so only a power loss can take back the last commits.
    *_session << "PRAGMA synchronous = NORMAL", Poco::Data::Keywords::now;
}

void Database::openPostgres(const std::string& url) {
    _dialect = SqlDialect::PostgreSQL;
    _location = withoutPassword(url);
#ifdef ESTORE_HOST_POSTGRESQL
    // libpq accepts the URI form as its connection string.
    _session = std::make_unique<Poco::Data::Session>("PostgreSQL", url);
#else
    throw DatabaseError("This estore-host was built without PostgreSQL support: " + _location);
#endif
}

std::string Database::sql(const std::string& text) const {
    return _dialect == SqlDialect::PostgreSQL ? numberedPlaceholders(text) : text;
}

std::string Database::numberedPlaceholders(const std::string& text) {
    std::string out;
    out.reserve(text.size() + 16);
    int n = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '\'') quoted = !quoted;
        if (c == '?' && !quoted)
            out += "$" + std::to_string(++n);
        else
            out += c;
    }
    return out;
}

std::size_t Database::execute(const std::string& text) {
    Poco::Data::Statement statement(session());
    statement << sql(text);
    return statement.execute();
}

void Database::begin() {
    if (_inTransaction) throw DatabaseError("A transaction is already open");
    // SQLite: take the write lock at once, so two writers queue up (busy_timeout) instead of
    // deadlocking when both try to upgrade a read lock.
    execute(_dialect == SqlDialect::SQLite ? "BEGIN IMMEDIATE" : "BEGIN");
    _inTransaction = true;
}

void Database::commit() {
    if (!_inTransaction) throw DatabaseError("The transaction was already rolled back");
    execute("COMMIT");
    _inTransaction = false;
}

void Database::rollback() {
    if (!_inTransaction) return;
    _inTransaction = false;
    execute("ROLLBACK");
}

std::int64_t Database::nowMillis() {
    return Poco::Timestamp().epochMicroseconds() / 1000;
}

}  // namespace estore::host

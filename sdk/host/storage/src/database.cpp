#include "estore/host/storage/database.h"

#ifdef ESTORE_HOST_POSTGRESQL
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <libpq-fe.h>
#endif
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>

#include <filesystem>
#include <mutex>

#include "estore/host/storage/schema_migrator.h"

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

#ifdef ESTORE_HOST_POSTGRESQL
/// True when a statement of the open transaction failed: PostgreSQL then refuses everything until the
/// rollback, and would answer COMMIT by rolling back silently.
bool transactionFailed(Poco::Data::Session& session) {
    auto* impl = dynamic_cast<Poco::Data::PostgreSQL::SessionImpl*>(session.impl());
    return impl && PQtransactionStatus(impl->handle()) == PQTRANS_INERROR;
}

/// A value in libpq's keyword form: quoted, with quotes and backslashes escaped.
std::string keywordValue(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

/// "postgresql://user:pw@host:port/db?sslmode=disable" in libpq's "key='value' …" form. Poco's connector
/// appends its own options to the string, which only the keyword form survives.
std::string keywordConnectionString(const std::string& url) {
    const Poco::URI uri(url);
    std::string out;
    auto add = [&out](const std::string& key, const std::string& value) {
        if (value.empty()) return;
        if (!out.empty()) out += ' ';
        out += key + "=" + keywordValue(value);
    };
    add("host", uri.getHost());
    if (uri.getPort() != 0) add("port", std::to_string(uri.getPort()));
    const std::string info = uri.getUserInfo();
    const auto colon = info.find(':');
    std::string user, password;  // decode() appends
    Poco::URI::decode(info.substr(0, colon), user);
    if (colon != std::string::npos) Poco::URI::decode(info.substr(colon + 1), password);
    add("user", user);
    add("password", password);
    std::string database = uri.getPath();
    if (!database.empty() && database.front() == '/') database.erase(0, 1);
    add("dbname", database);
    for (const auto& [key, value] : uri.getQueryParameters()) add(key, value);
    return out;
}
#endif

}  // namespace

Database::Database(const std::string& connection) : _connection(connection) {
    registerConnectors();
    try {
        if (const auto file = sqliteFile(connection))
            openSqlite(*file);
        else
            openPostgres(connection);
    } catch (const Poco::Exception& e) {
        throw DatabaseError("Cannot open the database " + _location + ": " + e.displayText());
    }
    SchemaMigrator::migrate(*this);
}

std::optional<std::string> Database::sqliteFile(const std::string& connection) {
    if (startsWith(connection, "postgresql://") || startsWith(connection, "postgres://")) return std::nullopt;
    return startsWith(connection, "sqlite:") ? connection.substr(7) : connection;
}

std::string Database::withoutPassword(const std::string& connection) {
    if (sqliteFile(connection)) return connection;
    std::string text = connection;
    // postgresql://user:secret@host/db -> postgresql://user@host/db
    const auto scheme = text.find("://");
    const auto at = text.find('@', scheme == std::string::npos ? 0 : scheme + 3);
    if (scheme != std::string::npos && at != std::string::npos) {
        const auto colon = text.find(':', scheme + 3);
        if (colon != std::string::npos && colon < at) text.erase(colon, at - colon);
    }
    // ...?password=secret&sslmode=require -> ...?sslmode=require
    const auto query = text.find('?');
    if (query == std::string::npos) return text;
    std::string kept;
    std::size_t from = query + 1;
    while (from <= text.size()) {
        const auto end = std::min(text.find('&', from), text.size());
        const std::string parameter = text.substr(from, end - from);
        if (!parameter.empty() && parameter.rfind("password=", 0) != 0)
            kept += (kept.empty() ? "" : "&") + parameter;
        from = end + 1;
    }
    text.erase(query);
    if (!kept.empty()) text += "?" + kept;
    return text;
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
    _location = withoutPassword(url);  // messages and names never carry the password
#ifdef ESTORE_HOST_POSTGRESQL
    _session = std::make_unique<Poco::Data::Session>("PostgreSQL", keywordConnectionString(url));
    // libpq prints notices ("relation … already exists, skipping") on stderr; only warnings matter.
    *_session << "SET client_min_messages = warning", Poco::Data::Keywords::now;
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
    if (_dialect == SqlDialect::SQLite) {
        // Take the write lock at once, so two writers queue up (busy_timeout) instead of deadlocking
        // when both try to upgrade a read lock.
        execute("BEGIN IMMEDIATE");
    } else {
        // READ COMMITTED; writers serialise on row locks (UPDATE, SELECT … FOR UPDATE).
        session().begin();
    }
    _inTransaction = true;
}

void Database::commit() {
    if (!_inTransaction) throw DatabaseError("The transaction was already rolled back");
    if (_dialect == SqlDialect::SQLite) {
        execute("COMMIT");
    } else {
#ifdef ESTORE_HOST_POSTGRESQL
        if (transactionFailed(session())) {
            rollback();
            throw DatabaseError("The transaction was rolled back: one of its statements failed");
        }
#endif
        session().commit();
    }
    _inTransaction = false;
}

Poco::Data::Session& Database::session() {
    if (!_session) reconnectIfLost();
    return *_session;
}

bool Database::reconnectIfLost() {
    if (_dialect != SqlDialect::PostgreSQL) return false;
#ifdef ESTORE_HOST_POSTGRESQL
    auto* impl = _session ? dynamic_cast<Poco::Data::PostgreSQL::SessionImpl*>(_session->impl()) : nullptr;
    if (impl && impl->isConnected() && PQstatus(impl->handle()) == CONNECTION_OK) return false;
    _inTransaction = false;
    try {
        _session.reset();
        openPostgres(_connection);
    } catch (const Poco::Exception& e) {
        _session.reset();
        throw DatabaseError("Cannot reconnect to the database " + _location + ": " + e.displayText());
    }
    return true;
#else
    return false;
#endif
}

void Database::rollback() {
    if (!_inTransaction) return;
    _inTransaction = false;
    if (_dialect == SqlDialect::SQLite)
        execute("ROLLBACK");
    else
        session().rollback();
}

std::int64_t Database::nowMillis() {
    return Poco::Timestamp().epochMicroseconds() / 1000;
}

}  // namespace estore::host

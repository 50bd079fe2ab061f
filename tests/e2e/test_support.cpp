#include "test_support.h"

#include <Poco/UUIDGenerator.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#ifdef ESTORE_HOST_POSTGRESQL
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>
#include <mutex>
#endif

namespace estore::test {

namespace {

std::string randomId() {
    return Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
}

bool isUrl(const std::string& text) {
    return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0;
}

struct PostgresTarget {
    std::string adminUrl;  // a superuser connection to an existing database ("postgres")
    std::string unavailable;
};

/// ESTORE_TEST_POSTGRES is either a connection string or the file tests/postgres/pg_cluster.sh wrote:
/// its first line is the connection string, or "unavailable: <why>".
PostgresTarget resolvePostgres() {
    const char* setting = std::getenv("ESTORE_TEST_POSTGRES");
    if (!setting || !*setting) return {};
    const std::string value = setting;
    const std::string prefix = "PostgreSQL tests skipped: ";
#ifndef ESTORE_HOST_POSTGRESQL
    return {"", prefix +
                    "this estore-host was built without the PostgreSQL connector (libpq-dev or Poco's "
                    "PostgreSQL package was missing when CMake ran)"};
#endif
    if (isUrl(value)) return {value, ""};
    std::ifstream file(value);
    std::string line;
    if (!file || !std::getline(file, line))
        return {"", prefix + "the test cluster was not started (" + value +
                        " is missing; the ctest fixture postgres.start writes it)"};
    if (isUrl(line)) return {line, ""};
    if (line.rfind("unavailable: ", 0) == 0) line.erase(0, 13);
    return {"", prefix + line};
}

const PostgresTarget& postgres() {
    static const PostgresTarget target = resolvePostgres();
    return target;
}

std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

#ifdef ESTORE_HOST_POSTGRESQL
/// A session on the database of this connection string ("postgresql://user@host:port/database").
Poco::Data::Session sessionFor(const std::string& url) {
    static std::once_flag once;
    std::call_once(once, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
    const Poco::URI uri(url);
    std::string user = uri.getUserInfo().substr(0, uri.getUserInfo().find(':'));
    std::string keywords = "host=" + uri.getHost() + " port=" + std::to_string(uri.getPort());
    if (!user.empty()) keywords += " user=" + user;
    std::string database = uri.getPath();
    if (database.size() > 1) keywords += " dbname=" + database.substr(1);
    return Poco::Data::Session("PostgreSQL", keywords);
}

Poco::Data::Session adminSession() {
    return sessionFor(postgres().adminUrl);
}

std::string quotedIdentifier(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

/// Every value of every column of every table of the database, as text, one a line.
std::string postgresValues(Poco::Data::Session& session) {
    using namespace Poco::Data::Keywords;
    std::vector<std::string> schemas, tables, columns, types;
    session
        << "SELECT table_schema::text, table_name::text, column_name::text, data_type::text "
           "FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema') "
           "ORDER BY table_schema, table_name, ordinal_position",
        into(schemas), into(tables), into(columns), into(types), now;
    std::string out;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const std::string column = quotedIdentifier(columns[i]);
        const std::string value =
            types[i] == "bytea" ? "encode(" + column + ", 'escape')" : column + "::text";
        std::vector<std::string> values;
        session << "SELECT " + value + " FROM " + quotedIdentifier(schemas[i]) + "." +
                       quotedIdentifier(tables[i]) + " WHERE " + column + " IS NOT NULL",
            into(values), now;
        for (const auto& text : values) out += text + "\n";
    }
    return out;
}

/// The bytes of the database's own files (base/<oid>/ in the server's data directory), written out by a
/// checkpoint first: row versions that were updated or deleted stay there until a vacuum. Empty when the
/// data directory is not on this machine or not readable, or the user may not ask where it is.
/// (Values longer than about 2 kB are compressed there; postgresValues has them in clear.)
std::string postgresFiles(Poco::Data::Session& session) {
    using namespace Poco::Data::Keywords;
    std::string dataDirectory, oid;
    try {
        session << "CHECKPOINT", now;
        session << "SELECT current_setting('data_directory'), oid::text FROM pg_database "
                   "WHERE datname = current_database()",
            into(dataDirectory), into(oid), now;
    } catch (const Poco::Exception&) {
        return {};
    }
    std::string out;
    try {
        std::error_code ec;
        for (const auto& entry :
             std::filesystem::directory_iterator(std::filesystem::path(dataDirectory) / "base" / oid, ec))
            if (entry.is_regular_file(ec)) out += readBytes(entry.path());
    } catch (const std::filesystem::filesystem_error&) {
        // A file went away while it was listed (the server dropped or rewrote a relation): what was read
        // stays.
    }
    return out;
}

std::string withDatabase(const std::string& url, const std::string& database) {
    Poco::URI uri(url);
    uri.setPath("/" + database);
    return uri.toString();
}
#endif

}  // namespace

bool postgresRun() {
    const char* setting = std::getenv("ESTORE_TEST_POSTGRES");
    return setting && *setting;
}

std::optional<std::string> testDatabaseUnavailable() {
    if (!postgres().unavailable.empty()) return postgres().unavailable;
    return std::nullopt;
}

std::string databaseContents(const std::string& connection) {
    if (!isUrl(connection)) {
        const std::string path = connection.rfind("sqlite:", 0) == 0 ? connection.substr(7) : connection;
        std::string out;
        for (const char* suffix : {"", "-wal", "-shm"}) out += readBytes(path + suffix);
        return out;
    }
#ifdef ESTORE_HOST_POSTGRESQL
    Poco::Data::Session session = sessionFor(connection);
    return postgresValues(session) + postgresFiles(session);
#else
    throw std::runtime_error("this test binary was built without the PostgreSQL connector: " + connection);
#endif
}

TempDir::TempDir() : _path(std::filesystem::temp_directory_path() / ("estore-test-" + randomId())) {
    std::filesystem::create_directories(_path);
}

TempDir::~TempDir() {
#ifdef ESTORE_HOST_POSTGRESQL
    for (const auto& [name, database] : _postgres) {
        try {
            Poco::Data::Session admin = adminSession();
            admin << "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", Poco::Data::Keywords::now;
        } catch (const Poco::Exception&) {
            // The cluster goes away with the test run anyway.
        }
    }
#endif
    std::error_code ec;
    std::filesystem::remove_all(_path, ec);
}

std::string TempDir::database(const std::string& name) const {
    if (!postgresRun()) return file(name);
    if (auto unavailable = testDatabaseUnavailable())
        throw std::runtime_error(*unavailable + " (call ESTORE_REQUIRE_TEST_DATABASE() first)");
#ifdef ESTORE_HOST_POSTGRESQL
    auto found = _postgres.find(name);
    if (found == _postgres.end()) {
        std::string database = "estore_test_" + randomId();
        std::replace(database.begin(), database.end(), '-', '_');
        Poco::Data::Session admin = adminSession();
        admin << "CREATE DATABASE " + database, Poco::Data::Keywords::now;
        found = _postgres.emplace(name, database).first;
    }
    return withDatabase(postgres().adminUrl, found->second);
#else
    return file(name);
#endif
}

}  // namespace estore::test

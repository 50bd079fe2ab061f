#include "test_support.h"

#include <Poco/UUIDGenerator.h>

#include <cstdlib>
#include <fstream>

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

#ifdef ESTORE_HOST_POSTGRESQL
Poco::Data::Session adminSession() {
    static std::once_flag once;
    std::call_once(once, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
    const Poco::URI uri(postgres().adminUrl);
    std::string user = uri.getUserInfo().substr(0, uri.getUserInfo().find(':'));
    std::string keywords = "host=" + uri.getHost() + " port=" + std::to_string(uri.getPort());
    if (!user.empty()) keywords += " user=" + user;
    std::string database = uri.getPath();
    if (database.size() > 1) keywords += " dbname=" + database.substr(1);
    return Poco::Data::Session("PostgreSQL", keywords);
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

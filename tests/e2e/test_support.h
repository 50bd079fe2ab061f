#pragma once
// Temporary folders that clean up after themselves, for database files and process working dirs, and the
// database a test runs on: an SQLite file by default, a fresh PostgreSQL database in the PostgreSQL run.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace estore::test {

/// True in the PostgreSQL run: ESTORE_TEST_POSTGRES is set (see tests/postgres/README.md).
bool postgresRun();
/// Why this run's database cannot be used (the PostgreSQL run without a server, …); nullopt when it can.
std::optional<std::string> testDatabaseUnavailable();

/// Everything a database holds, as text, for checks that a secret is stored nowhere in clear. For an
/// SQLite file: the bytes of the file and of its -wal and -shm files. For a PostgreSQL database: every
/// value of every column of every table in it, as text; and, when the server's data directory can be read
/// from here (the private test cluster), the bytes of the database's own files after a checkpoint, so
/// old row versions that no query sees any more count too.
std::string databaseContents(const std::string& connection);

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return _path; }
    std::string file(const std::string& name) const { return (_path / name).string(); }

    /// The connection string of the test's database `name`: the SQLite file of that name in this folder,
    /// or in the PostgreSQL run a database made empty for it and dropped with this folder.
    std::string database(const std::string& name = "estore.db") const;

private:
    std::filesystem::path _path;
    mutable std::map<std::string, std::string> _postgres;  // name → PostgreSQL database made for it
};

}  // namespace estore::test

/// First thing in a database test (or its fixture's SetUp): skips it, with the reason, when this run's
/// database is not available (the PostgreSQL run on a machine without a PostgreSQL server).
#define ESTORE_REQUIRE_TEST_DATABASE()                                                                    \
    do {                                                                                                  \
        if (auto unavailable_ = ::estore::test::testDatabaseUnavailable()) GTEST_SKIP() << *unavailable_; \
    } while (0)

/// For a test of something only SQLite has (a file path, …): skipped in the PostgreSQL run.
#define ESTORE_SQLITE_ONLY(why)                                                    \
    do {                                                                           \
        if (::estore::test::postgresRun()) GTEST_SKIP() << "SQLite only: " << why; \
    } while (0)

/// For a test of what only PostgreSQL has (row locks, SKIP LOCKED): skipped in the SQLite run.
#define ESTORE_POSTGRES_ONLY(why)                                                       \
    do {                                                                                \
        if (!::estore::test::postgresRun()) GTEST_SKIP() << "PostgreSQL only: " << why; \
    } while (0)

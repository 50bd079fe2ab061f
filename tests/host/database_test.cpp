// The database layer: schema creation, version refusal, portable placeholders, transactions, seeds.
#include <gtest/gtest.h>

#include <Poco/Data/Statement.h>

#include "estore/host/services/db_company.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/schema_migrator.h"
#include "estore/host/storage/sequence.h"
#include "estore/host/storage/transaction.h"
#include "estore/host/webhooks/webhook_journal.h"
#include "test_support.h"

using namespace estore::host;
using namespace Poco::Data::Keywords;

TEST(Database, CreatesTheFolderAndRecordsTheSchemaVersion) {
    ESTORE_REQUIRE_TEST_DATABASE();
    estore::test::TempDir dir;
    // SQLite makes the missing folder; PostgreSQL gets an empty database.
    const std::string path =
        estore::test::postgresRun() ? dir.database() : (dir.path() / "nested" / "estore.db").string();
    {
        Database db(path);
        EXPECT_EQ(SchemaMigrator::currentVersion(db), SchemaMigrator::kVersion);
    }
    Database again(path);  // reopening migrates nothing and keeps one version row
    Poco::Int64 rows = 0;
    again.session() << "SELECT COUNT(*) FROM schema_version", into(rows), now;
    EXPECT_EQ(rows, 1);
}

TEST(Database, RefusesADatabaseWrittenByANewerHost) {
    ESTORE_REQUIRE_TEST_DATABASE();
    estore::test::TempDir dir;
    const std::string path = dir.database();
    {
        Database db(path);
        db.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 0)");
    }
    try {
        Database newer(path);
        FAIL() << "a newer schema must be refused";
    } catch (const DatabaseError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("schema version 99"), std::string::npos) << message;
        EXPECT_NE(message.find("newer estore-host"), std::string::npos) << message;
    }
}

TEST(Database, NumbersPlaceholdersForPostgresOutsideLiterals) {
    EXPECT_EQ(Database::numberedPlaceholders("SELECT a FROM t WHERE b = ? AND c = '?' AND d = ?"),
              "SELECT a FROM t WHERE b = $1 AND c = '?' AND d = $2");
}

TEST(Database, APasswordIsTakenOutOfTheLocationBeforeAnythingIsNamedAfterIt) {
    EXPECT_EQ(Database::withoutPassword("postgresql://estore:s3cret@db.example:5432/estore"),
              "postgresql://estore@db.example:5432/estore");
    EXPECT_EQ(Database::withoutPassword("postgresql://estore@db/estore?password=s3cret&sslmode=require"),
              "postgresql://estore@db/estore?sslmode=require");
    EXPECT_EQ(Database::withoutPassword("postgresql://db/estore?sslmode=require&password=s3cret"),
              "postgresql://db/estore?sslmode=require");
    EXPECT_EQ(Database::withoutPassword("postgresql://db/estore?password=s3cret"), "postgresql://db/estore");
    EXPECT_EQ(Database::withoutPassword("/var/lib/estore-host/estore.db"), "/var/lib/estore-host/estore.db");
    // The webhook journal's folder: the same for the same database whatever its password, and no hash of it.
    EXPECT_EQ(WebhookJournal::baseFor("postgresql://estore:one@db/estore", "/j"),
              WebhookJournal::baseFor("postgresql://estore:two@db/estore", "/j"));
    EXPECT_NE(WebhookJournal::baseFor("postgresql://estore@db/estore", "/j"),
              WebhookJournal::baseFor("postgresql://estore@db/other", "/j"));
}

TEST(Database, SeedsSlovenianWarehousesAndCostCentres) {
    ESTORE_REQUIRE_TEST_DATABASE();
    estore::test::TempDir dir;
    Database db(dir.database());
    DbCompany company(db);
    auto warehouses = company.warehouses();
    auto costCenters = company.costCenters();
    auto has = [](const auto& list, const std::string& code, const std::string& name) {
        for (const auto& n : list)
            if (n.code == code && n.name == name) return true;
        return false;
    };
    EXPECT_TRUE(has(warehouses, "GLAVNO", "Glavno skladišče"));
    EXPECT_TRUE(has(warehouses, "SPLET", "Skladišče spletne trgovine"));
    EXPECT_TRUE(has(costCenters, "SPLET", "Spletna prodaja"));
    EXPECT_TRUE(has(costCenters, "MP", "Maloprodaja"));
}

TEST(Database, NestedTransactionsJoinAndRollBackTogether) {
    ESTORE_REQUIRE_TEST_DATABASE();
    estore::test::TempDir dir;
    Database db(dir.database());
    {
        Transaction outer(db);
        Sequence::next(db, "store");
        {
            Transaction inner(db);
            Sequence::next(db, "store");
            inner.commit();  // joined: does not commit yet
        }
        EXPECT_TRUE(db.inTransaction());
    }  // outer not committed: both increments roll back
    EXPECT_FALSE(db.inTransaction());
    EXPECT_EQ(Sequence::next(db, "store"), 1);
    EXPECT_EQ(Sequence::next(db, "store"), 2);
}

// The host's stock: StockRepository (set, an all-or-nothing import, a warehouse by product code) and the
// WarehouseStock service the plugin's stock push reads (exact amounts, unknown warehouses, no throws).
#include <gtest/gtest.h>

#include <algorithm>

#include <chrono>
#include <iostream>
#include <stdexcept>

#include "estore/host/services/host_service_set.h"
#include "estore/host/stock/stock_csv_reader.h"
#include "estore/host/stock/stock_repository.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/transaction.h"
#include "test_support.h"

using namespace estore::host;
using estore::host_api::ErrorCategory;
using estore::host_api::StockLevel;
using estore::sdk::Decimal;

namespace {

StockEntry entry(const std::string& code, const std::string& onHand, const std::string& reserved = "0") {
    return {code, *Decimal::parse(onHand), *Decimal::parse(reserved)};
}

class StockStore : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        _db = std::make_unique<Database>(_dir.database());
        _host = std::make_unique<HostServiceSet>(*_db, _config);
    }

    estore::host_api::Outcome levels(const std::string& warehouse, std::vector<StockLevel>& out) {
        EXPECT_NE(_host->services().stock, nullptr);
        return _host->services().stock->levels(warehouse, out);
    }

    estore::test::TempDir _dir;
    HostConfig _config;
    std::unique_ptr<Database> _db;
    std::unique_ptr<HostServiceSet> _host;
};

}  // namespace

TEST_F(StockStore, SetCreatesThenReplacesOneLevel) {
    StockRepository stock(*_db);
    stock.set("GLAVNO", entry("CAJ-01", "12.5", "2"));
    stock.set("GLAVNO", entry("CAJ-01", "10", "0.125"));
    const auto levels = stock.list("GLAVNO");
    ASSERT_EQ(levels.size(), 1u);
    EXPECT_EQ(levels[0].productCode, "CAJ-01");
    EXPECT_EQ(levels[0].onHand.toString(), "10");
    EXPECT_EQ(levels[0].reserved.toString(), "0.125");
    EXPECT_GT(levels[0].updatedAt, 0);
    EXPECT_TRUE(stock.list("SPLET").empty()) << "levels are per warehouse";
}

TEST_F(StockStore, QuantitiesAreStoredAsCanonicalDecimalText) {
    StockRepository(*_db).set("GLAVNO", entry("KG-01", "0012.500", "0.1"));
    std::string onHand, reserved;
    _db->session() << "SELECT on_hand, reserved FROM stock WHERE product_code = 'KG-01'",
        Poco::Data::Keywords::into(onHand), Poco::Data::Keywords::into(reserved), Poco::Data::Keywords::now;
    EXPECT_EQ(onHand, "12.5");
    EXPECT_EQ(reserved, "0.1");
}

TEST_F(StockStore, AWarehouseIsListedByProductCodeInByteOrder) {
    StockRepository(*_db).apply("GLAVNO", {entry("b-2", "1"), entry("A-10", "2"), entry("A-2", "3"),
                                           entry("Čaj", "4"), entry("B-1", "5")});
    std::vector<std::string> codes;
    for (const auto& level : StockRepository(*_db).list("GLAVNO")) codes.push_back(level.productCode);
    EXPECT_EQ(codes, (std::vector<std::string>{"A-10", "A-2", "B-1", "b-2", "Čaj"}));
}

TEST_F(StockStore, AnImportIsAllOrNothing) {
    StockRepository stock(*_db);
    stock.set("GLAVNO", entry("KEEP", "7"));
    // A trigger refuses the import's last row, after two rows were written: none of them may remain.
    if (_db->dialect() == SqlDialect::PostgreSQL) {
        _db->execute(
            "CREATE FUNCTION stock_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF NEW.product_code = 'POISON' THEN RAISE EXCEPTION 'poisoned row'; END IF; RETURN NEW; END $$");
        _db->execute(
            "CREATE TRIGGER stock_poison BEFORE INSERT ON stock FOR EACH ROW EXECUTE FUNCTION "
            "stock_poison()");
    } else {
        _db->execute(
            "CREATE TRIGGER stock_poison BEFORE INSERT ON stock WHEN NEW.product_code = 'POISON' "
            "BEGIN SELECT RAISE(ABORT, 'poisoned row'); END");
    }
    EXPECT_ANY_THROW(stock.apply("GLAVNO", {entry("A", "1"), entry("KEEP", "99"), entry("POISON", "1")}));
    const auto levels = stock.list("GLAVNO");
    ASSERT_EQ(levels.size(), 1u);
    EXPECT_EQ(levels[0].productCode, "KEEP");
    EXPECT_EQ(levels[0].onHand.toString(), "7");
    EXPECT_FALSE(_db->inTransaction());
}

TEST_F(StockStore, AnImportJoinsTheCallersTransaction) {
    {
        Transaction tx(*_db);
        EXPECT_EQ(StockRepository(*_db).apply("GLAVNO", {entry("A", "1"), entry("B", "2")}), 2u);
        tx.rollback();
    }
    EXPECT_TRUE(StockRepository(*_db).list("GLAVNO").empty());
}

TEST_F(StockStore, TheServiceGivesExactAmountsOrderedByCode) {
    StockRepository(*_db).apply(
        "GLAVNO", {entry("Z-1", "3", "1"), entry("KG-01", "12.50", "0.125"), entry("A-1", "0", "0")});
    std::vector<StockLevel> out = {{"stale", {1, 0}, {1, 0}}};
    const auto outcome = levels("GLAVNO", out);
    ASSERT_TRUE(outcome.ok()) << outcome.detail;
    ASSERT_EQ(out.size(), 3u) << "the vector is replaced, not appended to";
    EXPECT_EQ(out[0].productCode, "A-1");
    EXPECT_EQ(out[1].productCode, "KG-01");
    EXPECT_EQ(out[1].onHand.units, 125);
    EXPECT_EQ(out[1].onHand.scale, 1);
    EXPECT_EQ(out[1].reserved.units, 125);
    EXPECT_EQ(out[1].reserved.scale, 3);
    EXPECT_EQ(out[2].productCode, "Z-1");
    EXPECT_EQ(out[2].onHand.units, 3);
    EXPECT_EQ(out[2].onHand.scale, 0);
}

TEST_F(StockStore, AWarehouseWithoutStockIsEmptyNotAnError) {
    std::vector<StockLevel> out;
    EXPECT_TRUE(levels("SPLET", out).ok());
    EXPECT_TRUE(out.empty());
}

TEST_F(StockStore, AnUnknownWarehouseIsNotFoundAndNamesTheKnownOnes) {
    StockRepository(*_db).set("NOVO", entry("A", "1"));  // stock alone does not make a warehouse
    std::vector<StockLevel> out;
    const auto outcome = levels("NOVO", out);
    EXPECT_EQ(outcome.category, ErrorCategory::NotFound);
    EXPECT_EQ(outcome.code, "host.warehouse_unknown");
    EXPECT_EQ(outcome.field, "warehouse");
    EXPECT_NE(outcome.message.sl.find("Skladišče NOVO ne obstaja"), std::string::npos) << outcome.message.sl;
    EXPECT_NE(outcome.message.en.find("Warehouse NOVO does not exist"), std::string::npos);
    EXPECT_NE(outcome.message.en.find("GLAVNO, SPLET, TRGOVINA"), std::string::npos) << outcome.message.en;
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(levels("glavno", out).category, ErrorCategory::NotFound) << "codes are exact";
}

TEST_F(StockStore, ADatabaseFailureIsTransientNeverAThrow) {
    _db->execute("DROP TABLE stock");
    std::vector<StockLevel> out;
    estore::host_api::Outcome outcome;
    EXPECT_NO_THROW(outcome = levels("GLAVNO", out));
    EXPECT_EQ(outcome.category, ErrorCategory::Transient);
    EXPECT_EQ(outcome.code, "host.storage_failed");
    EXPECT_TRUE(outcome.retryable());
    EXPECT_FALSE(outcome.message.sl.empty());
    EXPECT_FALSE(outcome.message.en.empty());

    _db->execute("DROP TABLE warehouses");
    EXPECT_EQ(levels("GLAVNO", out).category, ErrorCategory::Transient)
        << "an unreadable warehouse list is not an unknown warehouse";
}

TEST_F(StockStore, AHandEditedUnreadableQuantityFailsTheWholeReadInsteadOfPushingAWrongLevel) {
    StockRepository(*_db).apply("GLAVNO", {entry("A", "1"), entry("B", "2")});
    _db->execute("UPDATE stock SET on_hand = 'lots' WHERE product_code = 'B'");
    std::vector<StockLevel> out;
    const auto outcome = levels("GLAVNO", out);
    EXPECT_FALSE(outcome.ok());
    EXPECT_NE(outcome.detail.find("lots"), std::string::npos) << outcome.detail;
    EXPECT_TRUE(out.empty()) << "never half a warehouse";
}

// 100,000 rows through the CSV reader and one transaction. Timing is printed, not asserted: the
// machines running the tests vary too much for a threshold to mean anything.
TEST_F(StockStore, AHundredThousandRowImport) {
    constexpr int kRows = 100000;
    std::string file = "product_code;on_hand;reserved\r\n";
    file.reserve(kRows * 28);
    for (int i = 0; i < kRows; ++i)
        file += "SKU-" + std::to_string(1000000 + i) + ";" + std::to_string(i % 500) + "," +
                std::to_string(i % 10) + ";" + std::to_string(i % 3) + "\r\n";

    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    const StockCsv csv = StockCsvReader::parse(file);
    const auto parsed = Clock::now();
    ASSERT_TRUE(csv.ok()) << csv.problems.front().line << ": " << csv.problems.front().reason.en;
    ASSERT_EQ(csv.entries.size(), static_cast<std::size_t>(kRows));
    std::vector<std::size_t> heard;  // what a progress bar is told, chunk by chunk
    EXPECT_EQ(StockRepository(*_db).apply("GLAVNO", csv.entries, [&](std::size_t n) { heard.push_back(n); }),
              static_cast<std::size_t>(kRows));
    const auto applied = Clock::now();
    ASSERT_GE(heard.size(), 10u) << "a 100,000-row import reports its way, not only its end";
    EXPECT_TRUE(std::is_sorted(heard.begin(), heard.end()));
    EXPECT_EQ(heard.back(), static_cast<std::size_t>(kRows));
    // Importing the same file again replaces every row (the upsert path).
    EXPECT_EQ(StockRepository(*_db).apply("GLAVNO", csv.entries), static_cast<std::size_t>(kRows));
    const auto reapplied = Clock::now();
    std::vector<StockLevel> out;
    ASSERT_TRUE(levels("GLAVNO", out).ok());
    const auto read = Clock::now();
    ASSERT_EQ(out.size(), static_cast<std::size_t>(kRows));
    EXPECT_EQ(out[12345].productCode, "SKU-1012345");
    EXPECT_EQ(out[12345].onHand.units, 3455);  // 12345 % 500 = 345, ",5"
    EXPECT_EQ(out[12345].onHand.scale, 1);

    const auto ms = [](Clock::duration d) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
    };
    std::cout << "[ stock    ] 100,000 rows: parse " << ms(parsed - started) << " ms, insert "
              << ms(applied - parsed) << " ms, replace " << ms(reapplied - applied) << " ms, read "
              << ms(read - reapplied) << " ms\n";
    RecordProperty("parse_ms", static_cast<int>(ms(parsed - started)));
    RecordProperty("insert_ms", static_cast<int>(ms(applied - parsed)));
    RecordProperty("replace_ms", static_cast<int>(ms(reapplied - applied)));
    RecordProperty("read_ms", static_cast<int>(ms(read - reapplied)));
}

// `estore-host stock` as a real process on one database file, as a user runs it: set, import (good and
// refused), the listing as text and JSON, exit codes.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <fstream>

#include "e2e_fixture.h"

using estore::test::HostE2E;

namespace {

Poco::JSON::Array::Ptr stockArray(const estore::test::ProcessResult& result) {
    try {
        Poco::JSON::Parser parser;
        return parser.parse(result.out).extract<Poco::JSON::Array::Ptr>();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "not a JSON array: " << e.what() << "\n" << result.describe();
        return new Poco::JSON::Array;
    }
}

}  // namespace

TEST_F(HostE2E, StockSetImportAndListThroughTheCommandLine) {
    auto set = host({"stock", "set", "GLAVNO", "CAJ-01", "12,5", "2"});
    ASSERT_EQ(set.exitCode, 0) << set.describe();

    const std::string file = _dir.file("zaloga.csv");
    std::ofstream(file, std::ios::binary) << "\xEF\xBB\xBFproduct_code;on_hand;reserved\r\n"
                                             "KAVA;3;0,5\r\n"
                                             "\"MLEKO 1,5 %\";\"10\";\r\n";
    auto imported = host({"stock", "import", "GLAVNO", file});
    ASSERT_EQ(imported.exitCode, 0) << imported.describe();
    EXPECT_NE(imported.out.find("Uvoženo: 2 (skladišče GLAVNO, datoteka " + file + ")"), std::string::npos)
        << imported.out;

    auto listed = host({"stock", "GLAVNO", "--json"});
    ASSERT_EQ(listed.exitCode, 0) << listed.describe();
    const auto levels = stockArray(listed);
    ASSERT_EQ(levels->size(), 3u) << listed.out;
    EXPECT_EQ(levels->getObject(0)->getValue<std::string>("product_code"), "CAJ-01");
    EXPECT_EQ(levels->getObject(0)->getValue<std::string>("on_hand"), "12.5");
    EXPECT_EQ(levels->getObject(1)->getValue<std::string>("product_code"), "KAVA");
    EXPECT_EQ(levels->getObject(1)->getValue<std::string>("reserved"), "0.5");
    EXPECT_EQ(levels->getObject(2)->getValue<std::string>("product_code"), "MLEKO 1,5 %");
    EXPECT_EQ(levels->getObject(2)->getValue<std::string>("reserved"), "0");

    auto text = host({"stock", "GLAVNO"});
    ASSERT_EQ(text.exitCode, 0) << text.describe();
    EXPECT_NE(text.out.find("MLEKO 1,5 %"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("Izdelkov: 3"), std::string::npos) << text.out;
    auto english = host({"--lang", "en", "stock", "GLAVNO"});
    ASSERT_EQ(english.exitCode, 0) << english.describe();
    EXPECT_NE(english.out.find("Product code"), std::string::npos) << english.out;
    EXPECT_NE(english.out.find("Products: 3"), std::string::npos) << english.out;
    EXPECT_EQ(english.out.find("Izdelkov"), std::string::npos) << english.out;
}

TEST_F(HostE2E, ARefusedStockImportNamesItsLinesAndChangesNothing) {
    ASSERT_EQ(host({"stock", "set", "GLAVNO", "KAVA", "1"}).exitCode, 0);
    const std::string file = _dir.file("zaloga.csv");
    std::ofstream(file, std::ios::binary) << "product_code;on_hand\nKAVA;40\nCAJ;?\nKAVA;2\n";
    auto result = host({"stock", "import", "GLAVNO", file});
    EXPECT_EQ(result.exitCode, 4) << "validation: " << result.describe();
    EXPECT_NE(result.err.find("vrstica 3:"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("vrstica 4:"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("zaloga ni spremenjena"), std::string::npos) << result.err;
    auto english = host({"--lang", "en", "stock", "import", "GLAVNO", file});
    EXPECT_EQ(english.exitCode, 4) << "validation: " << english.describe();
    EXPECT_NE(english.err.find("line 3:"), std::string::npos) << english.err;
    EXPECT_NE(english.err.find("line 4:"), std::string::npos) << english.err;
    EXPECT_NE(english.err.find("no stock was changed"), std::string::npos) << english.err;
    const auto levels = stockArray(host({"stock", "GLAVNO", "--json"}));
    ASSERT_EQ(levels->size(), 1u);
    EXPECT_EQ(levels->getObject(0)->getValue<std::string>("on_hand"), "1");
}

TEST_F(HostE2E, StockExitCodes) {
    EXPECT_EQ(host({"stock"}).exitCode, 1);
    EXPECT_EQ(host({"stock", "set", "GLAVNO"}).exitCode, 1);
    auto unknown = host({"stock", "NOVO"});
    EXPECT_EQ(unknown.exitCode, 4) << "validation: " << unknown.describe();
    EXPECT_NE(unknown.err.find("GLAVNO, SPLET, TRGOVINA"), std::string::npos) << unknown.err;
    EXPECT_EQ(host({"stock", "set", "GLAVNO", "KAVA", "x"}).exitCode, 4) << "validation";
    auto refusedJson = host({"stock", "set", "GLAVNO", "KAVA", "x", "--json"});
    EXPECT_EQ(json(refusedJson)->getObject("error")->getValue<std::string>("code"), "stock.invalid_entry");
    auto help = host({"--help"});
    EXPECT_NE(help.out.find("stock import WAREHOUSE FILE.csv"), std::string::npos) << help.out;
}

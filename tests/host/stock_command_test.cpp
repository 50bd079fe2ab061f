// `estore-host stock` in-process (StockCommand over a CommandContext with string streams): set, import
// and the listing, their messages in Slovenian (the default) and in English, and their exit codes. The same
// commands as real processes are in stock_cli_test.cpp.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>

#include "estore/host/cli/command_context.h"
#include "estore/host/cli/progress_printer.h"
#include "estore/host/cli/stock_command.h"
#include "estore/host/cli/sync_summary.h"
#include "estore/host/config/host_config.h"
#include "estore/host/stock/stock_repository.h"
#include "estore/host/storage/database.h"
#include "test_support.h"

using namespace estore::host;

namespace {

struct CommandRun {
    int exitCode = -1;
    std::string out;
    std::string err;

    std::string describe() const {
        return "exit " + std::to_string(exitCode) + "\nout:\n" + out + "\nerr:\n" + err;
    }
};

class StockCommandTest : public ::testing::Test {
protected:
    void SetUp() override { ESTORE_REQUIRE_TEST_DATABASE(); }

    CommandRun stock(std::vector<std::string> args, bool json = false, bool english = false) {
        CliOptions options;
        options.db = _dir.database();
        options.json = json;
        options.language.english = english;
        std::ostringstream out;
        std::ostringstream err;
        CommandRun run;
        {
            CommandContext ctx(options, std::move(args), _config, _dir.path(), out, err);
            run.exitCode = StockCommand::run(ctx);
        }
        run.out = out.str();
        run.err = err.str();
        return run;
    }

    std::string writeFile(const std::string& name, const std::string& content) {
        const std::string path = _dir.file(name);
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

    std::vector<StockRecord> levels(const std::string& warehouse = "GLAVNO") {
        Database db(_dir.database());
        return StockRepository(db).list(warehouse);
    }

    Poco::JSON::Array::Ptr jsonArray(const CommandRun& run) {
        Poco::JSON::Parser parser;
        return parser.parse(run.out).extract<Poco::JSON::Array::Ptr>();
    }

    estore::test::TempDir _dir;
    HostConfig _config;
};

}  // namespace

TEST_F(StockCommandTest, SetThenListAsTextAndJson) {
    auto run = stock({"set", "GLAVNO", "CAJ-01", "12,5", "2"});
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_NE(run.out.find("GLAVNO CAJ-01"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Zaloga nastavljena: GLAVNO CAJ-01: zaloga 12.5, rezervirano 2"),
              std::string::npos)
        << run.out;
    run = stock({"set", "GLAVNO", "AAA", "3"}, false, true);
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_NE(run.out.find("Stock set: GLAVNO AAA: on hand 3, reserved 0"), std::string::npos) << run.out;

    run = stock({"GLAVNO"});
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_NE(run.out.find("Šifra"), std::string::npos) << run.out;
    EXPECT_LT(run.out.find("AAA"), run.out.find("CAJ-01")) << "ordered by product code\n" << run.out;
    EXPECT_NE(run.out.find("Izdelkov: 2"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("Products"), std::string::npos) << "one language at a time\n" << run.out;

    run = stock({"GLAVNO"}, false, true);
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_NE(run.out.find("Stock: GLAVNO"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Product code"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Products: 2"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("Izdelkov"), std::string::npos) << "one language at a time\n" << run.out;

    run = stock({"GLAVNO"}, true);
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    const auto array = jsonArray(run);
    ASSERT_EQ(array->size(), 2u) << run.out;
    const auto caj = array->getObject(1);
    EXPECT_EQ(caj->getValue<std::string>("product_code"), "CAJ-01");
    EXPECT_TRUE(caj->get("on_hand").isString()) << "quantities are decimal strings, never floats";
    EXPECT_EQ(caj->getValue<std::string>("on_hand"), "12.5");
    EXPECT_EQ(caj->getValue<std::string>("reserved"), "2");
    EXPECT_EQ(array->getObject(0)->getValue<std::string>("reserved"), "0");
}

TEST_F(StockCommandTest, AnEmptyWarehouseListsNothing) {
    auto run = stock({"SPLET"});
    EXPECT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_NE(run.out.find("(ni zalog)"), std::string::npos) << run.out;
    run = stock({"SPLET"}, false, true);
    EXPECT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_NE(run.out.find("(no stock)"), std::string::npos) << run.out;
    run = stock({"SPLET"}, true);
    EXPECT_EQ(jsonArray(run)->size(), 0u) << run.out;
}

TEST_F(StockCommandTest, SetRefusesBadInputInEitherLanguageAndChangesNothing) {
    ASSERT_EQ(stock({"set", "GLAVNO", "CAJ-01", "5"}).exitCode, 0);
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"set", "GLAVNO", "CAJ-01", "abc"},
             {"set", "GLAVNO", "CAJ-01", "1", "x"},
             {"set", "GLAVNO", "CAJ-01", "-1"},
             {"set", "GLAVNO", "CAJ-01", "1.234,5"},
             {"set", "GLAVNO", std::string(65, 'X'), "1"},
             {"set", "GLAVNO", " ", "1"},
         }) {
        const auto run = stock(args);
        EXPECT_EQ(run.exitCode, 4) << "validation: " << run.describe();
        EXPECT_EQ(run.err.rfind("Zaloge ni mogoče nastaviti.\n  ", 0), 0u) << run.err;
        EXPECT_EQ(run.err.find("Cannot"), std::string::npos) << "one language at a time\n" << run.err;
        const auto english = stock(args, false, true);
        EXPECT_EQ(english.exitCode, 4) << "validation: " << english.describe();
        EXPECT_EQ(english.err.rfind("Cannot set the stock.\n  ", 0), 0u) << english.err;
    }
    const auto stored = levels();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].onHand.toString(), "5");
}

TEST_F(StockCommandTest, AnUnknownWarehouseListsTheKnownOnes) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"NOVO"}, {"set", "NOVO", "A", "1"}, {"import", "NOVO", "whatever.csv"}}) {
        const auto run = stock(args);
        EXPECT_EQ(run.exitCode, 4) << run.describe();
        EXPECT_NE(run.err.find("Skladišče NOVO ne obstaja; skladišča podjetja: GLAVNO, SPLET, TRGOVINA."),
                  std::string::npos)
            << run.err;
        EXPECT_EQ(run.err.find("Warehouse NOVO"), std::string::npos) << "one language at a time\n" << run.err;
        const auto english = stock(args, false, true);
        EXPECT_EQ(english.exitCode, 4) << english.describe();
        EXPECT_NE(english.err.find("Warehouse NOVO does not exist"), std::string::npos) << english.err;
        EXPECT_EQ(english.err.find("Skladišče"), std::string::npos) << english.err;
    }
    EXPECT_TRUE(levels("NOVO").empty());
}

TEST_F(StockCommandTest, AWrongCommandLineIsAUsageError) {
    EXPECT_EQ(stock({}).exitCode, 1);
    EXPECT_EQ(stock({"GLAVNO", "extra"}).exitCode, 1);
    EXPECT_EQ(stock({"set", "GLAVNO", "A"}).exitCode, 1);
    EXPECT_EQ(stock({"set", "GLAVNO", "A", "1", "2", "3"}).exitCode, 1);
    EXPECT_EQ(stock({"import", "GLAVNO"}).exitCode, 1);
}

TEST_F(StockCommandTest, ImportAGoodFile) {
    ASSERT_EQ(stock({"set", "GLAVNO", "OTHER", "9"}).exitCode, 0);
    const auto file = writeFile(
        "zaloga.csv", "\xEF\xBB\xBFproduct_code;on_hand;reserved\r\nCAJ-01;12,5;2\r\nKAVA;3;\r\n;;\r\n");
    auto run = stock({"import", "GLAVNO", file});
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_NE(run.out.find("Uvoženo: 2 (skladišče GLAVNO, datoteka " + file + ")"), std::string::npos)
        << run.out;
    const auto stored = levels();
    ASSERT_EQ(stored.size(), 3u) << "products the file does not name keep their stock";
    EXPECT_EQ(stored[0].productCode, "CAJ-01");
    EXPECT_EQ(stored[0].onHand.toString(), "12.5");
    EXPECT_EQ(stored[0].reserved.toString(), "2");
    EXPECT_EQ(stored[1].productCode, "KAVA");
    EXPECT_EQ(stored[2].productCode, "OTHER");
    EXPECT_EQ(stored[2].onHand.toString(), "9");

    run = stock({"import", "GLAVNO", file}, true);
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    Poco::JSON::Parser parser;
    const auto root = parser.parse(run.out).extract<Poco::JSON::Object::Ptr>();
    EXPECT_TRUE(root->getValue<bool>("ok"));
    EXPECT_EQ(root->getValue<int>("applied"), 2);
}

TEST_F(StockCommandTest, ABadFileIsRefusedWholeWithEveryBadLine) {
    ASSERT_EQ(stock({"set", "GLAVNO", "CAJ-01", "1"}).exitCode, 0);
    const auto file = writeFile("zaloga.csv",
                                "product_code;on_hand;reserved\n"
                                "CAJ-01;50;0\n"
                                "KAVA;veliko;0\n"
                                "MLEKO;2;-1\n"
                                "CAJ-01;7;0\n"
                                "SOK;3;0\n");
    auto run = stock({"import", "GLAVNO", file});
    EXPECT_EQ(run.exitCode, 4) << run.describe();
    EXPECT_NE(run.err.find("Datoteke " + file + " ni mogoče uvoziti; zaloga ni spremenjena."),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("vrstica 3: zaloga »veliko« ni število"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("vrstica 4: rezervirano"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("vrstica 5: šifra CAJ-01 je že v vrstici 2"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("vrstica 2:"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("vrstica 6:"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("Težav: 3"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("line 3"), std::string::npos) << "one language at a time\n" << run.err;

    run = stock({"import", "GLAVNO", file}, false, true);
    EXPECT_EQ(run.exitCode, 4) << run.describe();
    EXPECT_NE(run.err.find("Cannot import " + file + "; no stock was changed."), std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("line 3: on hand \"veliko\" is not a number"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("line 5: product code CAJ-01 is already on line 2"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("line 2:"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("line 6:"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("Problems: 3"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("vrstica"), std::string::npos) << "one language at a time\n" << run.err;

    const auto stored = levels();
    ASSERT_EQ(stored.size(), 1u) << "nothing of the file was applied";
    EXPECT_EQ(stored[0].onHand.toString(), "1");

    run = stock({"import", "GLAVNO", file}, true);
    EXPECT_EQ(run.exitCode, 4);
    Poco::JSON::Parser parser;
    const auto root = parser.parse(run.out).extract<Poco::JSON::Object::Ptr>();
    EXPECT_FALSE(root->getValue<bool>("ok"));
    const auto problems = root->getArray("problems");
    ASSERT_EQ(problems->size(), 3u);
    EXPECT_EQ(problems->getObject(0)->getValue<int>("line"), 3);
    EXPECT_FALSE(problems->getObject(0)->getObject("reason")->getValue<std::string>("sl").empty());
}

TEST_F(StockCommandTest, AFileThatCannotBeReadIsAFailure) {
    const auto run = stock({"import", "GLAVNO", _dir.file("missing.csv")});
    EXPECT_EQ(run.exitCode, 2) << run.describe();
    EXPECT_NE(run.err.find("Datoteke " + _dir.file("missing.csv") + " ni mogoče prebrati."),
              std::string::npos)
        << run.err;
    const auto english = stock({"import", "GLAVNO", _dir.file("missing.csv")}, false, true);
    EXPECT_EQ(english.exitCode, 2) << english.describe();
    EXPECT_NE(english.err.find("Cannot read the file " + _dir.file("missing.csv") + "."), std::string::npos)
        << english.err;
}

TEST_F(StockCommandTest, AFileFullOfBadRowsShowsTheFirstHundred) {
    std::string content = "product_code;on_hand\n";
    for (int i = 0; i < 150; ++i) content += "P" + std::to_string(i) + ";x\n";
    const auto file = writeFile("bad.csv", content);
    const auto run = stock({"import", "GLAVNO", file});
    EXPECT_EQ(run.exitCode, 4);
    EXPECT_NE(run.err.find("vrstica 101:"), std::string::npos);
    EXPECT_EQ(run.err.find("vrstica 102:"), std::string::npos);
    EXPECT_NE(run.err.find("  … in še 50\n"), std::string::npos) << run.err.substr(run.err.size() - 200);
    EXPECT_NE(run.err.find("Težav: 150"), std::string::npos);
    const auto english = stock({"import", "GLAVNO", file}, false, true);
    EXPECT_EQ(english.exitCode, 4);
    EXPECT_NE(english.err.find("line 101:"), std::string::npos);
    EXPECT_EQ(english.err.find("line 102:"), std::string::npos);
    EXPECT_NE(english.err.find("  … and 50 more\n"), std::string::npos)
        << english.err.substr(english.err.size() - 200);
    EXPECT_NE(english.err.find("Problems: 150"), std::string::npos);
}

TEST(SyncSummaryTest, APushJobGetsItsSummaryLine) {
    const Language slovenian{false};
    const Language english{true};
    EXPECT_EQ(SyncSummary::pushLine({{"pushed", 1200}, {"unchanged", 3}, {"unmatched", 2}, {"failed", 0}},
                                    slovenian),
              "Preneseno: 1.200, nespremenjeno: 3, brez para: 2, neuspešno: 0");
    EXPECT_EQ(SyncSummary::pushLine({{"pushed", 1}}, slovenian),
              "Preneseno: 1, nespremenjeno: 0, brez para: 0, neuspešno: 0");
    EXPECT_EQ(
        SyncSummary::pushLine({{"pushed", 1200}, {"unchanged", 3}, {"unmatched", 2}, {"failed", 0}}, english),
        "Pushed: 1,200, unchanged: 3, unmatched: 2, failed: 0");
}

TEST(SyncSummaryTest, OrderImportCountsAreNoPush) {
    EXPECT_EQ(
        SyncSummary::pushLine({{"orders", 3}, {"created", 3}, {"updated", 0}, {"failed", 0}}, Language{}),
        "");
    EXPECT_EQ(SyncSummary::pushLine({}, Language{}), "");
}

TEST(SyncSummaryTest, TheProgressPrinterKeepsTheLatestCounts) {
    std::ostringstream out;
    ProgressPrinter printer(out, false, Language{});
    EXPECT_TRUE(printer.latest().empty());
    printer.progress("wix-1", "stock.push", {{"pushed", 10}, {"failed", 0}});
    printer.progress("wix-1", "stock.push", {{"pushed", 20}, {"failed", 1}});
    EXPECT_EQ(printer.latest().at("pushed"), 20);
    EXPECT_EQ(printer.latest().at("failed"), 1);
}

// StockCsvReader and StockInput: the stock file as people save it from Excel, and every reason a row is
// refused, with its line.
#include <gtest/gtest.h>

#include "estore/host/stock/stock_csv_reader.h"
#include "estore/host/stock/stock_input.h"

using namespace estore::host;

namespace {

std::vector<std::string> codes(const StockCsv& csv) {
    std::vector<std::string> out;
    for (const auto& e : csv.entries) out.push_back(e.productCode);
    return out;
}

std::string describe(const StockCsv& csv) {
    std::string out;
    for (const auto& p : csv.problems) out += std::to_string(p.line) + ": " + p.reason.en + "\n";
    return out;
}

/// The problem on `line`, or fails the test.
const StockCsvProblem* problemOn(const StockCsv& csv, std::size_t line) {
    for (const auto& p : csv.problems)
        if (p.line == line) return &p;
    ADD_FAILURE() << "no problem on line " << line << "\n" << describe(csv);
    return nullptr;
}

}  // namespace

TEST(StockInputTest, QuantitiesTakeAPointOrAComma) {
    estore::host_api::Text problem;
    const estore::host_api::Text what{"zaloga", "on hand"};
    EXPECT_EQ(StockInput::quantity("12", what, problem)->toString(), "12");
    EXPECT_EQ(StockInput::quantity("2,5", what, problem)->toString(), "2.5");
    EXPECT_EQ(StockInput::quantity(" 0.125 ", what, problem)->toString(), "0.125");
    EXPECT_EQ(StockInput::quantity("+3", what, problem)->toString(), "3");
    EXPECT_EQ(StockInput::quantity(",5", what, problem)->toString(), "0.5");
    EXPECT_EQ(StockInput::quantity("0", what, problem)->toString(), "0");
    EXPECT_EQ(StockInput::quantity("1.123456789", what, problem)->toString(), "1.123456789");
}

TEST(StockInputTest, WhatIsNotAQuantityIsRefusedWithAReason) {
    const estore::host_api::Text what{"zaloga", "on hand"};
    for (const char* bad : {"", "abc", "1.234,5", "1 000", "12kg", "1e3", "-", ".", "--1", "0x10"}) {
        estore::host_api::Text problem;
        EXPECT_FALSE(StockInput::quantity(bad, what, problem)) << bad;
        EXPECT_NE(problem.sl.find("zaloga"), std::string::npos) << bad << ": " << problem.sl;
        EXPECT_NE(problem.en.find("on hand"), std::string::npos) << bad << ": " << problem.en;
    }
    estore::host_api::Text problem;
    EXPECT_FALSE(StockInput::quantity("-1", what, problem));
    EXPECT_NE(problem.en.find("may not be negative"), std::string::npos) << problem.en;
    EXPECT_FALSE(StockInput::quantity("1.1234567891", what, problem));
    EXPECT_NE(problem.en.find("more than 9 decimals"), std::string::npos) << problem.en;
    EXPECT_FALSE(StockInput::quantity("99999999999999999999", what, problem));
    EXPECT_NE(problem.en.find("too large"), std::string::npos) << problem.en;
}

TEST(StockInputTest, ProductCodes) {
    EXPECT_FALSE(StockInput::codeProblem("CAJ-01"));
    EXPECT_FALSE(StockInput::codeProblem("Čaj zeleni 100 g"));
    EXPECT_FALSE(StockInput::codeProblem(std::string(64, 'A')));
    EXPECT_FALSE(StockInput::codeProblem(std::string(32, 'A') + std::string(32, 'A')));
    std::string sixtyFourLetters;
    for (int i = 0; i < 64; ++i) sixtyFourLetters += "č";
    EXPECT_FALSE(StockInput::codeProblem(sixtyFourLetters)) << "characters are counted, not bytes";
    EXPECT_TRUE(StockInput::codeProblem(""));
    EXPECT_TRUE(StockInput::codeProblem(std::string(65, 'A')));
    EXPECT_TRUE(StockInput::codeProblem("A\tB"));
    EXPECT_TRUE(StockInput::codeProblem(std::string("A\0B", 3)));
    EXPECT_TRUE(StockInput::codeProblem("A\x7F"));
    const auto cp1250 = StockInput::codeProblem(
        "\xE8"
        "aj");  // "čaj" saved as Windows-1250
    ASSERT_TRUE(cp1250);
    EXPECT_NE(cp1250->en.find("UTF-8"), std::string::npos);
}

TEST(StockInputTest, AnEntryCollectsEveryProblemOfItsRow) {
    StockEntry entry;
    EXPECT_FALSE(StockInput::entry("  CAJ-01 ", "12,5", "", entry));
    EXPECT_EQ(entry.productCode, "CAJ-01");
    EXPECT_EQ(entry.onHand.toString(), "12.5");
    EXPECT_TRUE(entry.reserved.isZero()) << "an empty reserved is 0";
    const auto problem = StockInput::entry("", "x", "-2", entry);
    ASSERT_TRUE(problem);
    EXPECT_NE(problem->en.find("product code is empty"), std::string::npos) << problem->en;
    EXPECT_NE(problem->en.find("on hand \"x\""), std::string::npos) << problem->en;
    EXPECT_NE(problem->en.find("reserved may not be negative"), std::string::npos) << problem->en;
    EXPECT_NE(problem->sl.find("šifra izdelka je prazna"), std::string::npos) << problem->sl;
}

TEST(StockCsvReaderTest, ACommaSeparatedFile) {
    const auto csv = StockCsvReader::parse("product_code,on_hand,reserved\nCAJ-01,12.5,2\nKAVA,3,0\n");
    ASSERT_TRUE(csv.ok()) << describe(csv);
    EXPECT_EQ(csv.separator, ',');
    EXPECT_EQ(codes(csv), (std::vector<std::string>{"CAJ-01", "KAVA"}));
    EXPECT_EQ(csv.entries[0].onHand.toString(), "12.5");
    EXPECT_EQ(csv.entries[0].reserved.toString(), "2");
}

TEST(StockCsvReaderTest, SlovenianExcelSemicolonsDecimalCommaBomAndCrlf) {
    const auto csv = StockCsvReader::parse(
        "\xEF\xBB\xBFproduct_code;on_hand;reserved\r\nČAJ-01;12,5;0,25\r\nKAVA;3;\r\n;;\r\n;;\r\n");
    ASSERT_TRUE(csv.ok()) << describe(csv);
    EXPECT_EQ(csv.separator, ';');
    EXPECT_EQ(codes(csv), (std::vector<std::string>{"ČAJ-01", "KAVA"}));
    EXPECT_EQ(csv.entries[0].onHand.toString(), "12.5");
    EXPECT_EQ(csv.entries[0].reserved.toString(), "0.25");
    EXPECT_TRUE(csv.entries[1].reserved.isZero());
}

TEST(StockCsvReaderTest, ColumnsInAnyOrderReservedOptionalHeaderCaseFree) {
    auto csv = StockCsvReader::parse("On_Hand;PRODUCT_CODE\n5;A\n");
    ASSERT_TRUE(csv.ok()) << describe(csv);
    EXPECT_EQ(codes(csv), std::vector<std::string>{"A"});
    EXPECT_EQ(csv.entries[0].onHand.toString(), "5");
    csv = StockCsvReader::parse("reserved\ton_hand\tproduct_code\n1\t5\tA\n");
    ASSERT_TRUE(csv.ok()) << describe(csv);
    EXPECT_EQ(csv.separator, '\t');
    EXPECT_EQ(csv.entries[0].reserved.toString(), "1");
}

TEST(StockCsvReaderTest, QuotedFieldsHoldSeparatorsQuotesAndTheDecimalComma) {
    const auto csv = StockCsvReader::parse(
        "product_code,on_hand,reserved\n\"A,1\",\"2,5\",0\n\"B \"\"x\"\"\",1,\"\"\n\"C\",\"1\",\"0\"");
    ASSERT_TRUE(csv.ok()) << describe(csv);
    EXPECT_EQ(codes(csv), (std::vector<std::string>{"A,1", "B \"x\"", "C"}));
    EXPECT_EQ(csv.entries[0].onHand.toString(), "2.5");
}

TEST(StockCsvReaderTest, EveryBadRowIsNamedByItsLine) {
    const auto csv = StockCsvReader::parse(
        "product_code;on_hand;reserved\n"  // 1
        "A;1;0\n"                          // 2
        "B;abc;0\n"                        // 3
        ";1;0\n"                           // 4
        "C;-1;0\n"                         // 5
        "D;1;-0,5\n"                       // 6
        "E;1\n"                            // 7
        "\n"                               // 8: blank, skipped
        "F;2;0;extra\n"                    // 9
        "G;\"1\"x;0\n"                     // 10
        "H;1;0\n");                        // 11
    EXPECT_FALSE(csv.ok());
    EXPECT_EQ(csv.problems.size(), 7u) << describe(csv);
    for (std::size_t line : {3, 4, 5, 6, 7, 9, 10}) problemOn(csv, line);
    if (const auto* p = problemOn(csv, 3)) {
        EXPECT_NE(p->reason.en.find("\"abc\" is not a number"), std::string::npos) << p->reason.en;
        EXPECT_NE(p->reason.sl.find("»abc« ni število"), std::string::npos) << p->reason.sl;
    }
    if (const auto* p = problemOn(csv, 7)) {
        EXPECT_NE(p->reason.en.find("expected 3 columns, found 2"), std::string::npos) << p->reason.en;
    }
    if (const auto* p = problemOn(csv, 10)) {
        EXPECT_NE(p->reason.en.find("closing quote"), std::string::npos) << p->reason.en;
    }
}

TEST(StockCsvReaderTest, ADuplicateProductCodeNamesBothLines) {
    const auto csv = StockCsvReader::parse("product_code;on_hand\nA;1\nB;2\n A ;3\n");
    ASSERT_EQ(csv.problems.size(), 1u) << describe(csv);
    EXPECT_EQ(csv.problems[0].line, 4u);
    EXPECT_NE(csv.problems[0].reason.en.find("product code A is already on line 2"), std::string::npos)
        << csv.problems[0].reason.en;
    EXPECT_NE(csv.problems[0].reason.sl.find("šifra A je že v vrstici 2"), std::string::npos);
}

TEST(StockCsvReaderTest, AnUnquotedDecimalCommaInACommaFileIsExplained) {
    const auto csv = StockCsvReader::parse("product_code,on_hand\nA,2,5\n");
    ASSERT_EQ(csv.problems.size(), 1u) << describe(csv);
    EXPECT_EQ(csv.problems[0].line, 2u);
    EXPECT_NE(csv.problems[0].reason.en.find("decimal comma"), std::string::npos)
        << csv.problems[0].reason.en;
}

TEST(StockCsvReaderTest, TheHeaderIsChecked) {
    auto csv = StockCsvReader::parse("");
    ASSERT_EQ(csv.problems.size(), 1u);
    EXPECT_EQ(csv.problems[0].line, 1u);
    EXPECT_NE(csv.problems[0].reason.en.find("empty"), std::string::npos);

    csv = StockCsvReader::parse("CAJ-01;5;1\nKAVA;3;0\n");  // no header at all
    ASSERT_FALSE(csv.ok());
    EXPECT_EQ(csv.problems[0].line, 1u);
    EXPECT_NE(csv.problems[0].reason.en.find("must be the header"), std::string::npos);
    EXPECT_TRUE(csv.entries.empty());

    csv = StockCsvReader::parse("product_code;onhand\nA;1\n");
    ASSERT_FALSE(csv.ok());
    EXPECT_NE(describe(csv).find("unknown column \"onhand\""), std::string::npos) << describe(csv);
    EXPECT_NE(describe(csv).find("no column on_hand"), std::string::npos) << describe(csv);

    csv = StockCsvReader::parse("product_code;on_hand;on_hand\nA;1;2\n");
    EXPECT_NE(describe(csv).find("appears twice"), std::string::npos) << describe(csv);

    csv = StockCsvReader::parse("product_code;on_hand;reserved;\nA;1;0\nB;2;0;\n");
    EXPECT_TRUE(csv.ok()) << "trailing separators are harmless\n" << describe(csv);
    EXPECT_EQ(csv.entries.size(), 2u);

    csv = StockCsvReader::parse("product_code;on_hand\n");
    EXPECT_TRUE(csv.ok()) << "a header alone is an empty import";
    EXPECT_TRUE(csv.entries.empty());
}

TEST(StockCsvReaderTest, AnUnclosedQuoteIsReportedWhereItsRowStarts) {
    const auto csv = StockCsvReader::parse("product_code;on_hand\nA;1\n\"B;2\nC;3\n");
    ASSERT_EQ(csv.problems.size(), 1u) << describe(csv);
    EXPECT_EQ(csv.problems[0].line, 3u);
    EXPECT_NE(csv.problems[0].reason.en.find("not closed"), std::string::npos);
}

TEST(StockCsvReaderTest, LineNumbersCountLineBreaksInsideQuotes) {
    const auto csv = StockCsvReader::parse("product_code;on_hand\n\"A\nB\";1\nC;x\n");
    ASSERT_EQ(csv.problems.size(), 2u) << describe(csv);
    EXPECT_EQ(csv.problems[0].line, 2u) << "a code with a line break has control characters";
    EXPECT_EQ(csv.problems[1].line, 4u);
}

#pragma once
// The stock file people import: CSV with a header row naming product_code, on_hand and (optionally)
// reserved, in any order. Excel's habits are welcome: ';' as the separator (what a Slovenian Excel
// writes), a decimal comma, a UTF-8 byte order mark, quoted fields, CRLF line ends, empty trailing rows.
// Every problem is collected with its line, so one pass tells the user everything to fix.
#include <cstddef>
#include <string_view>
#include <vector>

#include "estore/host/stock/stock_repository.h"
#include "estore/host_api/outcome.h"

namespace estore::host {

struct StockCsvProblem {
    std::size_t line = 0;  ///< 1-based line of the file where the row starts (the header is line 1)
    host_api::Text reason;
};

struct StockCsv {
    std::vector<StockEntry> entries;  ///< only meaningful when there are no problems
    std::vector<StockCsvProblem> problems;
    char separator = ',';

    bool ok() const { return problems.empty(); }
};

class StockCsvReader {
public:
    /// The separator is the header's: ';' if it has one, else a tab if it has one, else ','.
    static StockCsv parse(std::string_view text);
};

}  // namespace estore::host

// libFuzzer target: the stock CSV reader (files people export from Excel). Never a crash on any bytes;
// every problem names a line of the file and says what is wrong in both languages; a file without
// problems gives entries with a product code each.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "estore/host/stock/stock_csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto csv = estore::host::StockCsvReader::parse(text);
    std::size_t lines = 1;  // at most: a lone CR ends a line too (old Mac Excel), CRLF counts twice here
    for (char c : text) lines += (c == '\n' || c == '\r') ? 1 : 0;
    for (const auto& problem : csv.problems)
        if (problem.line > lines + 1 || problem.reason.sl.empty() || problem.reason.en.empty()) std::abort();
    if (csv.ok())
        for (const auto& entry : csv.entries)
            if (entry.productCode.empty()) std::abort();
    return 0;
}

#pragma once
// Text the CLI prints: times, dates and aligned tables (UTF-8 aware, for č, š, ž).
#include <cstdint>
#include <string>
#include <vector>

#include "estore/host_api/sales_order.h"

namespace estore::host {

class Formats {
public:
    /// Local time "YYYY-MM-DD HH:MM:SS"; "-" for 0 (never).
    static std::string localTime(std::int64_t epochMillis);
    /// "YYYY-MM-DDTHH:MM:SSZ"; empty for 0.
    static std::string isoUtc(std::int64_t epochMillis);
    /// Today's local date, "YYYY-MM-DD" (the "today" default of date fields).
    static std::string today();

    /// A buyer as lists show one: "Company (Name)", or whichever of the two there is.
    static std::string buyerName(const host_api::Buyer& buyer);

    static std::size_t displayWidth(const std::string& utf8);
    /// Rows of cells, the first one the header, with columns aligned.
    static std::string table(const std::vector<std::vector<std::string>>& rows);
};

}  // namespace estore::host

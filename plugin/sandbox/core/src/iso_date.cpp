#include "wix_sandbox/core/iso_date.h"

#include <regex>

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>

namespace wix_sandbox {

std::optional<std::string> canonicalDate(const std::string& text) {
    // The parser alone is lenient about stray text, so the shape is checked first.
    static const std::regex iso(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2}))");
    if (!std::regex_match(text, iso)) return std::nullopt;
    Poco::DateTime dateTime;
    int timeZone = 0;
    if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, text, dateTime, timeZone))
        return std::nullopt;
    dateTime.makeUTC(timeZone);
    return Poco::DateTimeFormatter::format(dateTime, "%Y-%m-%dT%H:%M:%S.%iZ");
}

}  // namespace wix_sandbox

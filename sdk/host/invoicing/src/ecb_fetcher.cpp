#include "estore/host/invoicing/ecb_fetcher.h"

#include <Poco/Data/Statement.h>
#include <Poco/URI.h>

#include <algorithm>

#include "estore/host/config/host_config.h"
#include "estore/host/fiscal/fiscal_code.h"
#include "estore/host/invoicing/exchange_rates.h"
#include "estore/host/storage/database.h"
#include "estore/sdk/http_client.h"

using namespace Poco::Data::Keywords;

namespace estore::host {

namespace {

/// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy =
        (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string dayText(std::int64_t days) {
    // civil_from_days, the inverse of daysFromCivil.
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
    char text[32];
    std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    return text;
}

/// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
int weekday(std::int64_t days) {
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::string newestStoredDay(Database& db) {
    std::string day;
    Poco::Data::Statement select(db.session());
    select << "SELECT COALESCE(MAX(day), '') FROM exchange_rates", into(day);
    select.execute();
    return day;
}

EcbFetch failed(std::string sl, std::string en) {
    EcbFetch result;
    result.attempted = true;
    result.error = {std::move(sl), std::move(en)};
    return result;
}

}  // namespace

EcbFetcher::EcbFetcher(Database& db, HostConfig& config)
    : _db(db),
      _url(config.getString("rates.ecb_url", "")),
      _caFile(config.getString("rates.ca_file", "")),
      _checkMillis(std::max<std::int64_t>(60, config.getInt("rates.check_seconds", 3600)) * 1000),
      _timeoutMs(static_cast<int>(config.getInt("rates.timeout_ms", 15000))) {}

std::string EcbFetcher::lastPublishedDay(std::int64_t nowMillis) {
    const LocalDateTime local = FiscalCode::ljubljanaTime(nowMillis);
    std::int64_t day = daysFromCivil(local.year, local.month, local.day);
    if (weekday(day) < 5 && local.hour >= 16) return dayText(day);
    do --day;
    while (weekday(day) >= 5);
    return dayText(day);
}

EcbFetch EcbFetcher::fetchIfDue(std::int64_t nowMillis) {
    if (!configured()) return {};
    const std::string newest = newestStoredDay(_db);
    if (!newest.empty() && newest >= lastPublishedDay(nowMillis)) return {false, 0, newest, {}};
    return fetch();
}

EcbFetch EcbFetcher::fetch() {
    if (!configured())
        return failed("Nastavitev rates.ecb_url ni nastavljena.", "rates.ecb_url is not configured.");
    Poco::URI uri;
    try {
        uri = Poco::URI(_url);
    } catch (const std::exception&) {
        return failed("rates.ecb_url ni veljaven URL.", "rates.ecb_url is not a valid URL.");
    }
    if (uri.getScheme() != "https" && uri.getScheme() != "http")
        return failed("rates.ecb_url mora biti https:// URL.", "rates.ecb_url must be an https:// URL.");
    sdk::HttpClientOptions options;
    options.caFile = _caFile;
    options.timeoutMs = _timeoutMs;
    options.connectTimeoutMs = std::min(_timeoutMs, 10000);
    options.userAgent = "estore-host (ECB reference rates)";
    options.maxResponseBytes = 32u << 20;  // eurofxref-hist.xml is about 6 MB
    sdk::HttpClient client(uri.getScheme() + "://" + uri.getAuthority(), options);
    sdk::HttpRequest request;
    request.target = uri.getPathEtc();
    const sdk::HttpResult answer = client.send(request);
    if (!answer.delivered())
        return failed("ECB ni dosegljiva (" + std::string(sdk::transportFailureName(answer.failure)) + ").",
                      "The ECB could not be reached (" +
                          std::string(sdk::transportFailureName(answer.failure)) + "): " + answer.detail);
    if (answer.response.status != 200)
        return failed("ECB je odgovorila s statusom " + std::to_string(answer.response.status) + ".",
                      "The ECB answered with status " + std::to_string(answer.response.status) + ".");
    const EcbImport parsed = ExchangeRates::parseEcbXml(answer.response.body);
    if (!parsed.error.empty())
        return failed("Odgovor ni datoteka tečajev ECB; nič ni shranjeno.",
                      "The answer is not an ECB rates file; nothing was stored: " + parsed.error);
    ExchangeRates(_db).store(parsed.rates);
    EcbFetch result;
    result.attempted = true;
    result.rates = parsed.rates.size();
    result.newestDay = newestStoredDay(_db);
    return result;
}

}  // namespace estore::host

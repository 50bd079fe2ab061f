#pragma once
// The ECB's daily euro reference rates fetched by the host itself, where `rates.ecb_url` is configured
// (issue 15): `estore-host run` looks every `rates.check_seconds` (default 3600) and fetches when the
// ECB has published a day it does not have yet; `estore-host rates fetch` fetches now. Over TLS with
// certificate verification (https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml is the ECB's
// own file); the answer must be a whole ECB rates file, or nothing is stored.
#include <cstdint>
#include <string>

#include "estore/host_api/outcome.h"

namespace estore::host {

class Database;
class HostConfig;

struct EcbFetch {
    bool attempted = false;  ///< false: not configured, or nothing new is published yet
    std::size_t rates = 0;   ///< rates stored
    std::string newestDay;   ///< the newest day stored after the fetch
    host_api::Text error;    ///< why nothing was stored, when attempted and failed (empty otherwise)

    bool failed() const { return !error.sl.empty(); }
};

class EcbFetcher {
public:
    EcbFetcher(Database& db, HostConfig& config);

    /// rates.ecb_url is set.
    bool configured() const { return !_url.empty(); }
    /// rates.check_seconds (default 3600) in milliseconds: how often the run loop looks.
    std::int64_t checkMillis() const { return _checkMillis; }

    /// Fetches when the ECB has by now published a day newer than the newest stored (lastPublishedDay).
    EcbFetch fetchIfDue(std::int64_t nowMillis);
    /// Fetches now.
    EcbFetch fetch();

    /// The newest day the ECB has published by `nowMillis`: today on a weekday from 16:00 Ljubljana time
    /// (the ECB publishes around 16:00 CET), else the weekday before. TARGET holidays are not known here;
    /// on one the fetch finds nothing newer and looks again at the next check.
    static std::string lastPublishedDay(std::int64_t nowMillis);

private:
    Database& _db;
    std::string _url;
    std::string _caFile;
    std::int64_t _checkMillis;
    int _timeoutMs;
};

}  // namespace estore::host

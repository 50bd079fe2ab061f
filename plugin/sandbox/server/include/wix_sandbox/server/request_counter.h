#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "wix_sandbox/server/request_stats.h"

namespace wix_sandbox {

class RequestCounter;

/// One counted Wix request of a site, in flight until end() (or destruction, e.g. on an exception).
/// Call end() just before the answer goes out, so the client's next request cannot arrive earlier.
class InFlightRequest {
public:
    InFlightRequest(RequestCounter& counter, std::string site);
    ~InFlightRequest();
    InFlightRequest(const InFlightRequest&) = delete;
    InFlightRequest& operator=(const InFlightRequest&) = delete;

    void end();

private:
    RequestCounter& _counter;
    std::string _site;
    bool _ended = false;
};

/// Thread-safe counters behind Sandbox::stats(), for tests that assert how many calls a client made and
/// whether requests of one site were ever in flight together.
class RequestCounter {
public:
    /// Counts a request of `route` for the site in the raw `wix-site-id` header ("" = none: not counted
    /// per site) and keeps it in flight until the returned object ends.
    [[nodiscard]] InFlightRequest countRequest(const std::string& route, const std::string& siteHeader);
    void countStatus(int status);
    RequestStats snapshot() const;
    /// Zeroes the counts; requests in flight stay tracked (they still end), so a request started after a
    /// reset beside one started before it counts as overlapping.
    void reset();

private:
    friend class InFlightRequest;
    void ended(const std::string& site);

    mutable std::mutex _mutex;
    RequestStats _stats;
    std::map<std::string, std::uint64_t> _inFlight;  // by lower-case site id; entries at 0 are erased
};

}  // namespace wix_sandbox

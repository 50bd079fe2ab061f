#include "wix_sandbox/server/request_counter.h"

#include <algorithm>
#include <utility>

#include <Poco/String.h>

namespace wix_sandbox {

InFlightRequest::InFlightRequest(RequestCounter& counter, std::string site)
    : _counter(counter), _site(std::move(site)) {}

InFlightRequest::~InFlightRequest() {
    end();
}

void InFlightRequest::end() {
    if (_ended) return;
    _ended = true;
    if (!_site.empty()) _counter.ended(_site);
}

InFlightRequest RequestCounter::countRequest(const std::string& route, const std::string& siteHeader) {
    // Sites compare case-insensitively (SandboxState keys them in lower case); blanks around are ignored
    // as AccessGuard does.
    std::string site = Poco::toLower(Poco::trim(siteHeader));
    std::lock_guard lock(_mutex);
    ++_stats.total;
    ++_stats.perRoute[route];
    if (!site.empty()) {
        SiteRequestStats& stats = _stats.perSite[site];
        std::uint64_t& inFlight = _inFlight[site];
        ++stats.requests;
        if (inFlight > 0) ++stats.overlapping;
        ++inFlight;
        stats.maxInFlight = std::max(stats.maxInFlight, inFlight);
    }
    return InFlightRequest(*this, std::move(site));
}

void RequestCounter::ended(const std::string& site) {
    std::lock_guard lock(_mutex);
    auto found = _inFlight.find(site);
    if (found == _inFlight.end()) return;
    if (--found->second == 0) _inFlight.erase(found);
}

void RequestCounter::countStatus(int status) {
    std::lock_guard lock(_mutex);
    ++_stats.perStatus[status];
}

RequestStats RequestCounter::snapshot() const {
    std::lock_guard lock(_mutex);
    return _stats;
}

void RequestCounter::reset() {
    std::lock_guard lock(_mutex);
    _stats = RequestStats{};
}

}  // namespace wix_sandbox

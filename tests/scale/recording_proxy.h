#pragma once
// An HTTP proxy on 127.0.0.1 between the host's workers and wix-sandbox that watches, per Wix site
// (the wix-site-id header), how many requests are in flight at once. The sandbox counts requests per
// route only, so this is how a test sees from the Wix side whether two workers ever talked to one site at
// the same time. Every request is forwarded unchanged and its answer returned unchanged.
#include <Poco/Net/HTTPServer.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace estore::test {

/// What one site saw through the proxy.
struct SiteTraffic {
    std::uint64_t requests = 0;
    int maxInFlight = 0;            ///< the most requests of this site the proxy held at one moment
    std::uint64_t overlapping = 0;  ///< requests that began while another of the same site was in flight
};

class RecordingProxy {
public:
    RecordingProxy(std::string upstreamHost, unsigned short upstreamPort);
    ~RecordingProxy();

    RecordingProxy(const RecordingProxy&) = delete;
    RecordingProxy& operator=(const RecordingProxy&) = delete;

    void start();
    void stop();
    unsigned short port() const;
    std::string baseUrl() const;

    /// Per site id (lower case), since the last reset().
    std::map<std::string, SiteTraffic> traffic() const;
    /// A few lines describing overlapping requests (site, paths, times), for failure messages.
    std::vector<std::string> overlapSamples() const;
    std::uint64_t total() const;
    std::uint64_t upstreamFailures() const;
    void reset();

    // Used by the request handler.
    struct Ticket {
        std::uint64_t sequence = 0;
        std::string site;
        std::string what;
        std::int64_t startedMs = 0;
    };
    Ticket begin(const std::string& site, const std::string& what);
    void end(const Ticket& ticket);
    void upstreamFailed();
    const std::string& upstreamHost() const { return _upstreamHost; }
    unsigned short upstreamPort() const { return _upstreamPort; }

private:
    struct SiteState {
        SiteTraffic traffic;
        std::map<std::uint64_t, Ticket> inFlight;  // by sequence number
    };

    const std::string _upstreamHost;
    const unsigned short _upstreamPort;
    std::unique_ptr<Poco::Net::HTTPServer> _server;
    mutable std::mutex _mutex;
    std::map<std::string, SiteState> _sites;
    std::vector<std::string> _overlaps;
    std::uint64_t _total = 0;
    std::uint64_t _failures = 0;
    std::uint64_t _sequence = 0;
};

}  // namespace estore::test

#include "recording_proxy.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <chrono>

namespace estore::test {

namespace {

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

class ForwardingHandler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit ForwardingHandler(RecordingProxy& proxy) : _proxy(proxy) {}

    void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override {
        std::string body;
        Poco::StreamCopier::copyToString(in.stream(), body);
        const std::string site = Poco::toLower(in.get("wix-site-id", ""));
        const auto ticket = _proxy.begin(site, in.getMethod() + " " + in.getURI());
        std::string answer;
        Poco::Net::HTTPResponse upstream;
        bool ok = false;
        try {
            Poco::Net::HTTPClientSession session(_proxy.upstreamHost(), _proxy.upstreamPort());
            session.setTimeout(Poco::Timespan(60, 0));
            Poco::Net::HTTPRequest request(in.getMethod(), in.getURI(), Poco::Net::HTTPMessage::HTTP_1_1);
            for (const auto& [name, value] : in) {
                const std::string lower = Poco::toLower(name);
                if (lower == "host" || lower == "connection" || lower == "content-length" ||
                    lower == "transfer-encoding" || lower == "keep-alive")
                    continue;
                request.set(name, value);
            }
            if (!body.empty() || in.getMethod() == "POST" || in.getMethod() == "PATCH")
                request.setContentLength(static_cast<std::streamsize>(body.size()));
            session.sendRequest(request) << body;
            Poco::StreamCopier::copyToString(session.receiveResponse(upstream), answer);
            ok = true;
        } catch (const std::exception&) {
            _proxy.upstreamFailed();
        }
        // Ended before the answer goes back: the client cannot send its next request any earlier.
        _proxy.end(ticket);
        if (!ok) {
            // The sandbox did not answer (it dropped the connection, or it is gone): a gateway error,
            // which the connector retries like any 5xx.
            out.setStatus(Poco::Net::HTTPResponse::HTTP_BAD_GATEWAY);
            out.setContentLength(0);
            out.send();
            return;
        }
        out.setStatus(upstream.getStatus());
        out.setContentType(upstream.getContentType());
        for (const auto& [name, value] : upstream) {
            const std::string lower = Poco::toLower(name);
            if (lower == "content-length" || lower == "transfer-encoding" || lower == "connection" ||
                lower == "content-type" || lower == "keep-alive" || lower == "date" || lower == "server")
                continue;
            out.set(name, value);
        }
        out.setContentLength(static_cast<std::streamsize>(answer.size()));
        out.send() << answer;
    }

private:
    RecordingProxy& _proxy;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(RecordingProxy& proxy) : _proxy(proxy) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new ForwardingHandler(_proxy);
    }

private:
    RecordingProxy& _proxy;
};

}  // namespace

RecordingProxy::RecordingProxy(std::string upstreamHost, unsigned short upstreamPort)
    : _upstreamHost(std::move(upstreamHost)), _upstreamPort(upstreamPort) {}

RecordingProxy::~RecordingProxy() {
    stop();
}

void RecordingProxy::start() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0), 256);
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(48);
    params->setMaxQueued(512);
    params->setKeepAlive(true);
    params->setTimeout(Poco::Timespan(60, 0));
    _server = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), socket, params);
    _server->start();
}

void RecordingProxy::stop() {
    if (!_server) return;
    _server->stopAll(true);
    _server.reset();
}

unsigned short RecordingProxy::port() const {
    return _server ? _server->port() : 0;
}

std::string RecordingProxy::baseUrl() const {
    return "http://127.0.0.1:" + std::to_string(port());
}

RecordingProxy::Ticket RecordingProxy::begin(const std::string& site, const std::string& what) {
    std::lock_guard lock(_mutex);
    Ticket ticket{++_sequence, site, what, nowMs()};
    ++_total;
    SiteState& state = _sites[site];
    ++state.traffic.requests;
    if (!state.inFlight.empty()) {
        ++state.traffic.overlapping;
        if (_overlaps.size() < 10) {
            const Ticket& other = state.inFlight.begin()->second;
            _overlaps.push_back("site " + site + ": " + what + " at " + std::to_string(ticket.startedMs) +
                                " while " + other.what + " (since " + std::to_string(other.startedMs) +
                                ") was in flight");
        }
    }
    state.inFlight.emplace(ticket.sequence, ticket);
    state.traffic.maxInFlight = std::max(state.traffic.maxInFlight, static_cast<int>(state.inFlight.size()));
    return ticket;
}

void RecordingProxy::end(const Ticket& ticket) {
    std::lock_guard lock(_mutex);
    _sites[ticket.site].inFlight.erase(ticket.sequence);
}

void RecordingProxy::upstreamFailed() {
    std::lock_guard lock(_mutex);
    ++_failures;
}

std::map<std::string, SiteTraffic> RecordingProxy::traffic() const {
    std::lock_guard lock(_mutex);
    std::map<std::string, SiteTraffic> out;
    for (const auto& [site, state] : _sites) out[site] = state.traffic;
    return out;
}

std::vector<std::string> RecordingProxy::overlapSamples() const {
    std::lock_guard lock(_mutex);
    return _overlaps;
}

std::uint64_t RecordingProxy::total() const {
    std::lock_guard lock(_mutex);
    return _total;
}

std::uint64_t RecordingProxy::upstreamFailures() const {
    std::lock_guard lock(_mutex);
    return _failures;
}

void RecordingProxy::reset() {
    std::lock_guard lock(_mutex);
    // Requests in flight stay tracked (their end() still comes); only the counts start again.
    for (auto& [site, state] : _sites) state.traffic = SiteTraffic{};
    _overlaps.clear();
    _total = 0;
    _failures = 0;
}

}  // namespace estore::test

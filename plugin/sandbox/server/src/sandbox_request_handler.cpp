#include "wix_sandbox/server/sandbox_request_handler.h"

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include "estore/sandbox_kit/server_connection.h"
#include "wix_sandbox/core/wix_errors.h"

namespace wix_sandbox {

namespace {

const std::string kControlPrefix = "/_sandbox/";

std::optional<std::string> header(const Poco::Net::HTTPServerRequest& request, const std::string& name) {
    if (!request.has(name)) return std::nullopt;
    return request.get(name);
}

}  // namespace

SandboxRequestHandler::SandboxRequestHandler(WixApi& wixApi, ControlApi& controlApi, FaultInjector& faults,
                                             RequestCounter& counter)
    : _wixApi(wixApi), _controlApi(controlApi), _faults(faults), _counter(counter) {}

void SandboxRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                          Poco::Net::HTTPServerResponse& response) {
    try {
        const WixRequest wixRequest = toWixRequest(request);
        if (wixRequest.path.compare(0, kControlPrefix.size(), kControlPrefix) == 0)
            send(_controlApi.handle(wixRequest), response);
        else
            serveWix(request, response, wixRequest);
    } catch (const std::exception&) {
        // A bug in the emulator must still look like a Wix system error, not a hung connection.
        if (!response.sent()) send(WixErrors::systemError(500), response);
    }
}

void SandboxRequestHandler::serveWix(Poco::Net::HTTPServerRequest& request,
                                     Poco::Net::HTTPServerResponse& response, const WixRequest& wixRequest) {
    InFlightRequest inFlight =
        _counter.countRequest(_wixApi.routeKey(wixRequest), wixRequest.siteId.value_or(""));
    // Faults sit in front of everything Wix does, like a failing gateway or load balancer.
    if (std::optional<Fault> fault = _faults.take(wixRequest.method, wixRequest.path)) {
        if (applyFault(*fault, request, response, inFlight)) return;
    }
    const HttpReply reply = _wixApi.handle(wixRequest);
    inFlight.end();  // before the answer goes out: the client's next request cannot come any earlier
    send(reply, response);
    _counter.countStatus(reply.status);
}

bool SandboxRequestHandler::applyFault(const Fault& fault, Poco::Net::HTTPServerRequest& request,
                                       Poco::Net::HTTPServerResponse& response, InFlightRequest& inFlight) {
    if (fault.latencyMs > 0) _faults.sleep(fault.latencyMs);
    if (fault.drop) {
        inFlight.end();
        estore::sandbox_kit::closeWithoutAnswer(request, response);
        _counter.countStatus(0);
        return true;
    }
    if (fault.status == 0) return false;  // latency only: answer normally
    HttpReply reply = fault.body.empty() ? WixErrors::forStatus(fault.status)
                                         : HttpReply{fault.status, fault.body, fault.contentType, {}};
    inFlight.end();
    send(reply, response);
    _counter.countStatus(reply.status);
    return true;
}

WixRequest SandboxRequestHandler::toWixRequest(Poco::Net::HTTPServerRequest& request) {
    const Poco::URI uri(request.getURI());
    WixRequest wixRequest;
    wixRequest.method = request.getMethod();
    wixRequest.path = uri.getPath();
    wixRequest.query = uri.getQueryParameters();
    wixRequest.authorization = header(request, "Authorization");
    wixRequest.siteId = header(request, "wix-site-id");
    wixRequest.accountId = header(request, "wix-account-id");
    // Read the whole body even when the answer ignores it, so a kept-alive connection stays in sync.
    Poco::StreamCopier::copyToString(request.stream(), wixRequest.body);
    return wixRequest;
}

void SandboxRequestHandler::send(const HttpReply& reply, Poco::Net::HTTPServerResponse& response) {
    const auto status = static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status);
    response.setStatusAndReason(status, Poco::Net::HTTPResponse::getReasonForStatus(status));
    response.setContentType(reply.contentType);
    for (const auto& [name, value] : reply.headers) response.set(name, value);
    response.setContentLength(static_cast<std::streamsize>(reply.body.size()));
    response.sendBuffer(reply.body.data(), reply.body.size());
}

}  // namespace wix_sandbox

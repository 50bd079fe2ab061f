#pragma once

#include <string>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "wix_sandbox/core/http_reply.h"
#include "wix_sandbox/core/wix_request.h"
#include "wix_sandbox/server/control_api.h"
#include "wix_sandbox/server/fault_injector.h"
#include "wix_sandbox/server/request_counter.h"
#include "wix_sandbox/server/wix_api.h"

namespace wix_sandbox {

/// Serves one HTTP request: the control API, or a Wix route behind the fault injector and counters.
class SandboxRequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    SandboxRequestHandler(WixApi& wixApi, ControlApi& controlApi, FaultInjector& faults,
                          RequestCounter& counter);

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override;

private:
    void serveWix(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                  const WixRequest& wixRequest);
    /// True when the fault answered (or dropped) the request itself.
    bool applyFault(const Fault& fault, Poco::Net::HTTPServerRequest& request,
                    Poco::Net::HTTPServerResponse& response, InFlightRequest& inFlight);
    static WixRequest toWixRequest(Poco::Net::HTTPServerRequest& request);
    static void send(const HttpReply& reply, Poco::Net::HTTPServerResponse& response);

    WixApi& _wixApi;
    ControlApi& _controlApi;
    FaultInjector& _faults;
    RequestCounter& _counter;
};

}  // namespace wix_sandbox

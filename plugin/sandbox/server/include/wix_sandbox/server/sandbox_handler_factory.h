#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "wix_sandbox/server/control_api.h"
#include "wix_sandbox/server/fault_injector.h"
#include "wix_sandbox/server/request_counter.h"
#include "wix_sandbox/server/wix_api.h"

namespace wix_sandbox {

/// Hands every request to a SandboxRequestHandler; all routing happens there.
class SandboxHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    SandboxHandlerFactory(WixApi& wixApi, ControlApi& controlApi, FaultInjector& faults,
                          RequestCounter& counter);

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    WixApi& _wixApi;
    ControlApi& _controlApi;
    FaultInjector& _faults;
    RequestCounter& _counter;
};

}  // namespace wix_sandbox

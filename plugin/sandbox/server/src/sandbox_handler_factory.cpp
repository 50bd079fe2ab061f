#include "wix_sandbox/server/sandbox_handler_factory.h"

#include "wix_sandbox/server/sandbox_request_handler.h"

namespace wix_sandbox {

SandboxHandlerFactory::SandboxHandlerFactory(WixApi& wixApi, ControlApi& controlApi, FaultInjector& faults,
                                             RequestCounter& counter)
    : _wixApi(wixApi), _controlApi(controlApi), _faults(faults), _counter(counter) {}

Poco::Net::HTTPRequestHandler* SandboxHandlerFactory::createRequestHandler(
    const Poco::Net::HTTPServerRequest&) {
    return new SandboxRequestHandler(_wixApi, _controlApi, _faults, _counter);
}

}  // namespace wix_sandbox

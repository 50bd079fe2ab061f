#include "estore/host/furs_sandbox/furs_handler_factory.h"

#include "estore/host/furs_sandbox/furs_request_handler.h"

namespace furs_sandbox {

Poco::Net::HTTPRequestHandler* FursHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&) {
    return new FursRequestHandler(_api, _control);
}

void FursHandlerFactory::stopConnections(bool abort) {
    serverStopped(this, abort);
}

}  // namespace furs_sandbox

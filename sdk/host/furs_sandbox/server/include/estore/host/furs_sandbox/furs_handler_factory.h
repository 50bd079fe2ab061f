#pragma once
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "estore/host/furs_sandbox/control_api.h"
#include "estore/host/furs_sandbox/furs_api.h"

namespace furs_sandbox {

class FursHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    FursHandlerFactory(FursApi& api, ControlApi& control) : _api(api), _control(control) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;
    /// Tells every open connection the server stops (what HTTPServer::stopAll does); `abort` closes even
    /// idle kept-alive ones, so stopping never waits for clients.
    void stopConnections(bool abort);

private:
    FursApi& _api;
    ControlApi& _control;
};

}  // namespace furs_sandbox

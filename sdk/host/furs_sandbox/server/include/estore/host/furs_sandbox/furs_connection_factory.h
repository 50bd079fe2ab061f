#pragma once
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include "estore/host/furs_sandbox/fault_switch.h"
#include "estore/host/furs_sandbox/furs_handler_factory.h"
#include "estore/host/furs_sandbox/request_counter.h"

namespace furs_sandbox {

/// Makes Poco's HTTP connection for each accepted socket, or, while a "down" fault lasts, a connection
/// that closes at once: a server that is down answers no TLS handshake.
class FursConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
public:
    FursConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                          Poco::SharedPtr<FursHandlerFactory> handlers, FaultSwitch& faults,
                          RequestCounter& counter)
        : _params(std::move(params)), _handlers(std::move(handlers)), _faults(faults), _counter(counter) {}

    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override;

private:
    Poco::Net::HTTPServerParams::Ptr _params;
    Poco::SharedPtr<FursHandlerFactory> _handlers;
    FaultSwitch& _faults;
    RequestCounter& _counter;
};

}  // namespace furs_sandbox

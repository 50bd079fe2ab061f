#include "estore/host/furs_sandbox/furs_connection_factory.h"

#include <Poco/Net/HTTPServerConnection.h>

#include "estore/host/furs_sandbox/refused_connection.h"

namespace furs_sandbox {

Poco::Net::TCPServerConnection* FursConnectionFactory::createConnection(
    const Poco::Net::StreamSocket& socket) {
    if (_faults.takeForConnection()) {
        _counter.countRefusedConnection();
        return new RefusedConnection(socket);
    }
    return new Poco::Net::HTTPServerConnection(socket, _params, _handlers);
}

}  // namespace furs_sandbox

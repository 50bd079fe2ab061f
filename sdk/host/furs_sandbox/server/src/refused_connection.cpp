#include "estore/host/furs_sandbox/refused_connection.h"

#include <Poco/Exception.h>

namespace furs_sandbox {

void RefusedConnection::run() {
    try {
        socket().setLinger(true, 0);
        socket().close();
    } catch (const Poco::Exception&) {
        // Closing failed half-way: the socket goes with this connection anyway.
    }
}

}  // namespace furs_sandbox

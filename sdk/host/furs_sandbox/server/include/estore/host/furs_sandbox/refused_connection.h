#pragma once
#include <Poco/Net/TCPServerConnection.h>

namespace furs_sandbox {

/// Closes the accepted socket before any TLS byte with a reset (SO_LINGER 0): the client's handshake fails
/// at once, so it knows nothing was sent — unlike a lost answer.
class RefusedConnection : public Poco::Net::TCPServerConnection {
public:
    explicit RefusedConnection(const Poco::Net::StreamSocket& socket)
        : Poco::Net::TCPServerConnection(socket) {}

    void run() override;
};

}  // namespace furs_sandbox

#include "estore/host/webhooks/connection_guard.h"

#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/TCPServerConnection.h>

namespace estore::host {

namespace {

using Clock = std::chrono::steady_clock;

/// One connection: admitted or refused with a 503, watched against its deadline while Poco's own HTTP
/// connection serves it.
class GuardedConnection final : public Poco::Net::TCPServerConnection {
public:
    GuardedConnection(const Poco::Net::StreamSocket& socket, ConnectionGuard& guard,
                      Poco::Net::HTTPServerParams::Ptr params,
                      Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
        : TCPServerConnection(socket),
          _guard(guard),
          _params(std::move(params)),
          _handlers(std::move(handlers)) {}

    void run() override {
        std::string address;
        try {
            address = socket().peerAddress().host().toString();
        } catch (const Poco::Exception&) {
            return;  // gone before it was served
        }
        if (!_guard.admit(address)) return refuse();
        const auto watched = _guard.watch(socket());
        try {
            Poco::Net::HTTPServerConnection(socket(), _params, _handlers).run();
        } catch (const Poco::Exception&) {
            // The watchdog shut the socket, or the client went away: nothing left to answer.
        }
        _guard.unwatch(watched);
        _guard.release(address);
    }

private:
    void refuse() {
        static const std::string body = "{\"error\":\"try again later\"}";
        static const std::string busy =
            "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Type: application/json\r\n"
            "Content-Length: " +
            std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        try {
            socket().setSendTimeout(Poco::Timespan(0, 200000));
            socket().sendBytes(busy.data(), static_cast<int>(busy.size()));
            socket().shutdown();
        } catch (const Poco::Exception&) {
        }
    }

    ConnectionGuard& _guard;
    Poco::Net::HTTPServerParams::Ptr _params;
    Poco::Net::HTTPRequestHandlerFactory::Ptr _handlers;
};

class GuardedConnectionFactory final : public Poco::Net::TCPServerConnectionFactory {
public:
    GuardedConnectionFactory(ConnectionGuard& guard, Poco::Net::HTTPServerParams::Ptr params,
                             Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
        : _guard(guard), _params(std::move(params)), _handlers(std::move(handlers)) {}

    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
        return new GuardedConnection(socket, _guard, _params, _handlers);
    }

private:
    ConnectionGuard& _guard;
    Poco::Net::HTTPServerParams::Ptr _params;
    Poco::Net::HTTPRequestHandlerFactory::Ptr _handlers;
};

}  // namespace

ConnectionGuard::ConnectionGuard(ConnectionLimits limits)
    : _limits(limits), _watchdog([this] { watchdog(); }) {}

ConnectionGuard::~ConnectionGuard() {
    {
        std::lock_guard lock(_mutex);
        _stopping = true;
    }
    _wake.notify_all();
    _watchdog.join();
}

Poco::Net::TCPServerConnectionFactory::Ptr ConnectionGuard::factory(
    Poco::Net::HTTPRequestHandlerFactory::Ptr handlers, Poco::Net::HTTPServerParams::Ptr params) {
    return new GuardedConnectionFactory(*this, std::move(params), std::move(handlers));
}

bool ConnectionGuard::admit(const std::string& address) {
    std::lock_guard lock(_mutex);
    if (_open >= _limits.maxConnections) {
        ++_refusals["busy"];
        return false;
    }
    int& fromThere = _perAddress[address];
    if (fromThere >= _limits.maxPerAddress) {
        ++_refusals["per_address"];
        return false;
    }
    ++fromThere;
    ++_open;
    return true;
}

void ConnectionGuard::release(const std::string& address) {
    {
        std::lock_guard lock(_mutex);
        --_open;
        if (--_perAddress[address] <= 0) _perAddress.erase(address);
    }
    _closed.notify_all();
}

void ConnectionGuard::refused(const std::string& reason) {
    std::lock_guard lock(_mutex);
    ++_refusals[reason];
}

std::map<std::string, std::uint64_t> ConnectionGuard::refusals() const {
    std::lock_guard lock(_mutex);
    return _refusals;
}

std::list<ConnectionGuard::Watched>::iterator ConnectionGuard::watch(const Poco::Net::StreamSocket& socket) {
    std::lock_guard lock(_mutex);
    _watched.push_back({socket, Clock::now() + _limits.requestDeadline, false});
    return std::prev(_watched.end());
}

void ConnectionGuard::unwatch(std::list<Watched>::iterator it) {
    std::lock_guard lock(_mutex);
    _watched.erase(it);
}

void ConnectionGuard::beginRequest(const Poco::Net::StreamSocket& socket) {
    std::lock_guard lock(_mutex);
    for (auto& w : _watched)
        if (w.socket == socket) w.busy = true;
}

void ConnectionGuard::endRequest(const Poco::Net::StreamSocket& socket) {
    std::lock_guard lock(_mutex);
    for (auto& w : _watched)
        if (w.socket == socket) {
            w.busy = false;
            if (w.deadline != Clock::time_point::max()) w.deadline = Clock::now() + _limits.requestDeadline;
        }
}

void ConnectionGuard::stopIdleConnections() {
    std::lock_guard lock(_mutex);
    _stoppingConnections = true;
    for (auto& w : _watched) {
        if (w.busy) continue;
        try {
            w.socket.shutdownReceive();
        } catch (const Poco::Exception&) {
        }
    }
}

bool ConnectionGuard::stopping() const {
    std::lock_guard lock(_mutex);
    return _stoppingConnections;
}

bool ConnectionGuard::waitUntilClosed(std::chrono::milliseconds timeout) {
    std::unique_lock lock(_mutex);
    return _closed.wait_for(lock, timeout, [this] { return _open == 0; });
}

void ConnectionGuard::watchdog() {
    std::unique_lock lock(_mutex);
    while (!_stopping) {
        _wake.wait_for(lock, std::chrono::milliseconds(100));
        const auto now = Clock::now();
        for (auto& w : _watched) {
            if (w.deadline > now) continue;
            // Past its deadline: the blocked read returns and the connection ends. Counted once.
            w.deadline = Clock::time_point::max();
            ++_refusals["deadline"];
            try {
                w.socket.shutdown();
            } catch (const Poco::Exception&) {
            }
        }
    }
}

}  // namespace estore::host

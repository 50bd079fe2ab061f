#pragma once
// Nobody can stall the webhook endpoint: every connection is admitted only under a cap on all connections
// and on those from one address (a refused one gets 503 at once and its thread back), and has a deadline
// for its whole request, after which the guard's watchdog shuts the socket so a client trickling one
// header byte every few seconds cannot keep a thread. An idle connection is dropped sooner by the
// server's receive timeout (the header timeout). Refusals are counted by reason.
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <list>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace estore::host {

struct ConnectionLimits {
    int maxConnections = 64;  ///< host.webhook_max_connections: threads, one per connection
    int maxPerAddress = 8;    ///< host.webhook_max_per_address (behind a proxy: raise it)
    std::chrono::milliseconds headerTimeout{2000};    ///< host.webhook_header_timeout_ms: longest silence
    std::chrono::milliseconds requestDeadline{5000};  ///< host.webhook_request_deadline_ms: a whole request
};

class ConnectionGuard {
public:
    explicit ConnectionGuard(ConnectionLimits limits);
    ~ConnectionGuard();
    ConnectionGuard(const ConnectionGuard&) = delete;
    ConnectionGuard& operator=(const ConnectionGuard&) = delete;

    /// The factory a Poco::Net::TCPServer takes: guarded HTTP connections for `handlers`.
    Poco::Net::TCPServerConnectionFactory::Ptr factory(Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                                                       Poco::Net::HTTPServerParams::Ptr params);
    const ConnectionLimits& limits() const { return _limits; }

    /// Refused connections by reason: "busy" (all connections taken), "per_address", "deadline".
    std::map<std::string, std::uint64_t> refusals() const;

    // For the connections it makes:
    bool admit(const std::string& address);
    void release(const std::string& address);
    void refused(const std::string& reason);
    struct Watched {
        Poco::Net::StreamSocket socket;
        std::chrono::steady_clock::time_point deadline;
        bool busy = false;  ///< in a request (between its head and its answer)
    };
    /// Watches the socket until unwatch(); past the deadline the socket is shut down.
    std::list<Watched>::iterator watch(const Poco::Net::StreamSocket& socket);
    void unwatch(std::list<Watched>::iterator it);
    /// A request's head was read: the connection is busy until endRequest.
    void beginRequest(const Poco::Net::StreamSocket& socket);
    /// The request was answered: a kept-alive connection's next one gets a full deadline again.
    void endRequest(const Poco::Net::StreamSocket& socket);

    /// Stopping: requests in progress finish (and their connections close after them); connections
    /// waiting between requests are closed now.
    void stopIdleConnections();
    bool stopping() const;
    /// Waits until every admitted connection has ended; false when `timeout` passed first.
    bool waitUntilClosed(std::chrono::milliseconds timeout);

private:
    void watchdog();

    ConnectionLimits _limits;
    mutable std::mutex _mutex;
    std::condition_variable _wake;
    bool _stopping = false;
    int _open = 0;
    std::map<std::string, int> _perAddress;
    std::map<std::string, std::uint64_t> _refusals;
    bool _stoppingConnections = false;
    std::condition_variable _closed;
    std::list<Watched> _watched;
    std::thread _watchdog;
};

}  // namespace estore::host

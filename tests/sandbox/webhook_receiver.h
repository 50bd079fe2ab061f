#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <Poco/Net/HTTPServer.h>

namespace sandbox_test {

/// One POST the receiver got.
struct ReceivedWebhook {
    std::string path;
    std::string contentType;
    std::string body;
    std::chrono::steady_clock::time_point at;
};

/// A tiny HTTP server on 127.0.0.1 that records every request an automation sends and answers with
/// scripted statuses (200 once the script is used up).
class WebhookReceiver {
public:
    WebhookReceiver();
    ~WebhookReceiver();

    std::string url(const std::string& path = "/hook") const;
    /// The next requests are answered with these statuses, in order.
    void answerNext(std::vector<int> statuses);
    /// Waits until at least `count` requests arrived; false on timeout.
    bool waitFor(std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(5));
    std::vector<ReceivedWebhook> received() const;

    /// Called by the request handler.
    int record(ReceivedWebhook webhook);

private:
    mutable std::mutex _mutex;
    std::condition_variable _arrived;
    std::vector<ReceivedWebhook> _received;
    std::deque<int> _script;
    std::unique_ptr<Poco::Net::HTTPServer> _server;
};

}  // namespace sandbox_test

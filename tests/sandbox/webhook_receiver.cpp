#include "webhook_receiver.h"

#include <sstream>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>

namespace sandbox_test {

namespace {

class RecordingHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit RecordingHandler(WebhookReceiver& receiver) : _receiver(receiver) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        ReceivedWebhook webhook{
            request.getURI(), request.getContentType(), {}, std::chrono::steady_clock::now()};
        Poco::StreamCopier::copyToString(request.stream(), webhook.body);
        const int status = _receiver.record(std::move(webhook));
        response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
        response.setContentLength(2);
        response.send() << "ok";
    }

private:
    WebhookReceiver& _receiver;
};

class RecordingFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit RecordingFactory(WebhookReceiver& receiver) : _receiver(receiver) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new RecordingHandler(_receiver);
    }

private:
    WebhookReceiver& _receiver;
};

}  // namespace

WebhookReceiver::WebhookReceiver() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    _server = std::make_unique<Poco::Net::HTTPServer>(new RecordingFactory(*this), socket,
                                                      new Poco::Net::HTTPServerParams);
    _server->start();
}

WebhookReceiver::~WebhookReceiver() {
    _server->stopAll(true);
}

std::string WebhookReceiver::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(_server->port()) + path;
}

void WebhookReceiver::answerNext(std::vector<int> statuses) {
    std::lock_guard lock(_mutex);
    _script.assign(statuses.begin(), statuses.end());
}

bool WebhookReceiver::waitFor(std::size_t count, std::chrono::milliseconds timeout) {
    std::unique_lock lock(_mutex);
    return _arrived.wait_for(lock, timeout, [&] { return _received.size() >= count; });
}

std::vector<ReceivedWebhook> WebhookReceiver::received() const {
    std::lock_guard lock(_mutex);
    return _received;
}

int WebhookReceiver::record(ReceivedWebhook webhook) {
    int status = 200;
    {
        std::lock_guard lock(_mutex);
        _received.push_back(std::move(webhook));
        if (!_script.empty()) {
            status = _script.front();
            _script.pop_front();
        }
    }
    _arrived.notify_all();
    return status;
}

}  // namespace sandbox_test

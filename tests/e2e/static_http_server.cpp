#include "static_http_server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>

namespace estore::test {

namespace {

using Pages = std::map<std::string, StaticHttpServer::Page>;

class PageHandler final : public Poco::Net::HTTPRequestHandler {
public:
    PageHandler(const Pages& pages, std::atomic<int>& requests) : _pages(pages), _requests(requests) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        ++_requests;
        const auto page = _pages.find(request.getURI());
        const StaticHttpServer::Page found =
            page == _pages.end() ? StaticHttpServer::Page{404, "text/plain", "not found"} : page->second;
        response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(found.status));
        response.setContentType(found.contentType);
        response.sendBuffer(found.body.data(), found.body.size());
    }

private:
    const Pages& _pages;
    std::atomic<int>& _requests;
};

class PageFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    PageFactory(Pages pages, std::shared_ptr<std::atomic<int>> requests)
        : _pages(std::move(pages)), _requests(std::move(requests)) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new PageHandler(_pages, *_requests);
    }

private:
    Pages _pages;
    std::shared_ptr<std::atomic<int>> _requests;
};

}  // namespace

StaticHttpServer::StaticHttpServer(std::map<std::string, Page> pages)
    : _requests(std::make_shared<std::atomic<int>>(0)) {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    _port = socket.address().port();
    _server = std::make_unique<Poco::Net::HTTPServer>(new PageFactory(std::move(pages), _requests), socket,
                                                      new Poco::Net::HTTPServerParams);
    _server->start();
}

StaticHttpServer::~StaticHttpServer() {
    _server->stopAll(true);
}

std::string StaticHttpServer::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(_port) + path;
}

}  // namespace estore::test

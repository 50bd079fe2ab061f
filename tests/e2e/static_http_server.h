#pragma once
// A plain HTTP server on 127.0.0.1 that answers fixed bodies by path (404 for any other) and counts the
// requests it served: a stand-in for a file server such as the ECB's.
#include <atomic>
#include <map>
#include <memory>
#include <string>

namespace Poco::Net {
class HTTPServer;
}

namespace estore::test {

class StaticHttpServer {
public:
    struct Page {
        int status = 200;
        std::string contentType = "text/xml";
        std::string body;
    };

    explicit StaticHttpServer(std::map<std::string, Page> pages);
    ~StaticHttpServer();

    std::string url(const std::string& path) const;
    int requests() const { return *_requests; }

private:
    std::shared_ptr<std::atomic<int>> _requests;
    std::unique_ptr<Poco::Net::HTTPServer> _server;
    unsigned short _port = 0;
};

}  // namespace estore::test

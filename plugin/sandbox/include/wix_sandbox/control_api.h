#pragma once

#include <string>

#include <Poco/JSON/Object.h>

#include "wix_sandbox/http_reply.h"

namespace wix_sandbox {

class Sandbox;

/// The sandbox's own JSON API under /_sandbox/ (not Wix): a thin HTTP adapter over Sandbox's C++ API,
/// for the demo and out-of-process tests.
class ControlApi {
public:
    explicit ControlApi(Sandbox& sandbox);

    HttpReply handle(const std::string& method, const std::string& path, const std::string& body);

private:
    HttpReply state() const;
    HttpReply addSite(const std::string& body);
    HttpReply addKey(const std::string& body);
    HttpReply revokeKey(const std::string& body);
    HttpReply addOrders(const std::string& body);
    HttpReply placeOrder(const std::string& body);
    /// POST /_sandbox/orders/{id}/{pay|cancel|refund|archive|fulfil}
    HttpReply changeOrder(const std::string& path, const std::string& body);
    std::string siteOf(const Poco::JSON::Object::Ptr& body) const;
    HttpReply addFault(const std::string& body);
    HttpReply clearFaults();
    HttpReply stats() const;
    HttpReply resetStats();
    HttpReply addAutomation(const std::string& body);
    HttpReply clearAutomations();
    HttpReply automationStats() const;
    static HttpReply ok(const std::string& body);
    static HttpReply badRequest(const std::string& message);

    Sandbox& _sandbox;
};

}  // namespace wix_sandbox

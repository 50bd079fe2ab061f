#pragma once
#include <optional>
#include <string>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "estore/host/fiscal/x509_certificate.h"
#include "estore/host/furs_sandbox/control_api.h"
#include "estore/host/furs_sandbox/furs_api.h"
#include "estore/host/furs_sandbox/furs_reply.h"

namespace furs_sandbox {

/// One HTTP exchange: reads the request and the client certificate TLS verified, hands it to the control
/// API or to FursApi, and answers — or closes the connection without an answer.
class FursRequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    FursRequestHandler(FursApi& api, ControlApi& control) : _api(api), _control(control) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override;

private:
    static std::optional<estore::host::X509Certificate> clientCertificate(
        Poco::Net::HTTPServerRequest& request);
    static std::string readBody(std::istream& in, std::size_t limit);
    static void send(const FursReply& reply, Poco::Net::HTTPServerResponse& response);

    FursApi& _api;
    ControlApi& _control;
};

}  // namespace furs_sandbox

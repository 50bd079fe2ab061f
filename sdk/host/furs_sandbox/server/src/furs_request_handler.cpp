#include "estore/host/furs_sandbox/furs_request_handler.h"

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/X509Certificate.h>
#include <Poco/URI.h>

#include "estore/host/furs_sandbox/html_pages.h"
#include "estore/sandbox_kit/server_connection.h"

namespace furs_sandbox {

void FursRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                       Poco::Net::HTTPServerResponse& response) {
    try {
        FursRequest fursRequest;
        fursRequest.method = request.getMethod();
        fursRequest.path = Poco::URI(request.getURI()).getPath();
        // Read to the end even when the answer ignores the body, so a kept-alive connection stays in step;
        // one byte past the limit tells FursApi the body was too large.
        fursRequest.body = readBody(request.stream(), FursApi::kMaxBody + 1);
        const std::string prefix = ControlApi::kPrefix;
        FursReply reply;
        if (fursRequest.path.compare(0, prefix.size(), prefix) == 0) {
            reply = _control.handle(fursRequest.method, fursRequest.path, fursRequest.body);
        } else {
            fursRequest.clientCertificate = clientCertificate(request);
            reply = _api.handle(fursRequest);
        }
        if (reply.closeWithoutAnswer)
            estore::sandbox_kit::closeWithoutAnswer(request, response);
        else
            send(reply, response);
    } catch (const std::exception&) {
        // A fault of the sandbox still has to look like a server error, not a hung connection.
        if (!response.sent()) {
            FursReply failure;
            failure.status = 500;
            failure.contentType = FursReply::kHtml;
            failure.body = HtmlPages::serverError();
            send(failure, response);
        }
    }
}

std::optional<estore::host::X509Certificate> FursRequestHandler::clientCertificate(
    Poco::Net::HTTPServerRequest& request) {
    auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
    if (!impl) return std::nullopt;
    try {
        // The server context verified the certificate during the handshake (VERIFY_RELAXED against the
        // sandbox CA): one that did not verify never gets here.
        Poco::Net::SecureStreamSocket socket(impl->socket());
        if (!socket.havePeerCertificate()) return std::nullopt;
        const Poco::Net::X509Certificate peer = socket.peerCertificate();
        return estore::host::X509Certificate::fromNative(const_cast<X509*>(peer.certificate()));
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

std::string FursRequestHandler::readBody(std::istream& in, std::size_t limit) {
    std::string body;
    char buffer[8192];
    while (body.size() < limit && in.read(buffer, sizeof buffer).gcount() > 0)
        body.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (body.size() > limit) body.resize(limit);
    return body;
}

void FursRequestHandler::send(const FursReply& reply, Poco::Net::HTTPServerResponse& response) {
    const auto status = static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status);
    response.setStatusAndReason(status, Poco::Net::HTTPResponse::getReasonForStatus(status));
    response.setContentType(reply.contentType);
    response.setContentLength(static_cast<std::streamsize>(reply.body.size()));
    response.sendBuffer(reply.body.data(), reply.body.size());
}

}  // namespace furs_sandbox

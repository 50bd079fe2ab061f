#pragma once
// What `POST /estore/webhook/<token>` does with one request: refuse what is too big or of the wrong
// kind, then hand the raw request to the intake, which finds the store by the token's hash and writes
// the request to its journal before the 200. No plugin code, no Wix call and no database transaction run
// here, so the answer is fast; the intake moves the request into the inbox and the runner processes it.
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "estore/host/webhooks/webhook_intake.h"

namespace estore::host {

class WebhookEndpoint {
public:
    static constexpr const char* kPathPrefix = "/estore/webhook/";
    static constexpr std::size_t kDefaultMaxBytes = 256 * 1024;

    WebhookEndpoint(WebhookIntake& intake, std::size_t maxBytes) : _intake(intake), _maxBytes(maxBytes) {}

    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
    /// Waits until no request is being handled (Poco's server lets requests in flight finish after it
    /// stopped, on threads it does not join); false when `timeout` passed first.
    bool waitUntilIdle(std::chrono::milliseconds timeout) const;

    /// "json", "form", "text", or empty for a content type the endpoint does not take.
    static std::string contentKind(const std::string& contentType);
    /// Why the body is not well-formed for its kind; empty when it is. Cheap and bounded.
    static std::string malformedReason(const std::string& kind, const std::string& body);
    /// The request headers without any that may carry a secret.
    static std::map<std::string, std::string> safeHeaders(const Poco::Net::HTTPServerRequest& request);

    /// Requests refused so far, by reason: "bad_uri", "not_found", "method", "too_large", "content_type",
    /// "malformed" (stored as rejected, answered 400), "intake_busy" (answered 503).
    std::map<std::string, std::uint64_t> refusals() const;

private:
    enum Refusal { BadUri, NotFound, Method, TooLarge, ContentType, Malformed, Busy, kRefusals };

    void answer(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
                const std::string& body);
    /// Counts the refusal and answers it.
    void refuse(Refusal why, Poco::Net::HTTPServerResponse& response,
                Poco::Net::HTTPResponse::HTTPStatus status, const std::string& body);
    /// Reads at most _maxBytes + 1 bytes, so a chunked body cannot grow without bound.
    std::string readCapped(std::istream& in) const;
    /// Drops up to 4 × the limit of what is left of a refused body.
    void refuseTooLarge(std::istream& in) const;
    WebhookIntake::Result store(const Poco::Net::HTTPServerRequest& request, const std::string& token,
                                const std::string& body, const std::string& rejectReason);

    WebhookIntake& _intake;
    std::size_t _maxBytes;
    std::atomic<int> _inFlight{0};
    std::atomic<std::uint64_t> _refused[kRefusals] = {};
};

}  // namespace estore::host

// What the plugin takes from Wix is bounded (an answer's size, JSON's depth), and a secret never survives
// in what the plugin reports, whole or in part: sdk::redactSecret masks every run
// of 8+ characters that also occurs in the secret, and the Wix client applies it to a failed answer
// before the error's detail is cut to an excerpt (a server here echoes the key back, as a careless proxy
// or a verbose error page might).
#include <gtest/gtest.h>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>

#include "client/wix_client.h"
#include "estore/sdk/json_access.h"
#include "estore/sdk/redaction.h"

using estore::sdk::redactSecret;

namespace {

const std::string kKey = "IST.eyJraWQiOiJQb3pIX2FDMiIsImFsZyI6IlJTMjU2In0.payloadXq0123456789";

TEST(Redaction, TheWholeSecretAndEveryLongPartOfItAreMasked) {
    EXPECT_EQ(redactSecret("key=" + kKey + ";", kKey), "key=[secret];");
    // A prefix left by truncation, a suffix, a piece in the middle.
    EXPECT_EQ(redactSecret("cut: " + kKey.substr(0, 30) + "…", kKey), "cut: [secret]…");
    EXPECT_EQ(redactSecret(kKey.substr(40) + " end", kKey), "[secret] end");
    EXPECT_EQ(redactSecret("a " + kKey.substr(10, 12) + " b", kKey), "a [secret] b");
    // Twice, and two pieces side by side become one mask.
    EXPECT_EQ(redactSecret(kKey + " and " + kKey, kKey), "[secret] and [secret]");
    EXPECT_EQ(redactSecret(kKey.substr(0, 10) + kKey.substr(50, 10), kKey), "[secret]");
}

TEST(Redaction, ShortCommonRunsAndOtherTextStay) {
    EXPECT_EQ(redactSecret("HTTP 401: not authenticated", kKey), "HTTP 401: not authenticated");
    EXPECT_EQ(redactSecret("IST.eyJ and 0123456", kKey), "IST.eyJ and 0123456") << "7 characters are text";
    EXPECT_EQ(redactSecret("", kKey), "");
    EXPECT_EQ(redactSecret("anything", ""), "anything");
    // A secret shorter than a fragment is masked only whole.
    EXPECT_EQ(redactSecret("pin 4711 and 47", "4711"), "pin [secret] and 47");
}

/// Answers every request 400 with a body that repeats the Authorization header, 600 bytes in, so the
/// client's excerpt (200 characters) would cut the key in the middle.
class EchoKeyHandler final : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        const std::string body =
            std::string(170, ' ') + R"({"message":"bad key )" + request.get("Authorization", "") + R"("})";
        response.setStatus(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
        response.setContentType("application/json");
        response.sendBuffer(body.data(), body.size());
    }
};

class EchoKeyFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new EchoKeyHandler;
    }
};

TEST(Redaction, AWixErrorThatEchoesTheKeyLeavesNoPartOfItInTheOutcome) {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    Poco::Net::HTTPServer server(new EchoKeyFactory, socket, new Poco::Net::HTTPServerParams);
    server.start();
    estore::wix::WixClient client("http://127.0.0.1:" + std::to_string(socket.address().port()), {}, kKey,
                                  "4bd5f1d8-5a6f-4d7c-9a0e-3c1b2a9d8e7f");
    estore::wix::SiteProperties properties;
    const auto answer = client.siteProperties(properties);
    server.stop();
    ASSERT_FALSE(answer.outcome.ok());
    const std::string everything =
        answer.outcome.message.sl + answer.outcome.message.en + answer.outcome.detail;
    EXPECT_NE(answer.outcome.detail.find("bad key [secret]"), std::string::npos) << answer.outcome.detail;
    for (std::size_t i = 0; i + 6 <= kKey.size(); ++i)
        ASSERT_EQ(everything.find(kKey.substr(i, 6)), std::string::npos)
            << "a piece of the key at " << i << " survived: " << answer.outcome.detail;
}

/// Answers 200 with a JSON body of `size` bytes (one long string), to see where the client stops reading.
class HugeHandler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit HugeHandler(std::size_t size, bool chunked) : _size(size), _chunked(chunked) {}
    void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) override {
        response.setContentType("application/json");
        if (_chunked)
            response.setChunkedTransferEncoding(true);
        else
            response.setContentLength64(static_cast<Poco::Int64>(_size));
        std::ostream& out = response.send();
        const std::string piece(65536, 'x');
        try {
            out << "{\"a\":\"";
            for (std::size_t sent = 8; sent < _size && out.good(); sent += piece.size()) out << piece;
            out << "\"}";
        } catch (const std::exception&) {
        }
    }

private:
    std::size_t _size;
    bool _chunked;
};

class HugeFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit HugeFactory(bool chunked) : _chunked(chunked) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new HugeHandler(3u << 20, _chunked);
    }

private:
    bool _chunked;
};

TEST(BoundedAnswers, AnAnswerLargerThanTheCapIsNotReadToItsEnd) {
    for (const bool chunked : {false, true}) {  // announced by Content-Length, or only by its bytes
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
        Poco::Net::HTTPServer server(new HugeFactory(chunked), socket, new Poco::Net::HTTPServerParams);
        server.start();
        estore::sdk::HttpClientOptions options;
        options.maxResponseBytes = 1u << 20;
        estore::wix::WixClient client("http://127.0.0.1:" + std::to_string(socket.address().port()), options,
                                      kKey, "4bd5f1d8-5a6f-4d7c-9a0e-3c1b2a9d8e7f");
        estore::wix::SiteProperties properties;
        const auto answer = client.siteProperties(properties);
        server.stop();
        EXPECT_EQ(answer.http.failure, estore::sdk::TransportFailure::TooLarge)
            << (chunked ? "chunked" : "sized");
        EXPECT_EQ(answer.outcome.code, "wix.invalid_response");
        EXPECT_TRUE(answer.outcome.retryable());
        EXPECT_LE(answer.http.response.body.size(), 1u << 20);
    }
}

TEST(BoundedAnswers, JsonNestedDeeperThanTheLimitIsRefused) {
    const auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
    EXPECT_TRUE(estore::sdk::parseJsonObject("{\"a\":" + nested(estore::sdk::kMaxJsonDepth - 2) + "}").ok());
    const auto deep = estore::sdk::parseJsonObject("{\"a\":" + nested(100000) + "}");
    EXPECT_FALSE(deep.ok());
    EXPECT_NE(deep.error.find("not JSON"), std::string::npos) << deep.error;
}

}  // namespace

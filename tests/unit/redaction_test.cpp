// A secret never survives in what the plugin reports, whole or in part: sdk::redactSecret masks every run
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

}  // namespace

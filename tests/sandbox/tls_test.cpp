// HTTPS serving with a self-signed certificate made by the openssl CLI: a client that trusts the
// certificate gets answers, one that does not is refused, so connector tests can prove verification.

#include <cstdlib>

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Net/Context.h>
#include <gtest/gtest.h>

#include "test_client.h"

namespace sandbox_test {
namespace {

class TlsTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (std::system("openssl version > /dev/null 2>&1") != 0) GTEST_SKIP() << "openssl CLI not available";
        _dir = makeTempDirectory();
        _cert = _dir + "/cert.pem";
        _key = _dir + "/key.pem";
        const std::string command =
            "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
            "-addext subjectAltName=IP:127.0.0.1 -keyout " +
            _key + " -out " + _cert + " > /dev/null 2>&1";
        ASSERT_EQ(std::system(command.c_str()), 0);
        wix_sandbox::SandboxOptions options = SandboxHarness::defaultOptions();
        options.tlsCertFile = _cert;
        options.tlsKeyFile = _key;
        _harness = std::make_unique<SandboxHarness>(options);
    }

    void TearDown() override {
        _harness.reset();
        if (!_dir.empty()) Poco::File(_dir).remove(true);
    }

    HttpResult version(const TestClient& client) {
        return client.wix("GET", "/stores/v3/provision/version", "", _harness->key(),
                          _harness->site().siteId);
    }

    std::string _dir, _cert, _key;
    std::unique_ptr<SandboxHarness> _harness;
};

TEST_F(TlsTest, ServesHttpsToAClientThatTrustsTheCertificate) {
    EXPECT_EQ(_harness->sandbox().baseUrl().rfind("https://127.0.0.1:", 0), 0u);
    Poco::Net::Context::Ptr trusting = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, _cert,
                                                              Poco::Net::Context::VERIFY_STRICT, 9, false);
    HttpResult result = version(TestClient(_harness->sandbox().port(), trusting));
    EXPECT_EQ(result.status, 200) << result.body;
}

TEST_F(TlsTest, ClientWithoutTheCertificateIsRefused) {
    Poco::Net::Context::Ptr strict = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "",
                                                            Poco::Net::Context::VERIFY_STRICT, 9, false);
    EXPECT_THROW(version(TestClient(_harness->sandbox().port(), strict)), Poco::Exception);
}

TEST_F(TlsTest, PlainHttpGetsNoHttpAnswer) {
    EXPECT_THROW(version(TestClient(_harness->sandbox().port())), Poco::Exception);
}

}  // namespace
}  // namespace sandbox_test

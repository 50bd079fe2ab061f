// Invoice e-mail through SMTP as a real mail server takes it: STARTTLS first (the server's certificate
// verified against mail.smtp_ca_file), then the login, then the message; a server that offers no
// STARTTLS gets nothing, the password least of all. The server here is a stub on 127.0.0.1 speaking
// just enough ESMTP (RFC 5321, STARTTLS per RFC 3207, AUTH LOGIN) to see what the client does.
#include <gtest/gtest.h>

#include <Poco/Base64Decoder.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>

#include "estore/host/config/host_config.h"
#include "estore/host/invoicing/invoice_mailer.h"
#include "test_support.h"

using namespace estore::host;

namespace {

std::string unbase64(const std::string& text) {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    return std::string((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
}

/// One SMTP conversation on 127.0.0.1, recorded.
class SmtpStub {
public:
    SmtpStub(bool offerStartTls, const std::string& certFile, const std::string& keyFile)
        : _socket(Poco::Net::SocketAddress("127.0.0.1", 0)), _offerStartTls(offerStartTls) {
        _context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, keyFile, certFile, "",
                                          Poco::Net::Context::VERIFY_NONE);
        _thread = std::thread([this] { serve(); });
    }
    ~SmtpStub() { _thread.join(); }
    unsigned short port() const { return _socket.address().port(); }

    bool tls = false;            ///< STARTTLS happened before the login
    std::string user, password;  ///< what AUTH LOGIN carried
    bool loginInClear = false;   ///< AUTH came before TLS
    std::string message;         ///< the DATA

private:
    std::string readLine() {
        std::string line;
        char c = 0;
        while (_peer->receiveBytes(&c, 1) == 1) {
            if (c == '\n') break;
            if (c != '\r') line += c;
        }
        return line;
    }
    void say(const std::string& text) {
        const std::string line = text + "\r\n";
        _peer->sendBytes(line.data(), static_cast<int>(line.size()));
    }
    void serve() {
        try {
            _socket.setReceiveTimeout(Poco::Timespan(10, 0));
            Poco::Net::StreamSocket plain = _socket.acceptConnection();
            plain.setReceiveTimeout(Poco::Timespan(10, 0));
            _peer = std::make_unique<Poco::Net::StreamSocket>(plain);
            say("220 stub.example ESMTP");
            for (;;) {
                const std::string line = readLine();
                if (line.empty()) return;
                const std::string verb = line.substr(0, line.find(' '));
                if (verb == "EHLO" || verb == "HELO") {
                    say("250-stub.example");
                    if (_offerStartTls && !tls) say("250-STARTTLS");
                    say("250 AUTH LOGIN PLAIN");
                } else if (verb == "STARTTLS" && _offerStartTls) {
                    say("220 go ahead");
                    auto secure = Poco::Net::SecureStreamSocket::attach(*_peer, _context);
                    secure.completeHandshake();
                    _peer = std::make_unique<Poco::Net::StreamSocket>(secure);
                    tls = true;
                } else if (verb == "AUTH") {
                    loginInClear = !tls;
                    say("334 VXNlcm5hbWU6");
                    user = unbase64(readLine());
                    say("334 UGFzc3dvcmQ6");
                    password = unbase64(readLine());
                    say("235 2.7.0 accepted");
                } else if (verb == "MAIL" || verb == "RCPT" || verb == "RSET" || verb == "NOOP") {
                    say("250 ok");
                } else if (verb == "DATA") {
                    say("354 go on");
                    for (std::string data = readLine(); data != "."; data = readLine())
                        message += data + "\n";
                    say("250 queued");
                } else if (verb == "QUIT") {
                    say("221 bye");
                    return;
                } else {
                    say("502 not here");
                }
            }
        } catch (const Poco::Exception&) {
            // the client hung up: the test looks at what was recorded
        }
    }

    Poco::Net::ServerSocket _socket;
    bool _offerStartTls;
    Poco::Net::Context::Ptr _context;
    std::unique_ptr<Poco::Net::StreamSocket> _peer;
    std::thread _thread;
};

class InvoiceSmtp : public ::testing::Test {
protected:
    void SetUp() override {
        _cert = _dir.file("smtp-cert.pem");
        _key = _dir.file("smtp-key.pem");
        const std::string command =
            "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
            "-addext subjectAltName=DNS:127.0.0.1,IP:127.0.0.1 -keyout " +
            _key + " -out " + _cert + " 2>/dev/null";
        ASSERT_EQ(std::system(command.c_str()), 0) << "openssl could not make the stub's certificate";
        _config.setOverride("mail.smtp_host", "127.0.0.1");
        _config.setOverride("mail.smtp_ca_file", _cert);
        _config.setOverride("mail.smtp_user", "racuni@podjetje.si");
        _config.setOverride("mail.smtp_password", "smtp-geslo-123");
        _config.setOverride("mail.from", "racuni@podjetje.si");
    }

    Invoice invoice() const {
        Invoice i;
        i.number = "SPLET1-1N-9";
        i.currency = "EUR";
        i.seller = {"Testno podjetje d.o.o.", "Ljubljana", "12345678"};
        i.buyer.name = "Ana Novak";
        i.buyer.email = "ana@example.si";
        i.totalGross = {2440, 2};
        return i;
    }

    estore::test::TempDir _dir;
    std::string _cert, _key;
    HostConfig _config;
};

TEST_F(InvoiceSmtp, StartTlsComesFirstThenTheLoginThenTheMessage) {
    SmtpStub stub(true, _cert, _key);
    _config.setOverride("mail.smtp_port", std::to_string(stub.port()));
    const MailDelivery delivery = InvoiceMailer(_config, "").deliver(invoice());
    EXPECT_EQ(delivery.state, "sent") << delivery.detail;
    EXPECT_TRUE(stub.tls);
    EXPECT_FALSE(stub.loginInClear);
    EXPECT_EQ(stub.user, "racuni@podjetje.si");
    EXPECT_EQ(stub.password, "smtp-geslo-123");
    EXPECT_NE(stub.message.find("SPLET1-1N-9"), std::string::npos);
}

TEST_F(InvoiceSmtp, AServerWithoutStartTlsGetsNothingThePasswordLeastOfAll) {
    SmtpStub stub(false, _cert, _key);
    _config.setOverride("mail.smtp_port", std::to_string(stub.port()));
    const MailDelivery delivery = InvoiceMailer(_config, "").deliver(invoice());
    EXPECT_EQ(delivery.state, "failed");
    EXPECT_NE(delivery.detail.find("does not offer STARTTLS"), std::string::npos) << delivery.detail;
    EXPECT_TRUE(stub.password.empty());
    EXPECT_TRUE(stub.message.empty());
    EXPECT_EQ(delivery.detail.find("smtp-geslo-123"), std::string::npos);
}

TEST_F(InvoiceSmtp, AServerWhoseCertificateIsNotTrustedGetsNothing) {
    SmtpStub stub(true, _cert, _key);
    _config.setOverride("mail.smtp_port", std::to_string(stub.port()));
    _config.setOverride("mail.smtp_ca_file",
                        "");  // the system's CAs only: the stub's own certificate is not among them
    const MailDelivery delivery = InvoiceMailer(_config, "").deliver(invoice());
    EXPECT_EQ(delivery.state, "failed") << delivery.detail;
    EXPECT_TRUE(stub.password.empty());
    EXPECT_TRUE(stub.message.empty());
}

TEST_F(InvoiceSmtp, PlainSmtpOnlyToThisMachine) {
    _config.setOverride("mail.smtp_tls", "none");
    _config.setOverride("mail.smtp_host", "mail.example.si");
    const MailDelivery delivery = InvoiceMailer(_config, "").deliver(invoice());
    EXPECT_EQ(delivery.state, "failed");
    EXPECT_NE(delivery.detail.find("only for a mail server on this machine"), std::string::npos)
        << delivery.detail;
}

}  // namespace

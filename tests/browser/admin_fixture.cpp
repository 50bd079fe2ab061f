#include "admin_fixture.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <signal.h>
#include <fstream>
#include <regex>
#include <sstream>

namespace estore::test {

void AdminPagesTest::SetUp() {
    HostE2E::SetUp();
    if (IsSkipped()) return;
    startSandbox();
    auto added = host({"user", "add", kUser}, {{"ESTORE_UI_PASSWORD", kPassword}});
    ASSERT_EQ(added.exitCode, 0) << added.describe();
    const std::string portFile = _dir.file("ui.port");
    _ui = std::make_unique<BackgroundProcess>(
        ESTORE_HOST_EXE,
        std::vector<std::string>{"--db", _db, "--plugins", ESTORE_PLUGIN_DIR, "--config", _config, "ui",
                                 "--ui-port", "0", "--port-file", portFile},
        _dir.path().string(), _dir.file("ui.log"));
    _port = waitForPortFile(portFile);
    ASSERT_NE(_port, 0) << "estore-host ui did not start:\n" << uiLog();
}

void AdminPagesTest::TearDown() {
    _browser.reset();
    if (_worker) _worker->stop(SIGTERM);
    if (_ui) _ui->stop(SIGTERM);
    HostE2E::TearDown();
}

ChromiumBrowser& AdminPagesTest::browser() {
    if (!_browser) _browser = std::make_unique<ChromiumBrowser>(_dir.path());
    return *_browser;
}

void AdminPagesTest::screenshot(const std::string& step) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::filesystem::path dir = std::filesystem::path(ESTORE_TEST_OUTPUT) /
                                      (std::string(info->test_suite_name()) + "." + info->name());
    browser().screenshot(dir / (step + ".png"));
}

void AdminPagesTest::signInWithBrowser() {
    auto& b = browser();
    b.open(url("/"));
    ASSERT_NE(b.url().find("/signin"), std::string::npos) << b.url();
    b.type("#name", kUser);
    b.type("#password", kPassword);
    b.clickAndWait("#signin");
    ASSERT_EQ(b.url(), url("/")) << b.text("main");
}

unsigned short AdminPagesTest::startWorker() {
    const std::string portFile = _dir.file("webhook.port");
    _worker = std::make_unique<BackgroundProcess>(
        ESTORE_HOST_EXE,
        std::vector<std::string>{"--db", _db, "--plugins", ESTORE_PLUGIN_DIR, "--config", _config, "run",
                                 "--webhook-port", "0", "--port-file", portFile},
        _dir.path().string(), _dir.file("worker.log"));
    const unsigned short port = waitForPortFile(portFile);
    EXPECT_NE(port, 0) << "estore-host run did not start";
    return port;
}

std::string AdminPagesTest::addStoreByCli() {
    auto added = host({"add-store", "--platform", "wix", "--json", "--set", "api_key=" + _identity.apiKey,
                       "--set", "site_id=" + _identity.siteId, "--set", "warehouse=GLAVNO", "--set",
                       "cost_center=SPLET", "--set", "import_since=2020-01-01"});
    EXPECT_EQ(added.exitCode, 0) << added.describe();
    return json(added)->getObject("store")->getValue<std::string>("id");
}

std::string AdminPagesTest::uiLog() const {
    std::ifstream in(_dir.file("ui.log"));
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

HttpAnswer AdminPagesTest::request(const std::string& method, const std::string& path,
                                   const std::string& body, const std::string& cookie) {
    Poco::Net::HTTPClientSession session("127.0.0.1", _port);
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!cookie.empty()) request.set("Cookie", cookie);
    if (method == "POST") {
        request.setContentType("application/x-www-form-urlencoded");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
        session.sendRequest(request) << body;
    } else {
        session.sendRequest(request);
    }
    Poco::Net::HTTPResponse response;
    HttpAnswer answer;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), answer.body);
    answer.status = static_cast<int>(response.getStatus());
    for (const auto& [name, value] : response) {
        answer.headers[Poco::toLower(name)] = value;
        if (Poco::icompare(name, "Set-Cookie") == 0) answer.cookies.push_back(value);
    }
    return answer;
}

std::pair<std::string, std::string> AdminPagesTest::signInOverHttp() {
    const HttpAnswer form = request("GET", "/signin");
    std::smatch token;
    EXPECT_TRUE(std::regex_search(form.body, token, std::regex("name=\"_signin\" value=\"([0-9a-f]+)\"")));
    const std::string signinCookie = "estore_signin=" + token[1].str();
    const HttpAnswer signedIn =
        request("POST", "/signin", "_signin=" + token[1].str() + "&name=" + kUser + "&password=" + kPassword,
                signinCookie);
    EXPECT_EQ(signedIn.status, 303) << signedIn.body;
    std::string session;
    for (const auto& cookie : signedIn.cookies)
        if (cookie.rfind("estore_session=", 0) == 0) session = cookie.substr(0, cookie.find(';'));
    const HttpAnswer page = request("GET", "/", "", session);
    std::smatch csrf;
    EXPECT_TRUE(std::regex_search(page.body, csrf, std::regex("name=\"_csrf\" value=\"([0-9a-f]+)\"")));
    return {session, csrf[1].str()};
}

}  // namespace estore::test

// The admin pages' defences, over plain HTTP: nothing without a session, no form without its CSRF token,
// the sign-in back-off, the security headers on every answer.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <sys/wait.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <iterator>
#include <regex>
#include <thread>

#include "admin_fixture.h"

namespace estore::test {

TEST_F(AdminPagesTest, APageWithoutASessionSendsToSignInAndAFormWithoutOneIsRefused) {
    const HttpAnswer page = request("GET", "/stores/new?platform=wix");
    EXPECT_EQ(page.status, 303);
    EXPECT_EQ(page.header("location"), "/signin?next=%2Fstores%2Fnew%3Fplatform%3Dwix");
    const HttpAnswer post = request("POST", "/stores/new", "platform=wix&f_api_key=x&f_site_id=y");
    EXPECT_EQ(post.status, 403);
    const HttpAnswer forged = request("GET", "/", "", "estore_session=" + std::string(64, 'a'));
    EXPECT_EQ(forged.status, 303) << "an unknown session token opens nothing";
    EXPECT_EQ(storesJson()->size(), 0u);
}

TEST_F(AdminPagesTest, AFormWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing) {
    const auto [session, csrf] = signInOverHttp();
    const std::string form = "platform=wix&f_api_key=" + _identity.apiKey + "&f_site_id=" + _identity.siteId +
                             "&f_warehouse=GLAVNO&f_cost_center=SPLET";
    const HttpAnswer missing = request("POST", "/stores/new", form, session);
    EXPECT_EQ(missing.status, 403);
    EXPECT_NE(missing.body.find("CSRF"), std::string::npos);
    const HttpAnswer wrong = request("POST", "/stores/new", form + "&_csrf=" + std::string(64, '0'), session);
    EXPECT_EQ(wrong.status, 403);
    EXPECT_EQ(storesJson()->size(), 0u);
    const HttpAnswer right = request("POST", "/stores/new", form + "&_csrf=" + csrf, session);
    EXPECT_EQ(right.status, 303) << right.body;
    EXPECT_EQ(right.header("location"), "/stores/wix-1?added=1");
    EXPECT_EQ(storesJson()->size(), 1u);
    EXPECT_EQ(right.body.find(_identity.apiKey), std::string::npos);
}

TEST_F(AdminPagesTest, ASignInPostedWithoutTheFormsCookieIsRefused) {
    const HttpAnswer answer =
        request("POST", "/signin",
                std::string("_signin=") + std::string(64, 'b') + "&name=" + kUser + "&password=" + kPassword);
    EXPECT_EQ(answer.status, 403);
    for (const auto& cookie : answer.cookies)
        EXPECT_EQ(cookie.rfind("estore_session=", 0), std::string::npos);
}

TEST_F(AdminPagesTest, FiveWrongPasswordsLockTheUserEvenAgainstTheRightOne) {
    auto attempt = [&](const std::string& password) {
        const HttpAnswer form = request("GET", "/signin");
        const auto at = form.body.find("name=\"_signin\" value=\"") + 22;
        const std::string token = form.body.substr(at, 64);
        return request("POST", "/signin", "_signin=" + token + "&name=" + kUser + "&password=" + password,
                       "estore_signin=" + token);
    };
    for (int i = 0; i < 4; ++i) EXPECT_EQ(attempt("wrong-password-" + std::to_string(i)).status, 401);
    const HttpAnswer fifth = attempt("wrong-password-5");
    EXPECT_EQ(fifth.status, 401);
    EXPECT_NE(fifth.body.find("zaklenjena do"), std::string::npos) << fifth.body;
    const HttpAnswer locked = attempt(kPassword);
    EXPECT_EQ(locked.status, 429);
    EXPECT_NE(locked.body.find("Preveč napačnih poskusov"), std::string::npos);
    for (const auto& cookie : locked.cookies)
        EXPECT_EQ(cookie.rfind("estore_session=", 0), std::string::npos);
    // A new password (estore-host user add again) lifts the lock.
    ASSERT_EQ(host({"user", "add", kUser}, {{"ESTORE_UI_PASSWORD", kPassword}}).exitCode, 0);
    EXPECT_EQ(attempt(kPassword).status, 303);
}

TEST_F(AdminPagesTest, UserCommandsAnswerInJson) {
    const auto parsed = [](const estore::test::ProcessResult& run) {
        return Poco::JSON::Parser().parse(run.out).extract<Poco::JSON::Object::Ptr>();
    };
    auto again = host({"user", "add", kUser, "--json"}, {{"ESTORE_UI_PASSWORD", kPassword}});
    ASSERT_EQ(again.exitCode, 0) << again.describe();
    EXPECT_FALSE(parsed(again)->getValue<bool>("added")) << "an existing user gets a new password";
    auto added = host({"user", "add", "bojan", "--json"}, {{"ESTORE_UI_PASSWORD", "bojan-geslo-123"}});
    EXPECT_TRUE(parsed(added)->getValue<bool>("added")) << added.out;
    EXPECT_EQ(parsed(added)->getValue<std::string>("user"), "bojan");
    const auto users = parsed(host({"user", "list", "--json"}))->getArray("users");
    ASSERT_EQ(users->size(), 2u);
    EXPECT_EQ(users->getElement<std::string>(0), kUser);
    EXPECT_EQ(users->getElement<std::string>(1), "bojan");
    EXPECT_TRUE(parsed(host({"user", "remove", "bojan", "--json"}))->getValue<bool>("removed"));
    auto unknown = host({"user", "remove", "bojan", "--json"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_EQ(parsed(unknown)->getObject("error")->getValue<std::string>("code"), "ui.user_unknown");
    EXPECT_EQ(added.out.find("bojan-geslo"), std::string::npos) << "a password is never printed";

    // ui --json says where it serves as one object, before the port file is written.
    const std::string portFile = _dir.file("ui-json.port");
    BackgroundProcess ui(ESTORE_HOST_EXE,
                         {"--db", _db, "--plugins", ESTORE_PLUGIN_DIR, "--config", _config, "ui", "--ui-port",
                          "0", "--port-file", portFile, "--json"},
                         _dir.path().string(), _dir.file("ui-json.log"));
    const unsigned short port = waitForPortFile(portFile);
    ASSERT_NE(port, 0);
    std::ifstream log(_dir.file("ui-json.log"));
    const std::string said((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    const auto started = Poco::JSON::Parser().parse(said).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(started->getValue<int>("port"), port);
    EXPECT_EQ(started->getValue<std::string>("url"), "http://127.0.0.1:" + std::to_string(port) + "/");
    EXPECT_EQ(started->getValue<int>("users"), 1);
    EXPECT_EQ(ui.stop(SIGTERM), 0);
}

TEST_F(AdminPagesTest, EveryAnswerCarriesTheSecurityHeadersAndTheSessionCookieIsHttpOnlyAndStrict) {
    const auto [session, csrf] = signInOverHttp();
    for (const std::string path : {"/", "/signin", "/stores/new", "/static/app.css", "/no-such-page"}) {
        const HttpAnswer answer = request("GET", path, "", session);
        const std::string policy = answer.header("content-security-policy");
        EXPECT_NE(policy.find("script-src 'self'"), std::string::npos) << path;
        EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << path;
        EXPECT_EQ(answer.header("x-frame-options"), "DENY") << path;
        EXPECT_EQ(answer.header("x-content-type-options"), "nosniff") << path;
        // No inline script anywhere: every <script> has a src.
        EXPECT_EQ(answer.body.find("<script>"), std::string::npos) << path;
    }
    EXPECT_EQ(request("GET", "/no-such-page", "", session).status, 404);
    const HttpAnswer form = request("GET", "/signin");
    const auto at = form.body.find("name=\"_signin\" value=\"") + 22;
    const std::string token = form.body.substr(at, 64);
    const HttpAnswer signedIn = request(
        "POST", "/signin", "_signin=" + token + "&name=" + std::string(kUser) + "&password=" + kPassword,
        "estore_signin=" + token);
    std::string cookie;
    for (const auto& c : signedIn.cookies)
        if (c.rfind("estore_session=", 0) == 0) cookie = c;
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
    EXPECT_NE(signedIn.header("location"), "") << "signing in goes on to the page asked for";
}

TEST_F(AdminPagesTest, SigningOutEndsTheSession) {
    const auto [session, csrf] = signInOverHttp();
    EXPECT_EQ(request("GET", "/", "", session).status, 200);
    EXPECT_EQ(request("POST", "/signout", "_csrf=" + csrf, session).status, 303);
    EXPECT_EQ(request("GET", "/", "", session).status, 303);
}

}  // namespace estore::test

namespace estore::test {

TEST_F(AdminPagesTest, TheActivityLogIsFilteredByLevel) {
    const std::string storeId = addStoreByCli();
    const auto [session, csrf] = signInOverHttp();
    const HttpAnswer all = request("GET", "/stores/" + storeId + "/activity", "", session);
    EXPECT_EQ(all.status, 200);
    EXPECT_NE(all.body.find("Trgovina je povezana"), std::string::npos);
    EXPECT_NE(request("GET", "/stores/" + storeId + "/activity?level=info", "", session)
                  .body.find("Trgovina je povezana"),
              std::string::npos);
    const HttpAnswer errors = request("GET", "/stores/" + storeId + "/activity?level=error", "", session);
    EXPECT_EQ(errors.status, 200);
    EXPECT_EQ(errors.body.find("Trgovina je povezana"), std::string::npos);
    EXPECT_EQ(request("GET", "/stores/no-such-store/activity", "", session).status, 404);
}

}  // namespace estore::test

namespace estore::test {

TEST_F(AdminPagesTest, RunServesTheAdminPagesBesideTheSchedulerWhenAPortIsGiven) {
    const std::string log = _dir.file("run-ui.log");
    // --lang sl: the line read below is in the log's language, whatever the locale.
    BackgroundProcess run(
        ESTORE_HOST_EXE,
        {"--db", _db, "--plugins", ESTORE_PLUGIN_DIR, "--config", _config, "--lang", "sl", "run",
         "--webhook-port", "0", "--ui-port", "0", "--port-file", _dir.file("run.port")},
        _dir.path().string(), log);
    ASSERT_NE(waitForPortFile(_dir.file("run.port")), 0);
    std::smatch port;
    std::string text;
    const std::regex announced("Strani za upravljanje: http://127\\.0\\.0\\.1:(\\d+)/");
    for (int i = 0; i < 100 && !std::regex_search(text, port, announced); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::ifstream in(log);
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    ASSERT_FALSE(port.empty()) << text;
    const unsigned short uiPort = static_cast<unsigned short>(std::stoi(port[1].str()));
    Poco::Net::HTTPClientSession session("127.0.0.1", uiPort);
    Poco::Net::HTTPRequest get(Poco::Net::HTTPRequest::HTTP_GET, "/signin", Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(get);
    Poco::Net::HTTPResponse response;
    std::string body;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
    EXPECT_EQ(response.getStatus(), Poco::Net::HTTPResponse::HTTP_OK);
    EXPECT_NE(body.find("Prijava"), std::string::npos);
    EXPECT_EQ(WEXITSTATUS(run.stop(SIGTERM)), 0);
}

}  // namespace estore::test

namespace estore::test {

TEST_F(AdminPagesTest, AFormWithoutAMapsTableLeavesTheMapAtItsDefault) {
    // A client that posts only some fields (a script, an older page) does not empty the payment map.
    const auto [session, csrf] = signInOverHttp();
    const HttpAnswer added =
        request("POST", "/stores/new",
                "_csrf=" + csrf + "&platform=wix&f_api_key=" + _identity.apiKey +
                    "&f_site_id=" + _identity.siteId + "&f_warehouse=GLAVNO&f_cost_center=SPLET",
                session);
    ASSERT_EQ(added.status, 303) << added.body;
    EXPECT_NE(host({"stores", "--json"}).out.find("CASH=CashOnDelivery:fiscal"), std::string::npos);
}

}  // namespace estore::test

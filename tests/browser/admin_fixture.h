#pragma once
// wix-sandbox, a user "ana" and `estore-host ui` on an ephemeral port, as processes; a browser or plain
// HTTP requests against the admin pages. Screenshots go to ESTORE_TEST_OUTPUT/<test name>/.
#include <Poco/Net/HTTPResponse.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "background_process.h"
#include "chromium_browser.h"
#include "e2e_fixture.h"

namespace estore::test {

struct HttpAnswer {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;  ///< the last value of each (lower-case names)
    std::vector<std::string> cookies;            ///< Set-Cookie values

    std::string header(const std::string& lowerCaseName) const {
        auto it = headers.find(lowerCaseName);
        return it == headers.end() ? "" : it->second;
    }
};

class AdminPagesTest : public HostE2E {
protected:
    static constexpr const char* kUser = "ana";
    static constexpr const char* kPassword = "korenjak-na-vrtu-7";

    void SetUp() override;
    void TearDown() override;

    /// The browser, started on first use.
    ChromiumBrowser& browser();
    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(_port) + path;
    }
    /// A screenshot of what the browser shows now, named after the step; kept with the test output.
    void screenshot(const std::string& step);
    void signInWithBrowser();

    /// A plain HTTP request; `cookie` is sent as the Cookie header when not empty.
    HttpAnswer request(const std::string& method, const std::string& path, const std::string& body = "",
                       const std::string& cookie = "");
    /// Signs in over plain HTTP; returns the Cookie header value (the session) and the CSRF token.
    std::pair<std::string, std::string> signInOverHttp();
    /// `estore-host run` beside the pages (a worker: it runs the jobs and serves the webhook endpoint on an
    /// ephemeral port, returned).
    unsigned short startWorker();
    /// add-store through the CLI, importing orders updated since 2020; returns the store id.
    std::string addStoreByCli();
    /// Everything the ui process logged.
    std::string uiLog() const;

    std::unique_ptr<BackgroundProcess> _ui;
    std::unique_ptr<BackgroundProcess> _worker;
    std::unique_ptr<ChromiumBrowser> _browser;
    unsigned short _port = 0;
};

}  // namespace estore::test

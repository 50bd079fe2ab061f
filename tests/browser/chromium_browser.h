#pragma once
// Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket on 127.0.0.1): the tests
// open pages, type and click as a person would, read what the page shows and take screenshots. One
// browser process per instance, with a profile of its own in a temp folder.
#include <Poco/JSON/Object.h>
#include <Poco/Net/WebSocket.h>

#include <filesystem>
#include <memory>
#include <string>

#include "background_process.h"

namespace estore::test {

class ChromiumBrowser {
public:
    /// Starts /usr/bin/chromium (ESTORE_CHROMIUM overrides); throws with the reason when it cannot.
    explicit ChromiumBrowser(const std::filesystem::path& workDir);
    ~ChromiumBrowser();

    ChromiumBrowser(const ChromiumBrowser&) = delete;
    ChromiumBrowser& operator=(const ChromiumBrowser&) = delete;

    /// Opens the URL and waits until the page has loaded.
    void open(const std::string& url);
    /// Clicks the element (a link or a submit button) and waits for the page it leads to.
    void clickAndWait(const std::string& selector);
    /// Focuses the input and types the text into it, as keystrokes insert it (replacing what was there).
    void type(const std::string& selector, const std::string& text);
    /// Chooses the option with this value in a <select>.
    void select(const std::string& selector, const std::string& value);
    void setChecked(const std::string& selector, bool checked);
    /// Chooses a file in an <input type=file>, as the file dialog would (DOM.setFileInputFiles).
    void chooseFile(const std::string& selector, const std::filesystem::path& file);

    /// The page's JavaScript expression's value, as a string (JSON for objects).
    std::string evaluate(const std::string& expression);
    /// innerText of the first element matching, "" when there is none.
    std::string text(const std::string& selector);
    bool exists(const std::string& selector);
    std::string url() { return evaluate("location.href"); }
    /// The whole page's HTML as the browser has it now.
    std::string html() { return evaluate("document.documentElement.outerHTML"); }

    /// A PNG of the page (full height) written to `path`.
    void screenshot(const std::filesystem::path& path);

    /// The whole protocol call: sends the method and waits for its answer (events are skipped).
    Poco::JSON::Object::Ptr call(const std::string& method, Poco::JSON::Object::Ptr params = nullptr);

private:
    void waitForLoad(const std::string& marker);
    static std::string quoted(const std::string& text);

    std::filesystem::path _profile;
    std::unique_ptr<BackgroundProcess> _process;
    std::unique_ptr<Poco::Net::HTTPClientSession> _session;
    std::unique_ptr<Poco::Net::WebSocket> _socket;
    int _nextId = 1;
};

}  // namespace estore::test

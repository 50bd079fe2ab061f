#include "chromium_browser.h"

#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <signal.h>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace estore::test {

namespace {

using Clock = std::chrono::steady_clock;

unsigned short waitForDevToolsPort(const std::filesystem::path& profile, const std::string& log) {
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    while (Clock::now() < deadline) {
        std::ifstream in(profile / "DevToolsActivePort");
        unsigned port = 0;
        if (in >> port && port > 0) return static_cast<unsigned short>(port);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    throw std::runtime_error("Chromium did not open its DevTools port within 30 s; its log:\n" + text.str());
}

/// The WebSocket path of the browser's first page (the about:blank it opened).
std::string pageSocketPath(unsigned short port) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/json/list",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::string body;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
    auto pages = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < pages->size(); ++i) {
        auto page = pages->getObject(static_cast<unsigned>(i));
        if (page->getValue<std::string>("type") != "page") continue;
        const std::string url = page->getValue<std::string>("webSocketDebuggerUrl");
        return url.substr(url.find("/devtools/"));
    }
    throw std::runtime_error("Chromium shows no page to drive: " + body);
}

}  // namespace

ChromiumBrowser::ChromiumBrowser(const std::filesystem::path& workDir)
    : _profile(workDir / "chromium-profile") {
    const char* override = std::getenv("ESTORE_CHROMIUM");
    const std::string executable = override && *override ? override : "/usr/bin/chromium";
    if (!std::filesystem::exists(executable))
        throw std::runtime_error(executable + " is missing: ./setup.sh installs Debian's chromium");
    std::filesystem::create_directories(_profile);
    const std::string log = (workDir / "chromium.log").string();
    _process = std::make_unique<BackgroundProcess>(
        executable,
        std::vector<std::string>{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                 "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                                 "--disable-background-networking", "--remote-debugging-address=127.0.0.1",
                                 "--remote-debugging-port=0", "--user-data-dir=" + _profile.string(),
                                 "--window-size=1280,900", "--lang=sl", "about:blank"},
        workDir.string(), log);
    const unsigned short port = waitForDevToolsPort(_profile, log);
    _session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", port);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, pageSocketPath(port),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    Poco::Net::HTTPResponse response;
    _socket = std::make_unique<Poco::Net::WebSocket>(*_session, request, response);
    _socket->setMaxPayloadSize(256 * 1024 * 1024);
    _socket->setReceiveTimeout(Poco::Timespan(60, 0));
    call("Page.enable");
    call("Runtime.enable");
}

ChromiumBrowser::~ChromiumBrowser() {
    try {
        if (_socket) _socket->shutdown();
    } catch (...) {
    }
    if (_process) _process->stop(SIGTERM);
}

Poco::JSON::Object::Ptr ChromiumBrowser::call(const std::string& method, Poco::JSON::Object::Ptr params) {
    const int id = _nextId++;
    Poco::JSON::Object message;
    message.set("id", id);
    message.set("method", method);
    message.set("params", params ? params : Poco::JSON::Object::Ptr(new Poco::JSON::Object));
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(message, out);
    const std::string text = out.str();
    _socket->sendFrame(text.data(), static_cast<int>(text.size()), Poco::Net::WebSocket::FRAME_TEXT);
    for (;;) {
        std::string whole;
        int flags = 0;
        do {
            Poco::Buffer<char> buffer(0);
            const int n = _socket->receiveFrame(buffer, flags);
            if (n <= 0) throw std::runtime_error("Chromium closed the DevTools connection during " + method);
            whole.append(buffer.begin(), static_cast<std::size_t>(n));
        } while (!(flags & Poco::Net::WebSocket::FRAME_FLAG_FIN));
        auto reply = Poco::JSON::Parser().parse(whole).extract<Poco::JSON::Object::Ptr>();
        if (!reply->has("id") || reply->getValue<int>("id") != id) continue;  // an event
        if (reply->has("error"))
            throw std::runtime_error(
                method + " failed: " + reply->getObject("error")->getValue<std::string>("message"));
        return reply->getObject("result");
    }
}

std::string ChromiumBrowser::quoted(const std::string& text) {
    std::ostringstream out;
    Poco::JSON::Stringifier::formatString(text, out);
    return out.str();
}

std::string ChromiumBrowser::evaluate(const std::string& expression) {
    Poco::JSON::Object::Ptr params = new Poco::JSON::Object;
    params->set("expression", "(function(){ const v = (" + expression +
                                  "); return typeof v === 'string' ? v : JSON.stringify(v); })()");
    params->set("returnByValue", true);
    auto result = call("Runtime.evaluate", params);
    if (result->has("exceptionDetails")) throw std::runtime_error("the page's script failed: " + expression);
    auto value = result->getObject("result");
    return value->has("value") && !value->isNull("value") ? value->getValue<std::string>("value") : "";
}

void ChromiumBrowser::waitForLoad(const std::string& marker) {
    // The old document carried the marker; the new one, fully loaded, does not.
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    while (Clock::now() < deadline) {
        try {
            if (evaluate("window." + marker + " === undefined && document.readyState === 'complete'") ==
                "true")
                return;
        } catch (const std::exception&) {
            // The page is between documents: try again.
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("the page did not load within 60 s (at " + url() + ")");
}

void ChromiumBrowser::open(const std::string& url) {
    evaluate("window.__estoreOld = true");
    Poco::JSON::Object::Ptr params = new Poco::JSON::Object;
    params->set("url", url);
    call("Page.navigate", params);
    waitForLoad("__estoreOld");
}

void ChromiumBrowser::clickAndWait(const std::string& selector) {
    evaluate("window.__estoreOld = true");
    if (evaluate("(function(){ const e = document.querySelector(" + quoted(selector) +
                 "); if (!e) return 'missing'; e.click(); return 'ok'; })()") != "ok")
        throw std::runtime_error("nothing to click at " + selector + " on " + url());
    waitForLoad("__estoreOld");
}

void ChromiumBrowser::type(const std::string& selector, const std::string& text) {
    if (evaluate("(function(){ const e = document.querySelector(" + quoted(selector) +
                 "); if (!e) return 'missing'; e.focus(); e.select && e.select(); return 'ok'; })()") != "ok")
        throw std::runtime_error("no input at " + selector + " on " + url());
    Poco::JSON::Object::Ptr params = new Poco::JSON::Object;
    params->set("text", text);
    call("Input.insertText", params);
}

void ChromiumBrowser::select(const std::string& selector, const std::string& value) {
    if (evaluate("(function(){ const e = document.querySelector(" + quoted(selector) +
                 "); if (!e) return 'missing'; e.value = " + quoted(value) +
                 "; e.dispatchEvent(new Event('change', {bubbles: true})); return e.value; })()") != value)
        throw std::runtime_error("no option " + value + " in " + selector + " on " + url());
}

void ChromiumBrowser::setChecked(const std::string& selector, bool checked) {
    if (evaluate("(function(){ const e = document.querySelector(" + quoted(selector) +
                 "); if (!e) return 'missing'; if (e.checked !== " + (checked ? "true" : "false") +
                 ") e.click(); return 'ok'; })()") != "ok")
        throw std::runtime_error("no checkbox at " + selector + " on " + url());
}

void ChromiumBrowser::chooseFile(const std::string& selector, const std::filesystem::path& file) {
    const auto root = call("DOM.getDocument")->getObject("root")->getValue<int>("nodeId");
    Poco::JSON::Object::Ptr query = new Poco::JSON::Object;
    query->set("nodeId", root);
    query->set("selector", selector);
    const int node = call("DOM.querySelector", query)->getValue<int>("nodeId");
    if (node == 0) throw std::runtime_error("no file input at " + selector + " on " + url());
    Poco::JSON::Object::Ptr params = new Poco::JSON::Object;
    Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
    files->add(std::filesystem::absolute(file).string());
    params->set("files", files);
    params->set("nodeId", node);
    call("DOM.setFileInputFiles", params);
}

std::string ChromiumBrowser::text(const std::string& selector) {
    return evaluate("(function(){ const e = document.querySelector(" + quoted(selector) +
                    "); return e ? e.innerText : ''; })()");
}

bool ChromiumBrowser::exists(const std::string& selector) {
    return evaluate("document.querySelector(" + quoted(selector) + ") !== null") == "true";
}

void ChromiumBrowser::screenshot(const std::filesystem::path& path) {
    Poco::JSON::Object::Ptr params = new Poco::JSON::Object;
    params->set("format", "png");
    params->set("captureBeyondViewport", true);
    // The full page: the layout's content size as the clip.
    auto metrics = call("Page.getLayoutMetrics");
    auto size = metrics->getObject("cssContentSize");
    Poco::JSON::Object::Ptr clip = new Poco::JSON::Object;
    clip->set("x", 0);
    clip->set("y", 0);
    clip->set("width", size->getValue<double>("width"));
    clip->set("height", size->getValue<double>("height"));
    clip->set("scale", 1);
    params->set("clip", clip);
    const std::string data = call("Page.captureScreenshot", params)->getValue<std::string>("data");
    std::istringstream in(data);
    Poco::Base64Decoder decoder(in);
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << decoder.rdbuf();
}

}  // namespace estore::test

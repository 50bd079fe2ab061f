#include "estore/host/demo/sandbox_process.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <sys/wait.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace estore::host {

namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// True once the child has exited; reaps it. (kill(pid, 0), which Poco's isRunning uses, still
/// succeeds for an unreaped zombie.)
bool hasExited(Poco::ProcessHandle& handle, int& exitCode) {
    int status = 0;
    const pid_t pid = ::waitpid(handle.id(), &status, WNOHANG);
    if (pid == 0) return false;
    exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return true;
}

std::string stringOf(const Poco::JSON::Object::Ptr& object, std::initializer_list<const char*> names) {
    if (!object) return {};
    for (const char* name : names)
        if (object->has(name) && object->get(name).isString()) return object->getValue<std::string>(name);
    return {};
}

}  // namespace

SandboxProcess::SandboxProcess(std::filesystem::path executable, std::vector<std::string> extraArgs,
                               std::filesystem::path logFile)
    : _executable(std::move(executable)), _extraArgs(std::move(extraArgs)), _logFile(std::move(logFile)) {}

SandboxProcess::~SandboxProcess() {
    try {
        stop();
    } catch (...) {
    }
}

void SandboxProcess::start(std::chrono::milliseconds timeout) {
    if (!std::filesystem::exists(_executable))
        throw std::runtime_error("wix-sandbox not found at " + _executable.string() +
                                 " (build the wix-sandbox target)");
    _portFile = Poco::TemporaryFile::tempName() + ".port";
    std::vector<std::string> args = {"--port", "0", "--port-file", _portFile.string()};
    args.insert(args.end(), _extraArgs.begin(), _extraArgs.end());

    // The child's stdout and stderr share one pipe, drained into the log file so it never blocks.
    Poco::Pipe output;
    _handle = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(_executable.string(), args, nullptr, &output, &output));
    _drain = std::thread([output, logFile = _logFile]() mutable {
        Poco::PipeInputStream in(output);
        std::ofstream log(logFile, std::ios::app);
        Poco::StreamCopier::copyStream(in, log);
    });
    output.close(Poco::Pipe::CLOSE_WRITE);

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        const std::string text = readFile(_portFile);
        if (!text.empty() && text.find_first_not_of("0123456789 \r\n") == std::string::npos) {
            const int value = std::stoi(text);
            if (value > 0 && value < 65536) {
                _port = static_cast<unsigned short>(value);
                return;
            }
        }
        if (int code = 0; hasExited(*_handle, code)) {
            _handle.reset();
            stop();
            throw std::runtime_error("wix-sandbox exited with code " + std::to_string(code) +
                                     " before it listened" + logExcerpt());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    stop();
    throw std::runtime_error("wix-sandbox did not report its port within " + std::to_string(timeout.count()) +
                             " ms" + logExcerpt());
}

void SandboxProcess::stop() {
    if (_handle) {
        int code = 0;
        if (!hasExited(*_handle, code)) {
            Poco::Process::requestTermination(_handle->id());
            bool exited = false;
            for (int i = 0; i < 100 && !(exited = hasExited(*_handle, code)); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (!exited) {
                Poco::Process::kill(*_handle);
                ::waitpid(_handle->id(), nullptr, 0);
            }
        }
        _handle.reset();
    }
    if (_drain.joinable()) _drain.join();
    if (!_portFile.empty()) {
        std::error_code ec;
        std::filesystem::remove(_portFile, ec);
    }
}

std::string SandboxProcess::logExcerpt() const {
    std::string log = readFile(_logFile);
    if (log.size() > 600) log = "…" + log.substr(log.size() - 600);
    return log.empty() ? "" : "; its output:\n" + log;
}

std::string SandboxProcess::baseUrl() const {
    return _scheme + "://127.0.0.1:" + std::to_string(_port);
}

std::string SandboxProcess::get(const std::string& path) const {
    return request("GET", path, {});
}

std::string SandboxProcess::post(const std::string& path, const std::string& body) const {
    return request("POST", path, body);
}

std::string SandboxProcess::request(const std::string& method, const std::string& path,
                                    const std::string& body, int timeoutSeconds) const {
    Poco::Net::HTTPClientSession session("127.0.0.1", _port);
    session.setTimeout(Poco::Timespan(timeoutSeconds, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!body.empty() || method == "POST") {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    if (response.getStatus() / 100 != 2)
        throw std::runtime_error("wix-sandbox " + method + " " + path + " answered " +
                                 std::to_string(static_cast<int>(response.getStatus())) + ": " +
                                 text.substr(0, 300));
    return text;
}

SandboxIdentity SandboxProcess::seededIdentity() const {
    return identityFromState(get("/_sandbox/state"));
}

SandboxIdentity SandboxProcess::identityFromState(const std::string& stateJson) {
    Poco::JSON::Parser parser;
    auto root = parser.parse(stateJson).extract<Poco::JSON::Object::Ptr>();
    SandboxIdentity identity;
    identity.siteId = stringOf(root, {"defaultSiteId", "default_site_id"});
    identity.apiKey = stringOf(root, {"defaultApiKey", "defaultKey", "default_api_key"});
    auto sites = root->getArray("sites");
    if (identity.siteId.empty() && sites && sites->size() > 0)
        identity.siteId = stringOf(sites->getObject(0), {"siteId", "site_id", "id"});
    auto keys = root->getArray("keys");
    for (std::size_t i = 0; identity.apiKey.empty() && keys && i < keys->size(); ++i) {
        auto key = keys->getObject(i);
        if (key && !key->optValue<bool>("revoked", false))
            identity.apiKey = stringOf(key, {"key", "apiKey", "value"});
    }
    if (identity.siteId.empty() || identity.apiKey.empty())
        throw std::runtime_error("wix-sandbox state names no site or no usable API key");
    return identity;
}

}  // namespace estore::host

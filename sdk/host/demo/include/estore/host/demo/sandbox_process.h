#pragma once
// Runs `wix-sandbox` as a child process on an ephemeral port of 127.0.0.1 and talks to its control API.
// Used by the demo and the end-to-end tests. The child's output goes to a log file, not the terminal.
#include <Poco/Process.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace estore::host {

struct SandboxIdentity {
    std::string siteId;
    std::string apiKey;
};

class SandboxProcess {
public:
    /// extraArgs go after "--port 0 --port-file FILE" (e.g. "--seed", "1").
    SandboxProcess(std::filesystem::path executable, std::vector<std::string> extraArgs,
                   std::filesystem::path logFile);
    ~SandboxProcess();

    SandboxProcess(const SandboxProcess&) = delete;
    SandboxProcess& operator=(const SandboxProcess&) = delete;

    /// Starts the child and waits for it to announce its port. Throws std::runtime_error saying why not.
    void start(std::chrono::milliseconds timeout = std::chrono::seconds(15));
    /// Asks the child to stop (SIGTERM), then kills it if it lingers. Safe to call twice.
    void stop();

    unsigned short port() const { return _port; }
    /// "http://127.0.0.1:PORT" ("https://…" when started with TLS arguments).
    std::string baseUrl() const;
    void setScheme(const std::string& scheme) { _scheme = scheme; }

    /// Plain HTTP to the control API (/_sandbox/…); returns the body, throws on a non-2xx status.
    std::string get(const std::string& path) const;
    std::string post(const std::string& path, const std::string& body) const;
    /// Any method (DELETE /_sandbox/faults, …); a long operation may need more than the 10 s default.
    std::string request(const std::string& method, const std::string& path, const std::string& body,
                        int timeoutSeconds = 10) const;

    /// The seeded site and a key that works for it, from GET /_sandbox/state.
    SandboxIdentity seededIdentity() const;
    /// Reads the identity from the state document (separate so it can be tested without a process).
    static SandboxIdentity identityFromState(const std::string& stateJson);

private:
    std::string logExcerpt() const;

    std::filesystem::path _executable;
    std::vector<std::string> _extraArgs;
    std::filesystem::path _logFile;
    std::filesystem::path _portFile;
    std::unique_ptr<Poco::ProcessHandle> _handle;
    std::thread _drain;
    unsigned short _port = 0;
    std::string _scheme = "http";
};

}  // namespace estore::host

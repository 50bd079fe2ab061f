// furs-sandbox: runs the FURS fiscal verification stand-in until SIGINT/SIGTERM (README.md).

#include <Poco/Util/OptionSet.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "estore/host/furs_sandbox/furs_sandbox.h"
#include "estore/sandbox_kit/server_application.h"

namespace {

/// Command-line front end of furs_sandbox::FursSandbox.
class FursSandboxApplication : public estore::sandbox_kit::ServerApplication {
protected:
    void defineServerOptions(Poco::Util::OptionSet& options) override {
        options.addOption(valued(
            "state-dir", "the CA, certificates and ledger, kept across runs (default ./furs-sandbox-state)",
            "DIR"));
    }

    void handleServerOption(const std::string& name, const std::string& value) override {
        if (name == "state-dir") _options.stateDir = value;
    }

    unsigned short startServer(const std::string& bind, unsigned short port) override {
        _options.bindAddress = bind;  // FursSandbox refuses anything but a loopback address
        _options.port = port;
        if (_options.stateDir.empty()) _options.stateDir = "furs-sandbox-state";
        _options.stateDir = std::filesystem::absolute(_options.stateDir).lexically_normal().string();
        _sandbox = std::make_unique<furs_sandbox::FursSandbox>(_options);
        _sandbox->start();
        std::cout << "furs-sandbox listening on " << _sandbox->baseUrl() << " ca=" << _sandbox->caFile()
                  << std::endl;
        return _sandbox->port();
    }

    void stopServer() override { _sandbox->stop(); }

    std::string description() const override {
        return "A local stand-in for FURS's fiscal verification service (test use only).";
    }

private:
    furs_sandbox::FursSandboxOptions _options;
    std::unique_ptr<furs_sandbox::FursSandbox> _sandbox;
};

}  // namespace

POCO_APP_MAIN(FursSandboxApplication)

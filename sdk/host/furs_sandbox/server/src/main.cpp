// furs-sandbox: runs the FURS fiscal verification stand-in until SIGINT/SIGTERM (README.md).

#include <csignal>
#include <filesystem>
#include <iostream>

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IntValidator.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include "estore/host/furs_sandbox/furs_sandbox.h"
#include "estore/sandbox_kit/termination_signals.h"
#include "estore/sdk/atomic_file.h"

namespace {

using Poco::Util::Application;
using Poco::Util::Option;
using Poco::Util::OptionSet;

/// Command-line front end of furs_sandbox::FursSandbox.
class FursSandboxApplication : public Application {
protected:
    void defineOptions(OptionSet& options) override {
        Application::defineOptions(options);
        options.addOption(Option("help", "h", "print this help and exit"));
        options.addOption(valued("bind", "loopback address to listen on (default 127.0.0.1)", "ADDRESS"));
        options.addOption(valued("port", "port, 0 = any free one (default 0)", "N")
                              .validator(new Poco::Util::IntValidator(0, 65535)));
        options.addOption(valued("port-file", "write the bound port to this file", "FILE"));
        options.addOption(valued(
            "state-dir", "the CA, certificates and ledger, kept across runs (default ./furs-sandbox-state)",
            "DIR"));
    }

    void handleOption(const std::string& name, const std::string& value) override {
        Application::handleOption(name, value);
        if (name == "help") _help = true;
        if (name == "bind") _options.bindAddress = value;
        if (name == "port") _options.port = static_cast<unsigned short>(Poco::NumberParser::parse(value));
        if (name == "port-file") _portFile = value;
        if (name == "state-dir") _options.stateDir = value;
        if (name == "help") stopOptionsProcessing();
    }

    int main(const ArgVec&) override {
        if (_help) return printHelp();
        try {
            return serve();
        } catch (const Poco::Exception& error) {
            std::cerr << "furs-sandbox: " << error.displayText() << std::endl;
        } catch (const std::exception& error) {
            std::cerr << "furs-sandbox: " << error.what() << std::endl;
        }
        return EXIT_SOFTWARE;
    }

private:
    static Option valued(const std::string& name, const std::string& description,
                         const std::string& argument) {
        return Option(name, "", description).required(false).repeatable(false).argument(argument);
    }

    int serve() {
        estore::sandbox_kit::TerminationSignals signals;  // before any server thread exists
        if (_options.stateDir.empty()) _options.stateDir = "furs-sandbox-state";
        _options.stateDir = std::filesystem::absolute(_options.stateDir).lexically_normal().string();
        furs_sandbox::FursSandbox sandbox(_options);
        sandbox.start();
        std::cout << "furs-sandbox listening on " << sandbox.baseUrl() << " ca=" << sandbox.caFile()
                  << std::endl;
        // Renamed into place, so a script polling for the file never reads half of it.
        if (!_portFile.empty())
            estore::sdk::AtomicFile::writePublic(_portFile, std::to_string(sandbox.port()) + "\n");
        signals.wait();
        sandbox.stop();
        return EXIT_OK;
    }

    int printHelp() {
        Poco::Util::HelpFormatter help(options());
        help.setCommand(commandName());
        help.setUsage("[options]");
        help.setHeader("A local stand-in for FURS's fiscal verification service (test use only).");
        help.format(std::cout);
        return EXIT_OK;
    }

    furs_sandbox::FursSandboxOptions _options;
    std::string _portFile;
    bool _help = false;
};

}  // namespace

POCO_APP_MAIN(FursSandboxApplication)

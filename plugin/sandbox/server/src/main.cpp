// wix-sandbox: runs the Wix REST API emulator until SIGINT/SIGTERM.

#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/NumberParser.h>
#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IntValidator.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include "estore/sandbox_kit/termination_signals.h"
#include "estore/sdk/atomic_file.h"
#include "wix_sandbox/server/model_json.h"
#include "wix_sandbox/server/sandbox.h"

namespace {

using Poco::Util::Application;
using Poco::Util::Option;
using Poco::Util::OptionSet;

/// Command-line front end of wix_sandbox::Sandbox (flags in plugin/sandbox/README.md).
class SandboxApplication : public Application {
protected:
    void defineOptions(OptionSet& options) override {
        Application::defineOptions(options);
        options.addOption(Option("help", "h", "print this help and exit"));
        options.addOption(valued("bind", "address to listen on (default 127.0.0.1)", "ADDRESS"));
        options.addOption(valued("port", "port, 0 = any free one (default 0)", "N")
                              .validator(new Poco::Util::IntValidator(0, 65535)));
        options.addOption(valued("seed", "seed of the generated shop (default 1)", "N")
                              .validator(new Poco::Util::IntValidator(0, 0x7fffffff)));
        options.addOption(valued("config", "JSON file with extra sites, keys and orders", "FILE"));
        options.addOption(valued("tls-cert", "PEM certificate: serve HTTPS (needs --tls-key)", "FILE"));
        options.addOption(valued("tls-key", "PEM private key for --tls-cert", "FILE"));
        options.addOption(valued("rate-limit", "requests per minute per site, 0 = off (default 200)", "N")
                              .validator(new Poco::Util::IntValidator(0, 1000000000)));
        options.addOption(valued("port-file", "write the bound port to this file", "FILE"));
        options.addOption(
            valued("catalog-skus", "generated catalog of N SKUs on the default site (default 0)", "N")
                .validator(new Poco::Util::IntValidator(0, 1000000)));
        options.addOption(valued("catalog-version", "the default site's catalog: V1, V3 or NONE", "VERSION"));
    }

    void handleOption(const std::string& name, const std::string& value) override {
        Application::handleOption(name, value);
        if (name == "help") _help = true;
        if (name == "bind") _options.bindAddress = value;
        if (name == "port") _options.port = static_cast<unsigned short>(Poco::NumberParser::parse(value));
        if (name == "seed") _options.seed = Poco::NumberParser::parseUnsigned(value);
        if (name == "config") _options.configFile = value;
        if (name == "tls-cert") _options.tlsCertFile = value;
        if (name == "tls-key") _options.tlsKeyFile = value;
        if (name == "rate-limit") _options.rateLimitPerMinute = Poco::NumberParser::parse(value);
        if (name == "port-file") _portFile = value;
        if (name == "catalog-skus") _options.catalogSkus = Poco::NumberParser::parse(value);
        if (name == "catalog-version") _options.catalogVersion = wix_sandbox::ModelJson::parseCatalog(value);
        if (name == "help") stopOptionsProcessing();
    }

    int main(const ArgVec&) override {
        if (_help) return printHelp();
        try {
            return serve();
        } catch (const Poco::Exception& error) {
            std::cerr << "wix-sandbox: " << error.displayText() << std::endl;
        } catch (const std::exception& error) {
            std::cerr << "wix-sandbox: " << error.what() << std::endl;
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
        wix_sandbox::Sandbox sandbox(_options);
        sandbox.start();
        announce(sandbox);
        writePortFile(sandbox.port());
        signals.wait();
        sandbox.stop();
        return EXIT_OK;
    }

    static void announce(const wix_sandbox::Sandbox& sandbox) {
        const std::string key = sandbox.defaultApiKey();
        std::cout << "wix-sandbox listening on " << sandbox.baseUrl()
                  << " site=" << sandbox.defaultSite().siteId << " key=" << key.substr(0, 6) << "\u2026"
                  << " catalog=" << wix_sandbox::ModelJson::catalogName(sandbox.defaultSite().catalogVersion)
                  << std::endl;
    }

    void writePortFile(unsigned short port) const {
        if (!_portFile.empty()) estore::sdk::AtomicFile::writePublic(_portFile, std::to_string(port) + "\n");
    }

    int printHelp() {
        Poco::Util::HelpFormatter help(options());
        help.setCommand(commandName());
        help.setUsage("[options]");
        help.setHeader("A local emulator of the Wix REST API used by the Wix connector (test use only).");
        help.format(std::cout);
        return EXIT_OK;
    }

    wix_sandbox::SandboxOptions _options;
    std::string _portFile;
    bool _help = false;
};

}  // namespace

POCO_APP_MAIN(SandboxApplication)

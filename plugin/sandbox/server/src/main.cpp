// wix-sandbox: runs the Wix REST API emulator until SIGINT/SIGTERM (flags in plugin/sandbox/README.md).

#include <Poco/NumberParser.h>
#include <Poco/Util/IntValidator.h>
#include <Poco/Util/OptionSet.h>

#include <iostream>
#include <memory>

#include "estore/sandbox_kit/server_application.h"
#include "wix_sandbox/server/model_json.h"
#include "wix_sandbox/server/sandbox.h"

namespace {

/// Command-line front end of wix_sandbox::Sandbox.
class SandboxApplication : public estore::sandbox_kit::ServerApplication {
protected:
    void defineServerOptions(Poco::Util::OptionSet& options) override {
        options.addOption(valued("seed", "seed of the generated shop (default 1)", "N")
                              .validator(new Poco::Util::IntValidator(0, 0x7fffffff)));
        options.addOption(valued("config", "JSON file with extra sites, keys and orders", "FILE"));
        options.addOption(valued("tls-cert", "PEM certificate: serve HTTPS (needs --tls-key)", "FILE"));
        options.addOption(valued("tls-key", "PEM private key for --tls-cert", "FILE"));
        options.addOption(valued("rate-limit", "requests per minute per site, 0 = off (default 200)", "N")
                              .validator(new Poco::Util::IntValidator(0, 1000000000)));
        options.addOption(
            valued("catalog-skus", "generated catalog of N SKUs on the default site (default 0)", "N")
                .validator(new Poco::Util::IntValidator(0, 1000000)));
        options.addOption(valued("catalog-version", "the default site's catalog: V1, V3 or NONE", "VERSION"));
    }

    void handleServerOption(const std::string& name, const std::string& value) override {
        if (name == "seed") _options.seed = Poco::NumberParser::parseUnsigned(value);
        if (name == "config") _options.configFile = value;
        if (name == "tls-cert") _options.tlsCertFile = value;
        if (name == "tls-key") _options.tlsKeyFile = value;
        if (name == "rate-limit") _options.rateLimitPerMinute = Poco::NumberParser::parse(value);
        if (name == "catalog-skus") _options.catalogSkus = Poco::NumberParser::parse(value);
        if (name == "catalog-version") _options.catalogVersion = wix_sandbox::ModelJson::parseCatalog(value);
    }

    unsigned short startServer(const std::string& bind, unsigned short port) override {
        _options.bindAddress = bind;
        _options.port = port;
        _sandbox = std::make_unique<wix_sandbox::Sandbox>(_options);
        _sandbox->start();
        const std::string key = _sandbox->defaultApiKey();
        std::cout << "wix-sandbox listening on " << _sandbox->baseUrl()
                  << " site=" << _sandbox->defaultSite().siteId << " key=" << key.substr(0, 6) << "\u2026"
                  << " catalog="
                  << wix_sandbox::ModelJson::catalogName(_sandbox->defaultSite().catalogVersion) << std::endl;
        return _sandbox->port();
    }

    void stopServer() override { _sandbox->stop(); }

    std::string description() const override {
        return "A local emulator of the Wix REST API used by the Wix connector (test use only).";
    }

private:
    wix_sandbox::SandboxOptions _options;
    std::unique_ptr<wix_sandbox::Sandbox> _sandbox;
};

}  // namespace

POCO_APP_MAIN(SandboxApplication)

#include "estore/host/app/host_application.h"

#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/NumberParser.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>

#include <iostream>
#include <optional>

#include "estore/host_api/version.h"

#include "estore/host/app/command_catalog.h"
#include "estore/host/cli/activity_command.h"
#include "estore/host/cli/add_store_command.h"
#include "estore/host/cli/config_command.h"
#include "estore/host/cli/configure_command.h"
#include "estore/host/cli/fiscal_command.h"
#include "estore/host/cli/invoice_command.h"
#include "estore/host/cli/invoices_command.h"
#include "estore/host/cli/jobs_command.h"
#include "estore/host/cli/orders_command.h"
#include "estore/host/cli/platforms_command.h"
#include "estore/host/cli/rates_command.h"
#include "estore/host/cli/remove_store_command.h"
#include "estore/host/cli/run_command.h"
#include "estore/host/cli/secrets_command.h"
#include "estore/host/cli/stock_command.h"
#include "estore/host/cli/stores_command.h"
#include "estore/host/cli/sync_command.h"
#include "estore/host/cli/ui_command.h"
#include "estore/host/cli/webhook_command.h"
#include "estore/host/config/host_config.h"
#include "estore/host/core/error_text.h"
#include "estore/host/demo/demo_command.h"
#include "estore/host/fiscal/fiscal_signer.h"
#include "estore/host/storage/database.h"

using Poco::Util::Option;

namespace estore::host {

namespace {

/// An option's value refused, in both languages; what() is the English, for Poco.
class OptionValueError : public Poco::Util::InvalidArgumentException {
public:
    explicit OptionValueError(host_api::Text text)
        : InvalidArgumentException(text.en), _text(std::move(text)) {}
    const host_api::Text& text() const { return _text; }

private:
    host_api::Text _text;
};

int parsePort(const std::string& option, const std::string& value) {
    int port = -1;
    if (!Poco::NumberParser::tryParse(value, port) || port < 0 || port > 65535)
        throw OptionValueError({"--" + option + " potrebuje številko vrat 0-65535, podano '" + value + "'",
                                "--" + option + " needs a port number 0-65535, got '" + value + "'"});
    return port;
}

std::string parseLogLevel(const std::string& value) {
    for (const char* level : {"error", "warning", "notice", "information", "debug"})
        if (value == level) return value;
    throw OptionValueError(
        {"--log-level potrebuje error, warning, notice, information ali debug, podano '" + value + "'",
         "--log-level needs error, warning, notice, information or debug, got '" + value + "'"});
}

Language parseLanguage(const std::string& value) {
    if (const auto language = Language::parse(value)) return *language;
    throw OptionValueError(
        {"--lang potrebuje sl ali en, podano '" + value + "'", "--lang needs sl or en, got '" + value + "'"});
}

/// What Poco's option parser refused, in words a person reads (Poco's own texts are English).
host_api::Text optionProblem(const Poco::Util::OptionException& e) {
    using namespace Poco::Util;
    if (const auto* ours = dynamic_cast<const OptionValueError*>(&e)) return ours->text();
    const std::string what = e.message();
    if (dynamic_cast<const UnknownOptionException*>(&e))
        return {"neznana možnost: " + what, "unknown option: " + what};
    if (dynamic_cast<const MissingArgumentException*>(&e))
        return {"možnost potrebuje vrednost: " + what, "the option needs a value: " + what};
    if (dynamic_cast<const AmbiguousOptionException*>(&e))
        return {"nejasna možnost (okrajšava več možnosti): " + what, "ambiguous option: " + what};
    if (dynamic_cast<const UnexpectedArgumentException*>(&e))
        return {"možnost ne sprejme vrednosti: " + what, "the option takes no value: " + what};
    return {e.displayText(), e.displayText()};
}

}  // namespace

HostApplication::HostApplication() {
    setUnixOptions(true);
    _options.language = Language::fromEnvironment();
}

Language HostApplication::languageOf(int argc, char** argv) {
    // Read before Poco parses the options, so even a refused option is reported in the asked language.
    // --lang sl, --lang=sl and --lang:sl, as Poco's Unix-style parser takes them.
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        std::optional<Language> language;
        if (arg == "--lang" && i + 1 < argc)
            language = Language::parse(argv[i + 1]);
        else if (arg.starts_with("--lang=") || arg.starts_with("--lang:"))
            language = Language::parse(arg.substr(7));
        if (language) return *language;
    }
    return Language::fromEnvironment();
}

void HostApplication::printHelp(std::ostream& out) const {
    CommandCatalog::printOverview(out, _options.language);
    // The keys themselves come from ConfigKeys through `config check`, which cannot fall behind them.
    out << "\n"
        << _options.language.pick(
               {"Nastavitve: vsak ključ z vrednostjo in izvorom izpiše estore-host config check; opisani "
                "vzorec je\n"
                "/etc/estore-host/host.properties (v paketu) ali sdk/package/debian/host.properties (v "
                "izvorni kodi).\n"
                "Skrivnosti (ključe API) lahko podate, ne da bi jih navedli v ukazni vrstici: "
                "ESTORE_SECRET_<POLJE>\n"
                "(npr. ESTORE_SECRET_API_KEY), ali jih vpišete, ko add-store vpraša zanje.\n",
                "Config: estore-host config check lists every key with its value and origin; the commented "
                "sample is\n"
                "/etc/estore-host/host.properties (packaged) or sdk/package/debian/host.properties (in the "
                "source).\n"
                "Secrets (API keys) can be given without the command line: ESTORE_SECRET_<FIELD> (e.g.\n"
                "ESTORE_SECRET_API_KEY), or typed at the prompt add-store shows for a missing one.\n"});
}

void HostApplication::printVersion(std::ostream& out) const {
    const std::string api = host_api::kApiVersion.toString();
    if (_options.json)
        out << R"({"version":")" << ESTORE_VERSION << R"(","host_api":")" << api << "\"}\n";
    else
        out << "estore-host " << ESTORE_VERSION << " (host API " << api << ")\n";
}

void HostApplication::defineOptions(Poco::Util::OptionSet& options) {
    Application::defineOptions(options);
    options.addOption(Option("help", "h", "show help"));
    options.addOption(Option("version", "", "show the version"));
    options.addOption(Option("json", "", "machine-readable output"));
    options.addOption(Option("db", "", "database file or postgresql:// URL").argument("PATH"));
    options.addOption(Option("config", "", "configuration file").argument("FILE"));
    options.addOption(Option("plugins", "", "plugin folder").argument("DIR"));
    options.addOption(Option("platform", "", "platform id").argument("ID"));
    options.addOption(Option("set", "", "a setting").argument("KEY=VALUE").repeatable(true));
    options.addOption(Option("once", "", "run due jobs, then exit"));
    options.addOption(Option("worker", "", "worker name in leases").argument("NAME"));
    options.addOption(Option("generate", "", "webhook: issue a new URL"));
    options.addOption(Option("revoke", "", "webhook: withdraw the URL"));
    options.addOption(Option("webhook-port", "", "run: webhook endpoint port (0: ephemeral)").argument("N"));
    options.addOption(Option("port-file", "", "run: write the bound webhook port here").argument("FILE"));
    options.addOption(Option("ui-port", "", "ui, run: the admin pages' port (0: ephemeral)").argument("N"));
    options.addOption(Option("log-level", "", "run: error, warning, information or debug").argument("LEVEL"));
    options.addOption(
        Option("force", "", "remove-store: even if the plugin cannot deactivate; sync: even a paused store"));
    options.addOption(Option("lang", "", "the messages' language: sl or en").argument("LANG"));
}

void HostApplication::handleOption(const std::string& name, const std::string& value) {
    Application::handleOption(name, value);
    _given.push_back(name);
    if (name == "help")
        _help = true;
    else if (name == "version")
        _version = true;
    else if (name == "json")
        _options.json = true;
    else if (name == "db")
        _options.db = value;
    else if (name == "config") {
        loadConfiguration(value, PRIO_APPLICATION);
        _options.configFiles.push_back(value);
    } else if (name == "plugins")
        _options.pluginsDir = value;
    else if (name == "platform")
        _options.platform = value;
    else if (name == "set")
        _options.sets.push_back(value);
    else if (name == "once")
        _options.once = true;
    else if (name == "worker")
        _options.worker = value;
    else if (name == "force")
        _options.force = true;
    else if (name == "generate")
        _options.generate = true;
    else if (name == "revoke")
        _options.revoke = true;
    else if (name == "webhook-port")
        _options.webhookPort = parsePort(name, value);
    else if (name == "ui-port")
        _options.uiPort = parsePort(name, value);
    else if (name == "port-file")
        _options.portFile = value;
    else if (name == "log-level")
        _options.logLevel = parseLogLevel(value);
    else if (name == "lang")
        _options.language = parseLanguage(value);
}

int HostApplication::main(const std::vector<std::string>& args) {
    if (args.empty()) {
        if (_version) {
            printVersion(std::cout);
            return kExitOk;
        }
        printHelp(_help ? std::cout : std::cerr);
        return _help ? kExitOk : kExitUsage;
    }
    if (args.front() == "help") return help(std::vector<std::string>(args.begin() + 1, args.end()));
    loadDefaultConfiguration();
    const CommandSpec* command = CommandCatalog::find(args.front());
    if (!command) {
        printError(std::cout, std::cerr, _options.json, _options.language,
                   {kExitUsage,
                    "usage.unknown_command",
                    "usage",
                    {"neznan ukaz '" + args.front() + "' (pomoč: estore-host --help)",
                     "unknown command '" + args.front() + "' (help: estore-host --help)"},
                    ""});
        return kExitUsage;
    }
    if (_help) {
        CommandCatalog::printCommandHelp(*command, std::cout, _options.language);
        return kExitOk;
    }
    // An option the command does not take is a mistake worth saying, not something to ignore.
    if (const auto refused = CommandCatalog::notTakenBy(*command, _given); !refused.empty()) {
        for (const auto& name : refused)
            printError(std::cout, std::cerr, _options.json, _options.language,
                       {kExitUsage,
                        "usage.option_not_taken",
                        "usage",
                        {"možnost --" + name + " ne velja za ukaz " + command->name +
                             " (pomoč: estore-host " + command->name + " --help)",
                         "option --" + name + " does not apply to " + command->name + " (help: estore-host " +
                             command->name + " --help)"},
                        name});
        return kExitUsage;
    }
    HostConfig hostConfig(Poco::AutoPtr<Poco::Util::AbstractConfiguration>(&config(), true));
    CommandContext ctx(_options, std::vector<std::string>(args.begin() + 1, args.end()), hostConfig,
                       config().getString("application.dir", "."), std::cout, std::cerr);
    std::string why;
    try {
        return dispatch(args.front(), ctx);
    } catch (const FiscalConfigError& e) {
        // The certificate, its key or a fiscal setting cannot be used: the user's to fix, in their language.
        return ctx.fail({kExitValidation, "fiscal.config", "config", e.message(), e.configKey()});
    } catch (const ConfigError& e) {
        return ctx.fail({kExitValidation, "config.invalid", "config", e.message(), e.key()});
    } catch (const DatabaseError& e) {
        why = errorText(e);
    } catch (const Poco::Exception& e) {
        why = e.displayText();
    } catch (const std::exception& e) {
        why = errorText(e);
    }
    if (_options.json)
        printError(std::cout, std::cerr, true, _options.language,
                   {kExitFailure,
                    "host.failed",
                    "host",
                    {"Ukaz ni uspel: " + why, "The command failed: " + why},
                    ""});
    else
        std::cerr << "estore-host: " << why << "\n";
    return kExitFailure;
}

void HostApplication::loadDefaultConfiguration() {
    if (!_options.configFiles.empty()) return;  // --config FILE is the whole configuration
    // The user's file wins over the system's (loaded at a lower number, which Poco consults first).
    const std::string home = Poco::Environment::get("HOME", "");
    const std::string xdg = Poco::Environment::get("XDG_CONFIG_HOME", home.empty() ? "" : home + "/.config");
    std::vector<std::string> candidates;
    if (!xdg.empty()) candidates.push_back(xdg + "/estore-host/host.properties");
    candidates.push_back("/etc/estore-host/host.properties");
    int priority = PRIO_APPLICATION;
    for (const auto& path : candidates) {
        if (!Poco::File(path).exists()) continue;
        loadConfiguration(path, priority++);
        _options.configFiles.push_back(path);
    }
}

int HostApplication::help(const std::vector<std::string>& args) {
    if (args.empty()) {
        printHelp(std::cout);
        return kExitOk;
    }
    if (args.size() == 1 && args[0] == "man") {
        CommandCatalog::printManPage(std::cout, ESTORE_VERSION, _options.language);
        return kExitOk;
    }
    if (args.size() == 1 && args[0] == "completion") {
        CommandCatalog::printBashCompletion(std::cout);
        return kExitOk;
    }
    const CommandSpec* command = args.size() == 1 ? CommandCatalog::find(args[0]) : nullptr;
    if (!command) {
        std::cerr << "estore-host: help COMMAND | help man | help completion\n";
        return kExitUsage;
    }
    CommandCatalog::printCommandHelp(*command, std::cout, _options.language);
    return kExitOk;
}

int HostApplication::dispatch(const std::string& command, CommandContext& ctx) {
    if (command == "platforms") return PlatformsCommand::run(ctx);
    if (command == "add-store") return AddStoreCommand::run(ctx);
    if (command == "stores") return StoresCommand::run(ctx);
    if (command == "remove-store") return RemoveStoreCommand::run(ctx);
    if (command == "jobs") return JobsCommand::run(ctx);
    if (command == "activity") return ActivityCommand::run(ctx);
    if (command == "configure") return ConfigureCommand::run(ctx);
    if (command == "config") return ConfigCommand::run(ctx);
    if (command == "sync") return SyncCommand::run(ctx);
    if (command == "orders") return OrdersCommand::run(ctx);
    if (command == "invoices") return InvoicesCommand::run(ctx);
    if (command == "invoice") return InvoiceCommand::run(ctx);
    if (command == "stock") return StockCommand::run(ctx);
    if (command == "run") return RunCommand::run(ctx);
    if (command == "webhook") return WebhookCommand::run(ctx);
    if (command == "fiscal") return FiscalCommand::run(ctx);
    if (command == "secrets") return SecretsCommand::run(ctx);
    if (command == "rates") return RatesCommand::run(ctx);
    if (command == "demo") return DemoCommand::run(ctx);
    if (command == "ui") return UiCommand::run(ctx);
    if (command == "user") return UiCommand::user(ctx);
    return ctx.usage({"neznan ukaz '" + command + "'", "unknown command '" + command + "'"});
}

int HostApplication::execute(int argc, char** argv) {
    try {
        Poco::AutoPtr<HostApplication> app = new HostApplication;
        try {
            app->init(argc, argv);
        } catch (const Poco::Util::OptionException& e) {
            const Language language = languageOf(argc, argv);
            std::cerr << "estore-host: " << language.pick(optionProblem(e)) << "\n"
                      << language.pick({"Pomoč: estore-host --help", "Help: estore-host --help"}) << "\n";
            return kExitUsage;
        }
        return app->run();
    } catch (const Poco::Exception& e) {
        std::cerr << "estore-host: " << e.displayText() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "estore-host: " << errorText(e) << "\n";
    }
    return kExitFailure;
}

}  // namespace estore::host

#pragma once
// What a sub-command gets: the parsed options, its arguments, the configuration, and the database,
// services and plugins, each opened only when the command first asks for it.
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "estore/host/core/language.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host_api/outcome.h"

namespace estore::host {

class Database;
class HostConfig;
class HostServiceSet;
class PluginRegistry;

/// Exit codes of estore-host.
enum ExitCode : int {
    kExitOk = 0,
    kExitUsage = 1,           ///< the command line is wrong
    kExitFailure = 2,         ///< the operation failed (the shop or a server away, a file unreadable …)
    kExitPluginLoad = 3,      ///< the platform's plugin could not be loaded
    kExitValidation = 4,      ///< settings or input refused: a field missing, unknown or invalid
    kExitAuthentication = 5,  ///< the shop refused the credentials
    kExitPartial = 6,         ///< run --once: some of the jobs failed
};

/// A failure of a command as --json reports it: {"ok": false, "error": {"code", "category", "message":
/// {"sl", "en"}, "field", "exit_code"}} on stdout; without --json the message in `language` on stderr.
struct CliError {
    int exitCode = 2;
    std::string code;      ///< e.g. "usage", "store.unknown", "host.database"
    std::string category;  ///< e.g. "usage", "not_found", "plugin", "config", "auth", "transient"
    host_api::Text message;
    std::string field;  ///< the option, argument or setting it is about; empty when none
};

void printError(std::ostream& out, std::ostream& err, bool json, const Language& language,
                const CliError& error);

/// The exit code an operation's outcome means: 0 ok, kExitAuthentication when the shop refused the
/// credentials or their permissions, kExitValidation when a setting is wrong (config, a shop or site that
/// does not exist), else kExitFailure.
int exitCodeOf(const host_api::Outcome& outcome);

struct CliOptions {
    bool json = false;
    bool once = false;
    bool force = false;
    bool generate = false;  ///< webhook --generate
    bool revoke = false;    ///< webhook --revoke
    int webhookPort = -1;   ///< run --webhook-port; -1: from the config
    int uiPort = -1;        ///< ui/run --ui-port; -1: from the config (host.ui_port)
    std::string portFile;   ///< run --port-file: where to write the bound webhook port (ui: the pages' port)
    std::string logLevel;   ///< run --log-level: error, warning, information, debug; empty: configured
    std::string db;
    std::string pluginsDir;
    std::string platform;
    std::string worker;
    std::vector<std::string> sets;  ///< "key=value", in command-line order
    /// What a person reads: --lang, else the locale (Language::fromEnvironment); Slovenian by default.
    Language language;
    /// Progress on stderr although stdout is not JSON (demo --json, whose steps print into a buffer).
    bool progressOnStderr = false;
    /// The configuration files read, the one whose values win first: --config FILE, else the defaults
    /// that exist (the user's $XDG_CONFIG_HOME/estore-host/host.properties,
    /// /etc/estore-host/host.properties).
    std::vector<std::string> configFiles;
};

class CommandContext {
public:
    CommandContext(CliOptions options, std::vector<std::string> args, HostConfig& config,
                   std::filesystem::path executableDir, std::ostream& out, std::ostream& err);
    ~CommandContext();

    CliOptions& options() { return _options; }
    const std::vector<std::string>& args() const { return _args; }
    HostConfig& config() { return _config; }
    std::ostream& out() { return _out; }
    std::ostream& err() { return _err; }
    const std::filesystem::path& executableDir() const { return _executableDir; }
    /// The language messages are printed in.
    const Language& lang() const { return _options.language; }
    /// `text` in that language: ctx.out() << ctx.t({"Trgovine", "Stores"}).
    const std::string& t(const host_api::Text& text) const { return _options.language.pick(text); }
    /// Where progress goes, where a person looks: stdout, or stderr when stdout carries JSON.
    std::ostream& progressOut() { return _options.json || _options.progressOnStderr ? _err : _out; }
    /// Whether that is a terminal (a bar redrawn in place) or a pipe or file (plain lines).
    bool progressOnTerminal() const;

    /// --db, else config host.db, else ./estore-data/estore.db.
    std::string databaseLocation() const;
    /// --plugins, else config host.plugins_dir, else <dir of the executable>/../plugins.
    std::filesystem::path pluginDir() const;

    /// Opens the database (and migrates it) on first use; throws DatabaseError.
    Database& database();
    HostServiceSet& host();
    PluginRegistry& plugins();

    /// Reports `error` (printError) and returns its exit code.
    int fail(const CliError& error);
    /// Prints a usage error (an error object with --json) and returns kExitUsage.
    int usage(const host_api::Text& message);
    /// The same for the command's usage line ("rates import FILE.xml | rates fetch").
    int usageLine(const std::string& line) {
        return usage(host_api::Text{"uporaba: estore-host " + line, "usage: estore-host " + line});
    }
    /// A refused outcome for a person, on stderr, each line indented under the heading the caller wrote:
    /// its message, code and category, when to retry, the detail.
    void printOutcome(const host_api::Outcome& outcome);
    /// "The store does not exist", on stderr (an error object with --json).
    void reportUnknownStore(const std::string& storeId);
    /// "The platform's plugin cannot be loaded" with the loader's reason, on stderr.
    void reportPluginLoadFailure(const std::string& platform, const std::string& reason);
    /// The store with its platform's plugin loaded; on failure says why on stderr and sets exitCode
    /// (kExitFailure for an unknown store, kExitPluginLoad for a plugin that cannot load).
    std::optional<StoreRecord> storeWithPlugin(const std::string& storeId, int& exitCode);

private:
    CliOptions _options;
    std::vector<std::string> _args;
    HostConfig& _config;
    std::filesystem::path _executableDir;
    std::ostream& _out;
    std::ostream& _err;
    // Declared in this order so the services go before the database they use.
    std::unique_ptr<PluginRegistry> _plugins;
    std::unique_ptr<Database> _database;
    std::unique_ptr<HostServiceSet> _host;
};

}  // namespace estore::host

#include "estore/host/cli/command_context.h"

#include <unistd.h>

#include <ostream>

#include "estore/host/config/host_config.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/plugins/plugin_registry.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"

namespace estore::host {

void printError(std::ostream& out, std::ostream& err, bool json, const Language& language,
                const CliError& error) {
    if (json) {
        auto root = JsonCodec::newObject();
        root->set("ok", false);
        auto object = JsonCodec::newObject();
        object->set("code", error.code);
        object->set("category", error.category);
        auto message = JsonCodec::newObject();
        message->set("sl", error.message.sl);
        message->set("en", error.message.en);
        object->set("message", message);
        object->set("field", error.field);
        object->set("exit_code", error.exitCode);
        root->set("error", object);
        out << JsonCodec::stringify(root) << "\n";
        return;
    }
    err << "estore-host: " << language.pick(error.message) << "\n";
}

int exitCodeOf(const host_api::Outcome& outcome) {
    switch (outcome.category) {
        case host_api::ErrorCategory::None: return kExitOk;
        case host_api::ErrorCategory::Auth:
        case host_api::ErrorCategory::Permission: return kExitAuthentication;
        case host_api::ErrorCategory::Config:
        case host_api::ErrorCategory::NotFound: return kExitValidation;
        default: return kExitFailure;
    }
}

CommandContext::CommandContext(CliOptions options, std::vector<std::string> args, HostConfig& config,
                               std::filesystem::path executableDir, std::ostream& out, std::ostream& err)
    : _options(std::move(options)),
      _args(std::move(args)),
      _config(config),
      _executableDir(std::move(executableDir)),
      _out(out),
      _err(err) {}

CommandContext::~CommandContext() {
    // Services first, then the connection; plugin libraries last, once nothing can call them.
    _host.reset();
    _database.reset();
    _plugins.reset();
}

bool CommandContext::progressOnTerminal() const {
    return ::isatty(_options.json || _options.progressOnStderr ? STDERR_FILENO : STDOUT_FILENO) == 1;
}

std::string CommandContext::databaseLocation() const {
    if (!_options.db.empty()) return _options.db;
    return _config.getString("host.db", "./estore-data/estore.db");
}

std::filesystem::path CommandContext::pluginDir() const {
    if (!_options.pluginsDir.empty()) return _options.pluginsDir;
    const std::string configured = _config.getString("host.plugins_dir", "");
    if (!configured.empty()) return configured;
    // The build tree keeps plugins next to bin/; an installed host (cmake --install, the .deb) finds them
    // under lib/estore/plugins of the same prefix.
    const auto beside = (_executableDir / ".." / "plugins").lexically_normal();
    std::error_code ec;
    if (std::filesystem::is_directory(beside, ec)) return beside;
    return (_executableDir / ".." / "lib" / "estore" / "plugins").lexically_normal();
}

Database& CommandContext::database() {
    if (!_database) {
        _database = std::make_unique<Database>(databaseLocation());
        _config.loadStored(*_database);
    }
    return *_database;
}

HostServiceSet& CommandContext::host() {
    if (!_host) {
        _host = std::make_unique<HostServiceSet>(database(), _config);
        // Secrets stored in clear by a host from before they were sealed are sealed on first sight.
        _host->secrets().sealPlaintext();
    }
    return *_host;
}

PluginRegistry& CommandContext::plugins() {
    if (!_plugins) _plugins = std::make_unique<PluginRegistry>(pluginDir());
    return *_plugins;
}

int CommandContext::fail(const CliError& error) {
    printError(_out, _err, _options.json, lang(), error);
    return error.exitCode;
}

int CommandContext::usage(const host_api::Text& message) {
    if (_options.json)
        return fail({kExitUsage,
                     "usage",
                     "usage",
                     {"Napačna uporaba: " + message.sl, "Wrong usage: " + message.en},
                     ""});
    _err << "estore-host: " << t(message) << "\n"
         << t({"Pomoč: estore-host --help", "Help: estore-host --help"}) << "\n";
    return kExitUsage;
}

void CommandContext::printOutcome(const host_api::Outcome& o) {
    _err << "  " << t(o.message) << "\n"
         << "  " << t({"Koda: ", "Code: "}) << o.code << "   " << t({"Kategorija: ", "Category: "})
         << host_api::categoryName(o.category) << "\n";
    if (o.retryAfterSeconds > 0)
        _err << "  " << t({"Poskusite znova čez: ", "Retry after: "}) << o.retryAfterSeconds << " s\n";
    if (!o.detail.empty()) _err << "  " << t({"Podrobnosti: ", "Detail: "}) << o.detail << "\n";
}

void CommandContext::reportUnknownStore(const std::string& storeId) {
    fail({kExitFailure,
          "store.unknown",
          "not_found",
          {"Trgovina " + storeId + " ne obstaja.", "Store " + storeId + " does not exist."},
          "store_id"});
}

void CommandContext::reportPluginLoadFailure(const std::string& platform, const std::string& reason) {
    if (_options.json) {
        fail({kExitPluginLoad,
              "plugin.load_failed",
              "plugin",
              {"Vtičnika za platformo '" + platform + "' ni mogoče naložiti: " + reason,
               "Cannot load the plugin for platform '" + platform + "': " + reason},
              "platform"});
        return;
    }
    _err << t({"Vtičnika za platformo '" + platform + "' ni mogoče naložiti.",
               "Cannot load the plugin for platform '" + platform + "'."})
         << "\n  " << reason << "\n";
}

std::optional<StoreRecord> CommandContext::storeWithPlugin(const std::string& storeId, int& exitCode) {
    auto store = StoreRepository(database()).find(storeId);
    if (!store) {
        reportUnknownStore(storeId);
        exitCode = kExitFailure;
        return std::nullopt;
    }
    if (auto error = plugins().open(store->platform)) {
        reportPluginLoadFailure(store->platform, error->message);
        exitCode = kExitPluginLoad;
        return std::nullopt;
    }
    return store;
}

}  // namespace estore::host

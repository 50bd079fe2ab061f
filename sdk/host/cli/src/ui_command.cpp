#include "estore/host/cli/ui_command.h"

#include <Poco/Environment.h>
#include <Poco/JSON/Array.h>
#include <Poco/String.h>

#include <chrono>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "estore/host/cli/command_context.h"
#include "estore/host/cli/run_command.h"
#include "estore/host/cli/terminal_prompt.h"
#include "estore/host/config/host_config.h"
#include "estore/host/core/error_text.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/storage/database.h"
#include "estore/host/ui/admin_server.h"
#include "estore/host/ui/password_hash.h"
#include "estore/host/ui/ui_users.h"

namespace estore::host {

bool UiCommand::configured(CommandContext& ctx) {
    return ctx.options().uiPort >= 0 || ctx.config().get("host.ui_port").has_value();
}

std::unique_ptr<AdminServer> UiCommand::startServer(CommandContext& ctx) {
    AdminServerOptions options;
    options.bind = ctx.config().getString("host.ui_bind", options.bind);
    const std::int64_t port = ctx.options().uiPort >= 0
                                  ? ctx.options().uiPort
                                  : ctx.config().getIntBetween("host.ui_port", options.port, 0, 65535);
    options.port = static_cast<unsigned short>(port);
    options.secureCookies =
        Poco::icompare(ctx.config().getString("host.ui_secure_cookies", "false"), "true") == 0;
    const std::int64_t threads = ctx.config().getIntBetween("host.ui_threads", options.threads, 1, 256);
    options.threads = static_cast<int>(threads);
    ctx.database();  // migrated (and the stored settings read) before the first request
    auto server =
        std::make_unique<AdminServer>(ctx.databaseLocation(), ctx.pluginDir(), ctx.config(), options);
    server->start();
    return server;
}

int UiCommand::run(CommandContext& ctx) {
    if (!ctx.args().empty()) return ctx.usage({"ui ne sprejme argumentov", "ui takes no arguments"});
    std::unique_ptr<AdminServer> server;
    try {
        server = startServer(ctx);
    } catch (const std::exception& e) {
        const host_api::Text why = ConfigError::textOf(e);
        return ctx.fail({kExitFailure,
                         "ui.start",
                         "config",
                         {"Strani za upravljanje se niso zagnale: " + why.sl +
                              "; preverite host.ui_bind, host.ui_port (--ui-port), host.ui_threads.",
                          "The admin pages did not start: " + why.en +
                              "; check host.ui_bind, host.ui_port (--ui-port), host.ui_threads."},
                         "host.ui_port"});
    }
    const std::string url = "http://" + server->options().bind + ":" + std::to_string(server->port()) + "/";
    const std::size_t users = UiUsers(ctx.database()).names().size();
    if (ctx.options().json) {
        auto started = JsonCodec::newObject();
        started->set("ok", true);
        started->set("url", url);
        started->set("port", server->port());
        started->set("users", users);
        ctx.out() << JsonCodec::stringify(started) << "\n" << std::flush;
    } else {
        ctx.out() << ctx.t({"Strani za upravljanje: " + url + " (Ctrl+C za ustavitev)",
                            "Admin pages: " + url + " (Ctrl+C stops)"})
                  << "\n"
                  << std::flush;
    }
    if (users == 0)
        ctx.err() << ctx.t({"Noben uporabnik se še ne more prijaviti: estore-host user add IME",
                            "Nobody can sign in yet: estore-host user add NAME"})
                  << "\n";
    if (!ctx.options().portFile.empty()) RunCommand::writePortFile(ctx.options().portFile, server->port());
    RunCommand::installSignalHandlers();
    while (!RunCommand::stopRequested()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    server->stop();
    if (!ctx.options().json) ctx.out() << ctx.t({"Ustavljeno", "Stopped"}) << "\n";
    return kExitOk;
}

std::optional<std::string> UiCommand::newPassword(CommandContext& ctx) {
    const std::string fromEnvironment = Poco::Environment::get("ESTORE_UI_PASSWORD", "");
    if (!fromEnvironment.empty()) return fromEnvironment;
    if (TerminalPrompt::interactive()) {
        auto first = TerminalPrompt::ask(ctx.t({"Geslo: ", "Password: "}), true);
        auto second = TerminalPrompt::ask(ctx.t({"Še enkrat: ", "Again: "}), true);
        if (!first || !second) return std::nullopt;
        if (*first != *second) {
            ctx.err() << ctx.t({"Gesli se ne ujemata.", "The passwords differ."}) << "\n";
            return std::nullopt;
        }
        return first;
    }
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

int UiCommand::addUser(CommandContext& ctx, const std::string& name) {
    if (!UiUsers::validName(name))
        return ctx.fail({kExitValidation,
                         "ui.user_name",
                         "validation",
                         {"Ime uporabnika sme imeti 1 do 64 črk, številk ali znakov . _ - @.",
                          "A user name has 1 to 64 letters, digits or the characters . _ - @."},
                         "name"});
    const auto password = newPassword(ctx);
    if (!password)
        return ctx.fail({kExitUsage,
                         "ui.password_missing",
                         "usage",
                         {"Ni gesla: vpišite ga ali ga podajte z ESTORE_UI_PASSWORD ali na standardni vhod.",
                          "No password: type it, or give it in ESTORE_UI_PASSWORD or on standard input."},
                         "password"});
    if (!PasswordHash::weakness(*password).empty())
        return ctx.fail(
            {kExitValidation,
             "ui.password_weak",
             "validation",
             {"Geslo mora imeti vsaj " + std::to_string(PasswordHash::kMinLength) + " znakov.",
              "The password needs at least " + std::to_string(PasswordHash::kMinLength) + " characters."},
             "password"});
    const bool added =
        UiUsers(ctx.database()).add(name, PasswordHash::make(*password), Database::nowMillis());
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("ok", true);
        root->set("user", name);
        root->set("added", added);  // false: the user existed and has a new password
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }
    ctx.out() << (added ? ctx.t({"Uporabnik dodan: ", "User added: "})
                        : ctx.t({"Geslo spremenjeno: ", "Password changed: "}))
              << name << "\n";
    return kExitOk;
}

int UiCommand::user(CommandContext& ctx) {
    const auto& args = ctx.args();
    if (args.size() == 2 && args[0] == "add") return addUser(ctx, args[1]);
    if (args.size() == 2 && args[0] == "remove") {
        if (!UiUsers(ctx.database()).remove(args[1]))
            return ctx.fail({kExitFailure,
                             "ui.user_unknown",
                             "not_found",
                             {"Uporabnika " + args[1] + " ni.", "There is no user " + args[1] + "."},
                             "name"});
        if (ctx.options().json) {
            auto root = JsonCodec::newObject();
            root->set("ok", true);
            root->set("user", args[1]);
            root->set("removed", true);
            ctx.out() << JsonCodec::stringify(root) << "\n";
        } else {
            ctx.out() << ctx.t({"Uporabnik odstranjen: ", "User removed: "}) << args[1] << "\n";
        }
        return kExitOk;
    }
    if (args.size() == 1 && args[0] == "list") {
        const auto names = UiUsers(ctx.database()).names();
        if (ctx.options().json) {
            Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
            for (const auto& name : names) list->add(name);
            auto root = JsonCodec::newObject();
            root->set("ok", true);
            root->set("users", list);
            ctx.out() << JsonCodec::stringify(root) << "\n";
            return kExitOk;
        }
        for (const auto& name : names) ctx.out() << name << "\n";
        return kExitOk;
    }
    return ctx.usageLine("user add NAME | user remove NAME | user list");
}

}  // namespace estore::host

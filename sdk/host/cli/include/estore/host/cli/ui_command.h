#pragma once
// `estore-host ui [--ui-port N] [--port-file FILE]` serves the admin pages until Ctrl+C (estore-host run
// serves them too when host.ui_port is set); `estore-host user add|remove|list` manages who may sign in.
#include <memory>
#include <optional>
#include <string>

namespace estore::host {

class AdminServer;
class CommandContext;

class UiCommand {
public:
    static int run(CommandContext& ctx);
    static int user(CommandContext& ctx);

    /// The admin server as configured (host.ui_bind, host.ui_port or --ui-port, host.ui_secure_cookies,
    /// host.ui_threads), started; throws when the address is taken or a setting is wrong.
    static std::unique_ptr<AdminServer> startServer(CommandContext& ctx);
    /// True when `run` should serve the admin pages too: --ui-port given or host.ui_port configured.
    static bool configured(CommandContext& ctx);

private:
    static int addUser(CommandContext& ctx, const std::string& name);
    /// ESTORE_UI_PASSWORD, else asked twice on a terminal, else the first line of stdin.
    static std::optional<std::string> newPassword(CommandContext& ctx);
};

}  // namespace estore::host

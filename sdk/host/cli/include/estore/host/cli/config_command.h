#pragma once
namespace estore::host {

class CommandContext;

/// `estore-host config check [--json]`: every key the host knows (config_keys.h) with its value and where
/// it comes from (which configuration file, the environment, the default), secrets masked; the keys under
/// an installed platform's id as that plugin's; and every key nobody reads refused, with the nearest
/// known name (exit 4). The files are --config FILE, else /etc/estore-host/host.properties and the user's
/// $XDG_CONFIG_HOME/estore-host/host.properties (the user's first).
class ConfigCommand {
public:
    static int run(CommandContext& ctx);
};

}  // namespace estore::host

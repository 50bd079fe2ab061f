#pragma once
namespace estore::host {

class CommandContext;

/// `estore-host stores [--json]`: the connected shops and their health. Never shows a secret.
class StoresCommand {
public:
    static int run(CommandContext& ctx);
};

}  // namespace estore::host

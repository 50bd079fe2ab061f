#pragma once
namespace estore::host {

class CommandContext;

/// `estore-host platforms [--json]`: the platform menu, read from the manifests without loading code.
class PlatformsCommand {
public:
    static int run(CommandContext& ctx);
};

}  // namespace estore::host

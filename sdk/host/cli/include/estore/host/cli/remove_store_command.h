#pragma once
namespace estore::host {

class CommandContext;

/// `estore-host remove-store STORE_ID [--force]`: the plugin deactivates the store, then its jobs,
/// secrets and state are deleted in one transaction. The activity log stays. --force removes the store
/// even when its plugin cannot be loaded or deactivation fails.
class RemoveStoreCommand {
public:
    static int run(CommandContext& ctx);
};

}  // namespace estore::host

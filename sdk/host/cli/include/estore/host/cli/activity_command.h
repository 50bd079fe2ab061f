#pragma once
namespace estore::host {

class CommandContext;

/// `estore-host activity STORE_ID [--json]`: the store's log, oldest first.
class ActivityCommand {
public:
    static int run(CommandContext& ctx);
};

}  // namespace estore::host

#pragma once
namespace estore::host {

class CommandContext;

/// `estore-host demo`: starts wix-sandbox, adds its seeded shop through the same path as add-store
/// (Site ID pasted as a dashboard URL, warehouse GLAVNO, cost centre SPLET) into a fresh demo database,
/// shows the result and stops the sandbox again.
class DemoCommand {
public:
    static int run(CommandContext& ctx);
};

}  // namespace estore::host

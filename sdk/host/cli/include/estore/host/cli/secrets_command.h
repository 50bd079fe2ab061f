#pragma once
namespace estore::host {

class CommandContext;

/// `estore-host secrets rotate-key [--json]`: a new key for the secrets at rest. The new key is added in
/// front of the key file, every secret is opened and sealed again with it in one transaction, then the old
/// keys are dropped; a crash at any step leaves every secret readable, and running workers read the key
/// file again when they meet the new key.
class SecretsCommand {
public:
    static int run(CommandContext& ctx);
};

}  // namespace estore::host

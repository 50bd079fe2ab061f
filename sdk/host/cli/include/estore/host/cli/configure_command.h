#pragma once
#include <string>
#include <vector>

#include "estore/host_api/values.h"

namespace estore::host {

class CommandContext;

/// `estore-host configure STORE_ID [--set key=value …] [--json]`: changes a store's settings (secret
/// fields such as api_key too) the way the dialog would: the whole new set is validated live through the
/// plugin; only then are the settings stored, the store activated again and set back to active, which
/// resumes a paused store. Without --set it re-checks the stored settings (e.g. after the key's
/// permissions were fixed in the shop). Exit 2 and no change at all when the check fails.
class ConfigureCommand {
public:
    static int run(CommandContext& ctx);

private:
    /// The assignments split into plain and secret changes, each key as last given.
    static void splitChanges(const std::vector<host_api::FieldSpec>& fields,
                             const std::vector<std::string>& assignments, host_api::Settings& changes,
                             host_api::Settings& secretChanges);
};

}  // namespace estore::host

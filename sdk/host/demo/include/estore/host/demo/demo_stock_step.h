#pragma once
// The demo's stock step: the sandbox shop gets a small catalog, the e-računi warehouse holds the same
// products, a few quantities change in e-računi (on hand and reserved), stock sync is switched on through
// the same path as `configure`, and `stock.push` carries the changes to Wix: before and after, side by side.
#include <map>
#include <string>

namespace estore::host {

class CommandContext;
class SandboxProcess;

class DemoStockStep {
public:
    static int run(CommandContext& ctx, SandboxProcess& sandbox, const std::string& storeId);

private:
    /// SKU → quantity as the sandbox's Wix holds it (tracked items only).
    static std::map<std::string, long> wixQuantities(SandboxProcess& sandbox);
    static bool enableStockSync(CommandContext& ctx, const std::string& storeId);
};

}  // namespace estore::host

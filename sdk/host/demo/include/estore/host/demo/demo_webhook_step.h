#pragma once
// The demo's last step: the webhook URL, the endpoint in-process on an ephemeral port, an order placed
// in the sandbox, its webhook (from the sandbox's Automations mode when it has one), and the time from
// placing the order to its document being stored.
#include <chrono>
#include <string>

namespace estore::host {

class CommandContext;
class SandboxProcess;

class DemoWebhookStep {
public:
    static int run(CommandContext& ctx, SandboxProcess& sandbox, const std::string& storeId);

private:
    /// POST /_sandbox/automations for placed and paid orders; false when the sandbox has no such mode.
    static bool registerAutomation(SandboxProcess& sandbox, const std::string& url);
    /// What an "All keys and values" automation sends, posted by the demo itself; returns the status.
    static int postPayload(const std::string& url, const std::string& orderId, const std::string& number);
    /// Processes the inbox and due jobs until the order's document is stored or the time is up.
    static bool waitForDocument(CommandContext& ctx, const std::string& storeId, const std::string& orderId,
                                std::chrono::milliseconds timeout);
};

}  // namespace estore::host

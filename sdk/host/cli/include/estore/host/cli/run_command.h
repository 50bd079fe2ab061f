#pragma once
#include <iosfwd>
#include <memory>
#include <string>

#include "estore/host/jobs/job_runner.h"

namespace estore::host {

class CommandContext;
class WebhookServer;
struct ConnectionLimits;

/// `estore-host run [--once] [--worker NAME] [--webhook-port N] [--port-file F]`: the scheduler loop,
/// which also processes the webhook inbox, and (unless --once) the webhook endpoint on its own threads. The
/// first SIGINT/SIGTERM lets the current job finish and then stops; a second one ends the process at once
/// (the job's lease expires, and every write is in a transaction, so nothing is left half done).
class RunCommand {
public:
    static int run(CommandContext& ctx);
    static bool stopRequested();
    /// Lease and polling from the host config; the worker is --worker, else `role`@host:pid.
    static RunnerOptions runnerOptions(CommandContext& ctx, const std::string& role);
    /// SIGINT and SIGTERM ask to stop (stopRequested); a second one ends the process.
    static void installSignalHandlers();
    /// Writes the port to --port-file (via a temporary file, so a reader never sees half of it).
    static void writePortFile(const std::string& path, unsigned short port);

private:
    /// Starts the endpoint on host.webhook_bind : (--webhook-port, else host.webhook_port).
    static std::unique_ptr<WebhookServer> startWebhookServer(CommandContext& ctx, std::ostream& log);
    /// host.webhook_max_connections, _max_per_address, _header_timeout_ms, _request_deadline_ms.
    static ConnectionLimits webhookLimits(CommandContext& ctx);
};

}  // namespace estore::host

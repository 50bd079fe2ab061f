#pragma once
#include <string>

#include "estore/host/job_runner.h"

namespace estore::host {

class CommandContext;

/// `estore-host run [--once] [--worker NAME]`: the scheduler loop. The first SIGINT/SIGTERM lets the
/// current job finish and then stops; a second one ends the process at once (the job's lease expires,
/// and every write is in a transaction, so nothing is left half done).
class RunCommand {
public:
    static int run(CommandContext& ctx);
    static bool stopRequested();
    /// Lease and polling from the host config; the worker is --worker, else `role`@host:pid.
    static RunnerOptions runnerOptions(CommandContext& ctx, const std::string& role);

private:
    static void installSignalHandlers();
};

}  // namespace estore::host

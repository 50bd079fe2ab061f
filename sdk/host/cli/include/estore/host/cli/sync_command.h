#pragma once
#include <cstdint>
#include <map>
#include <string>

namespace estore::host {

class CommandContext;
struct JobRun;

/// `estore-host sync STORE_ID JOB [--json] [--force]`: runs one job of a store now, in this process,
/// through the scheduler's own code (JobRunner::runClaimed): it claims the job row's lease first, so it
/// never runs beside a `run` worker, and records the run in the job row and the activity log. Progress
/// is shown while it runs; then the job's summary and counts. Exit 0 on success, 2 on failure. A paused
/// store (needs_attention) is refused unless --force.
class SyncCommand {
public:
    static int run(CommandContext& ctx);
    /// The whole command for one store and job; the demo imports its orders through it. `ran` (if given)
    /// receives the run when there was one.
    static int sync(CommandContext& ctx, const std::string& storeId, const std::string& jobId,
                    JobRun* ran = nullptr);

private:
    /// `progress`: the last counts reported while the job ran (the push summary falls back on them).
    static void printRun(CommandContext& ctx, const std::string& storeId, const std::string& jobId,
                         const JobRun& run, const std::map<std::string, std::int64_t>& progress);
};

}  // namespace estore::host

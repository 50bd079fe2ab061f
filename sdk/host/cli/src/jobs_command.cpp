#include "estore/host/cli/jobs_command.h"

#include <ostream>

#include "estore/host/cli/command_context.h"
#include "estore/host/cli/json_views.h"
#include "estore/host/core/formats.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/job_repository.h"

namespace estore::host {

std::string JobsCommand::table(const std::vector<JobRecord>& jobs, bool withStore, const Language& lang) {
    if (jobs.empty()) return lang.pick({"  (ni opravil)", "  (no jobs)"}) + "\n";
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header = {
        "  " + lang.pick({"Opravilo", "Job"}), lang.pick({"Ponavljanje", "Every"}),
        lang.pick({"Naslednji zagon", "Next run"}), lang.pick({"Zadnje stanje", "Last status"})};
    if (withStore) {
        header[0] = lang.pick({"Opravilo", "Job"});
        header.insert(header.begin(), "  " + lang.pick({"Trgovina", "Store"}));
    }
    rows.push_back(header);
    for (const auto& job : jobs) {
        std::vector<std::string> row = {
            "  " + job.job,
            job.recurring() ? std::to_string(job.intervalSeconds) + " s" : lang.pick({"enkrat", "once"}),
            Formats::localTime(job.nextRunAt),
            job.lastStatus.empty() ? "-"
                                   : job.lastStatus + (job.lastError.empty() ? "" : ": " + job.lastError),
        };
        if (!job.leaseOwner.empty()) row[2] += lang.pick({" (teče: ", " (running: "}) + job.leaseOwner + ")";
        if (withStore) {
            row[0] = job.job;
            row.insert(row.begin(), "  " + job.storeId);
        }
        rows.push_back(row);
    }
    return Formats::table(rows);
}

int JobsCommand::run(CommandContext& ctx) {
    if (ctx.args().size() > 1)
        return ctx.usage(
            {"jobs sprejme največ en argument: STORE_ID", "jobs takes at most one argument: STORE_ID"});
    const std::string storeId = ctx.args().empty() ? "" : ctx.args().front();
    JobRepository repository(ctx.database());
    const auto jobs = repository.list(storeId);
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("jobs", JsonViews::jobs(jobs));
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }
    ctx.out() << ctx.t({"Opravila (", "Jobs ("}) << ctx.database().location() << ")\n"
              << table(jobs, true, ctx.lang());
    return kExitOk;
}

}  // namespace estore::host

#include "estore/host/cli/sync_command.h"

#include <ostream>

#include "estore/host/cli/command_context.h"
#include "estore/host/cli/json_views.h"
#include "estore/host/cli/progress_printer.h"
#include "estore/host/cli/run_command.h"
#include "estore/host/cli/sync_summary.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/jobs/job_runner.h"
#include "estore/host/plugins/plugin_registry.h"
#include "estore/host/services/db_store_status.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"

namespace estore::host {

namespace {

bool platformHasJob(PluginRegistry& plugins, const std::string& platform, const std::string& jobId) {
    for (const auto& job : plugins.manifest(platform).descriptor.jobs)
        if (job.id == jobId) return true;
    return false;
}

std::string jobNames(PluginRegistry& plugins, const std::string& platform) {
    std::string names;
    for (const auto& job : plugins.manifest(platform).descriptor.jobs)
        names += (names.empty() ? "" : ", ") + job.id;
    return names;
}

void printPaused(CommandContext& ctx, const StoreRecord& store) {
    const host_api::Text todo = DbStoreStatus::remedy(store.id, store.statusCategory);
    ctx.err() << ctx.t({"Trgovina " + store.id + " potrebuje pozornost; njena opravila so ustavljena.",
                        "Store " + store.id + " needs attention; its jobs are paused."})
              << "\n"
              << "  " << ctx.t(store.statusMessage) << "\n"
              << "  " << ctx.t({"Koda: ", "Code: "}) << store.statusCode << "\n"
              << "  " << ctx.t(todo) << "\n"
              << "  " << ctx.t({"(--force zažene opravilo kljub temu)", "(--force runs the job anyway)"})
              << "\n";
}

}  // namespace

int SyncCommand::run(CommandContext& ctx) {
    if (ctx.args().size() != 2)
        return ctx.usage(
            {"sync potrebuje dva argumenta: STORE_ID JOB", "sync needs two arguments: STORE_ID JOB"});
    return sync(ctx, ctx.args()[0], ctx.args()[1]);
}

int SyncCommand::sync(CommandContext& ctx, const std::string& storeId, const std::string& jobId,
                      JobRun* ran) {
    int exitCode = kExitOk;
    auto store = ctx.storeWithPlugin(storeId, exitCode);
    if (!store) return exitCode;
    PluginRegistry& plugins = ctx.plugins();
    if (!platformHasJob(plugins, store->platform, jobId))
        return ctx.usage({"platforma " + store->platform + " nima opravila '" + jobId +
                              "' (njena opravila: " + jobNames(plugins, store->platform) + ")",
                          "platform " + store->platform + " has no job '" + jobId +
                              "' (its jobs: " + jobNames(plugins, store->platform) + ")"});
    if (store->paused() && !ctx.options().force) {
        printPaused(ctx, *store);
        return kExitFailure;
    }

    JobRunner runner(ctx.host(), plugins, RunCommand::runnerOptions(ctx, "sync"), ctx.err());
    const std::string owner = runner.newOwner();
    auto job =
        JobRepository(ctx.database())
            .claimNow(storeId, jobId, owner, Database::nowMillis(), runner.options().leaseSeconds * 1000);
    if (!job) {
        // An error object with --json too: a script retries on its code, whatever the language.
        return ctx.fail(
            {kExitFailure,
             "job.busy",
             "transient",
             {"Trgovina " + storeId + " že izvaja opravilo (razporejevalnik); poskusite malo kasneje.",
              "Store " + storeId + " is running a job already (the scheduler); try again shortly."},
             "store_id"});
    }

    ProgressPrinter printer(ctx.progressOut(), ctx.progressOnTerminal(), ctx.lang());
    const JobRun run = runner.runClaimed(*store, *job, owner, &printer);
    printer.finish(run.report.outcome.ok() ? host_api::Text{} : host_api::Text{"ni uspelo", "failed"});
    printRun(ctx, storeId, jobId, run, printer.latest());
    if (ran) *ran = run;
    return exitCodeOf(run.report.outcome);
}

void SyncCommand::printRun(CommandContext& ctx, const std::string& storeId, const std::string& jobId,
                           const JobRun& run, const std::map<std::string, std::int64_t>& progress) {
    const host_api::JobReport& report = run.report;
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("store_id", storeId);
        root->set("job", jobId);
        root->set("ok", report.outcome.ok());
        root->set("status", run.completion.status);
        root->set("summary", JsonCodec::fromText(report.summary));
        auto counts = JsonCodec::newObject();
        for (const auto& [name, count] : report.counts) counts->set(name, count);
        root->set("counts", counts);
        auto lastProgress = JsonCodec::newObject();
        for (const auto& [name, count] : progress) lastProgress->set(name, count);
        root->set("progress", lastProgress);
        root->set("error", report.outcome.ok() ? Poco::Dynamic::Var()
                                               : Poco::Dynamic::Var(JsonViews::outcome(report.outcome)));
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return;
    }
    auto& out = ctx.out();
    const std::string& summary = ctx.t(report.summary);  // the other language where the plugin gave one
    if (!summary.empty()) out << summary << "\n";
    std::string counts;
    for (const auto& [name, count] : report.counts)
        counts += (counts.empty() ? "" : ", ") + name + " " + ProgressMeter::grouped(count, ctx.lang());
    if (!counts.empty()) out << ctx.t({"Števci: ", "Counts: "}) << counts << "\n";
    // The report's counts win; what it lacks, the last progress report tells.
    std::map<std::string, std::int64_t> pushCounts = report.counts;
    pushCounts.insert(progress.begin(), progress.end());
    if (const std::string push = SyncSummary::pushLine(pushCounts, ctx.lang()); !push.empty())
        out << push << "\n";
    if (report.outcome.ok()) return;
    const host_api::Outcome& o = report.outcome;
    ctx.err() << ctx.t({"Opravilo " + jobId + " ni uspelo.", "Job " + jobId + " failed."}) << "\n";
    ctx.printOutcome(o);
}

}  // namespace estore::host

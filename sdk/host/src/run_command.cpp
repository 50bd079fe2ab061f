#include "estore/host/run_command.h"

#include <Poco/Environment.h>
#include <Poco/Process.h>

#include <atomic>
#include <csignal>
#include <ostream>

#include "estore/host/command_context.h"
#include "estore/host/database.h"
#include "estore/host/host_config.h"
#include "estore/host/job_runner.h"

namespace estore::host {

namespace {

std::atomic<bool> gStop{false};

extern "C" void onStopSignal(int signal) {
    if (gStop.exchange(true)) {
        // Asked twice: stop now.
        std::signal(signal, SIG_DFL);
        std::raise(signal);
    }
}

}  // namespace

bool RunCommand::stopRequested() {
    return gStop.load();
}

void RunCommand::installSignalHandlers() {
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

RunnerOptions RunCommand::runnerOptions(CommandContext& ctx, const std::string& role) {
    RunnerOptions options;
    options.worker = ctx.options().worker.empty() ? role + "@" + Poco::Environment::nodeName() + ":" +
                                                        std::to_string(Poco::Process::id())
                                                  : ctx.options().worker;
    options.leaseSeconds = ctx.config().getInt("host.lease_seconds", options.leaseSeconds);
    options.pollMillis = ctx.config().getInt("host.poll_millis", options.pollMillis);
    return options;
}

int RunCommand::run(CommandContext& ctx) {
    if (!ctx.args().empty()) return ctx.usage("run takes no arguments");
    const RunnerOptions options = runnerOptions(ctx, "run");

    installSignalHandlers();
    JobRunner runner(ctx.host(), ctx.plugins(), options, ctx.out());
    const bool once = ctx.options().once;
    ctx.out() << "Razporejevalnik teče / scheduler running: worker " << options.worker << ", "
              << ctx.database().location() << (once ? ", --once" : ", Ctrl+C ustavi / stops") << "\n"
              << std::flush;
    const RunTotals totals = runner.run(once, &RunCommand::stopRequested);
    ctx.out() << "Opravil / jobs run: " << totals.ran << " (uspešnih / ok " << totals.succeeded
              << ", neuspešnih / failed " << totals.failed << ")"
              << (stopRequested() ? " - ustavljeno / stopped" : "") << "\n";
    return kExitOk;
}

}  // namespace estore::host

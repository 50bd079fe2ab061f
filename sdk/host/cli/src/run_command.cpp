#include "estore/host/cli/run_command.h"

#include <Poco/Environment.h>
#include <Poco/Process.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <stdexcept>

#include "estore/host/cli/command_context.h"
#include "estore/host/cli/rates_command.h"
#include "estore/host/cli/run_log.h"
#include "estore/host/cli/ui_command.h"
#include "estore/host/config/host_config.h"
#include "estore/host/core/error_text.h"
#include "estore/host/invoicing/ecb_fetcher.h"
#include "estore/host/invoicing/fiscal_submitter.h"
#include "estore/host/invoicing/mail_queue.h"
#include "estore/host/jobs/job_runner.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/ui/admin_server.h"
#include "estore/host/webhooks/webhook_inbox_processor.h"
#include "estore/host/webhooks/webhook_journal_record.h"
#include "estore/host/webhooks/webhook_server.h"
#include "estore/sdk/atomic_file.h"

namespace estore::host {

namespace {

/// True at the first call and then once every `intervalMillis`: a pass the run loop makes now and then.
auto every(std::int64_t intervalMillis) {
    return [intervalMillis, next = std::int64_t{0}]() mutable {
        const std::int64_t now = Database::nowMillis();
        if (now < next) return false;
        next = now + intervalMillis;
        return true;
    };
}

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
    options.jobDeadlineSeconds = ctx.config().getIntBetween("host.job_deadline_seconds",
                                                            options.jobDeadlineSeconds, 1, 30 * 24 * 3600);
    options.heartbeatConnection = ctx.databaseLocation();
    options.language = ctx.lang();
    return options;
}

void RunCommand::writePortFile(const std::string& path, unsigned short port) {
    sdk::AtomicFile::writePublic(path, std::to_string(port) + "\n");
}

ConnectionLimits RunCommand::webhookLimits(CommandContext& ctx) {
    ConnectionLimits limits;
    auto positive = [&](const std::string& key, std::int64_t fallback, std::int64_t most) {
        return ctx.config().getIntBetween(key, fallback, 1, most);
    };
    limits.maxConnections =
        static_cast<int>(positive("host.webhook_max_connections", limits.maxConnections, 4096));
    limits.maxPerAddress =
        static_cast<int>(positive("host.webhook_max_per_address", limits.maxPerAddress, 4096));
    limits.headerTimeout = std::chrono::milliseconds(
        positive("host.webhook_header_timeout_ms", limits.headerTimeout.count(), 600000));
    limits.requestDeadline = std::chrono::milliseconds(
        positive("host.webhook_request_deadline_ms", limits.requestDeadline.count(), 600000));
    return limits;
}

std::unique_ptr<WebhookServer> RunCommand::startWebhookServer(CommandContext& ctx, std::ostream& log) {
    WebhookServerOptions options;
    options.bind = ctx.config().getString("host.webhook_bind", options.bind);
    const std::int64_t port = ctx.options().webhookPort >= 0
                                  ? ctx.options().webhookPort
                                  : ctx.config().getInt("host.webhook_port", options.port);
    options.port = static_cast<unsigned short>(port);
    // A journal frame holds at most WebhookJournalRecord::kMaxPayload; Automations' bodies are a few KiB.
    const std::int64_t maxBytes =
        ctx.config().getIntBetween("host.webhook_max_bytes", static_cast<std::int64_t>(options.maxBytes), 1,
                                   static_cast<std::int64_t>(WebhookJournalRecord::kMaxPayload / 2));
    options.maxBytes = static_cast<std::size_t>(maxBytes);
    options.journalDir = ctx.config().getString("host.webhook_journal_dir", "");
    // At least 1 ms: 0 would have the intake read the tokens' version without pause.
    options.tokenCheck = std::chrono::milliseconds(std::max<std::int64_t>(
        1, ctx.config().getInt("host.webhook_token_check_millis", options.tokenCheck.count())));
    options.limits = webhookLimits(ctx);
    auto server = std::make_unique<WebhookServer>(ctx.databaseLocation(), options);
    server->start();
    log << ctx.t({"Webhooki", "Webhooks"}) << ": POST http://" << options.bind << ":" << server->port()
        << "/estore/webhook/…\n";
    if (!ctx.options().portFile.empty()) writePortFile(ctx.options().portFile, server->port());
    return server;
}

int RunCommand::run(CommandContext& ctx) {
    if (!ctx.args().empty()) return ctx.usage({"run ne sprejme argumentov", "run takes no arguments"});
    RunnerOptions options = runnerOptions(ctx, "run");
    options.stampLines = false;  // the log stamps every line
    RunLog runLog(ctx.config().file(), ctx.options().logLevel, ctx.out(), ctx.options().json);
    std::ostream& log = runLog.stream();

    installSignalHandlers();
    JobRunner runner(ctx.host(), ctx.plugins(), options, log);
    WebhookInboxProcessor inbox(ctx.host(), ctx.plugins(), options.worker, options.leaseSeconds * 1000, log);
    const bool once = ctx.options().once;
    log << ctx.t({"Razporejevalnik teče: delavec ", "Scheduler running: worker "}) << options.worker << ", "
        << ctx.database().location() << ", "
        << (once ? "--once" : ctx.t({"Ctrl+C za ustavitev", "Ctrl+C stops"})) << "\n"
        << std::flush;
    // --once only drains what is due; it is no server.
    std::unique_ptr<WebhookServer> server;
    if (!once) {
        try {
            server = startWebhookServer(ctx, log);
        } catch (const std::exception& e) {
            ctx.err() << ctx.t({"Končna točka za webhooke se ni zagnala: ",
                                "The webhook endpoint did not start: "})
                      << ctx.t(ConfigError::textOf(e)) << "\n"
                      << ctx.t({"Preverite", "Check"})
                      << " host.webhook_bind, host.webhook_port (--webhook-port), host.webhook_max_bytes, "
                         "host.webhook_journal_dir.\n";
            return kExitFailure;
        }
    }
    std::unique_ptr<AdminServer> admin;
    if (!once && UiCommand::configured(ctx)) {
        try {
            admin = UiCommand::startServer(ctx);
            log << ctx.t({"Strani za upravljanje", "Admin pages"}) << ": http://" << admin->options().bind
                << ":" << admin->port() << "/\n";
        } catch (const std::exception& e) {
            ctx.err() << ctx.t({"Strani za upravljanje se niso zagnale: ", "The admin pages did not start: "})
                      << ctx.t(ConfigError::textOf(e)) << "\n"
                      << ctx.t({"Preverite", "Check"})
                      << " host.ui_bind, host.ui_port (--ui-port), host.ui_threads.\n";
            return kExitFailure;
        }
    }
    log << std::flush;
    // The inbox is shared by every worker: look at it when this worker's endpoint took a webhook, and
    // otherwise every host.inbox_poll_millis, not before every job (a busy worker would spend a
    // database round trip per job on an empty inbox).
    const std::int64_t inboxPollMillis = ctx.config().getInt("host.inbox_poll_millis", 100);
    std::int64_t nextInboxPoll = 0;
    bool received = false;
    auto receivedHere = [&server, &received, &log] {
        if (!server) return received;
        for (const auto& message : server->intake().takeMessages()) log << "  ! " << message << "\n";
        if (server->intake().takeMoved()) received = true;
        return received;
    };
    auto processInbox = [&] {
        const std::int64_t nowMs = Database::nowMillis();
        if (!receivedHere() && nowMs < nextInboxPoll) return false;
        received = false;
        const bool didSome = inbox.processSome() > 0;
        nextInboxPoll = didSome ? 0 : nowMs + inboxPollMillis;
        return didSome;
    };
    // Fiscal invoices still without an EOR (FURS was away, or the issuing process died): every
    // fiscal.retry_seconds, and on --once right away.
    FiscalSubmitter fiscal(ctx.database(), ctx.config(), ctx.host().activity());
    auto fiscalDue = every(fiscal.retryMillis());
    auto passFiscal = [&] {
        if (!fiscalDue()) return false;
        const FiscalPass pass = fiscal.submitDue();
        if (pass.verified + pass.failed > 0)
            log << "  FURS: " << ctx.t({"potrjenih ", "verified "}) << pass.verified << ", "
                << ctx.t({"brez EOR ", "without an EOR "}) << pass.failed << "\n"
                << std::flush;
        return pass.verified > 0 && pass.failed == 0;
    };
    // Invoice e-mails still pending (their sender died) or failed (the mail server was away): every
    // mail.retry_seconds, and on --once right away.
    MailQueue mail(ctx.database(), ctx.config(), ctx.host().activity());
    auto mailDue = every(mail.retryMillis());
    auto passMail = [&] {
        if (!mailDue()) return false;
        const MailPass pass = mail.sendDue();
        if (pass.delivered + pass.failed > 0)
            log << "  " << ctx.t({"E-pošta: poslanih ", "E-mail: delivered "}) << pass.delivered << ", "
                << ctx.t({"neuspešnih ", "failed "}) << pass.failed << "\n"
                << std::flush;
        return pass.delivered > 0 && pass.failed == 0;
    };
    // The ECB's rates, where rates.ecb_url is configured: every rates.check_seconds, fetched when the ECB
    // has published a day this database lacks; the invoices that waited for a rate follow.
    EcbFetcher ecb(ctx.database(), ctx.config());
    auto ratesDue = every(ecb.checkMillis());
    auto passRates = [&] {
        if (!ecb.configured() || !ratesDue()) return false;
        const EcbFetch fetched = ecb.fetchIfDue(Database::nowMillis());
        if (!fetched.attempted) return false;
        if (fetched.failed()) {
            log << "  ECB: " << ctx.t(fetched.error) << "\n" << std::flush;
            return false;
        }
        const int invoiced = RatesCommand::invoiceWaitingOrders(ctx);
        log << "  ECB: " << ctx.t({"tečaji do ", "rates up to "}) << fetched.newestDay << " ("
            << fetched.rates << "), " << ctx.t({"izdanih računov ", "invoices issued "}) << invoiced << "\n"
            << std::flush;
        return false;  // nothing that makes another pass right away worthwhile
    };
    auto otherWork = [&] {
        const bool inboxWork = processInbox();
        const bool fiscalWork = passFiscal();
        passRates();
        return passMail() || fiscalWork || inboxWork;
    };
    const RunTotals totals = runner.run(once, &RunCommand::stopRequested, otherWork, receivedHere);
    if (server) {
        server->stop();
        const auto refused = server->refusals();
        if (!refused.empty()) {
            log << ctx.t({"Zavrnjene povezave za webhooke:", "Webhook connections refused:"});
            for (const auto& [reason, count] : refused) log << " " << reason << " " << count;
            log << "\n";
        }
    }
    log << ctx.t({"Izvedenih opravil: ", "Jobs run: "}) << totals.ran << " (" << ctx.t({"uspešnih ", "ok "})
        << totals.succeeded << ", " << ctx.t({"neuspešnih ", "failed "}) << totals.failed << ")"
        << (stopRequested() ? ctx.t({" - ustavljeno", " - stopped"}) : "") << "\n";
    // A cron job running --once must see that some jobs failed (they are retried by the schedule).
    return once && totals.failed > 0 ? kExitPartial : kExitOk;
}

}  // namespace estore::host

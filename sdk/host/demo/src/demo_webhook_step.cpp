#include "estore/host/demo/demo_webhook_step.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <ostream>
#include <sstream>
#include <thread>

#include "estore/host/cli/command_context.h"
#include "estore/host/cli/run_command.h"
#include "estore/host/cli/webhook_command.h"
#include "estore/host/config/host_config.h"
#include "estore/host/demo/sandbox_process.h"
#include "estore/host/jobs/job_runner.h"
#include "estore/host/services/db_sales_orders.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/webhooks/webhook_inbox_processor.h"
#include "estore/host/webhooks/webhook_server.h"

namespace estore::host {

namespace {

/// The URL with its token cut short: the demo's output is no place for a secret either.
std::string masked(const std::string& url) {
    const auto slash = url.rfind('/');
    return url.substr(0, slash + 1) + url.substr(slash + 1, 6) + "…";
}

std::int64_t millisSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
        .count();
}

}  // namespace

bool DemoWebhookStep::registerAutomation(SandboxProcess& sandbox, const std::string& url) {
    try {
        sandbox.post("/_sandbox/automations", "{\"url\":\"" + url + "\",\"events\":[\"placed\",\"paid\"]}");
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

int DemoWebhookStep::postPayload(const std::string& url, const std::string& orderId,
                                 const std::string& number) {
    const Poco::URI uri(url);
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, uri.getPathEtc(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    const std::string body =
        "{\"data\":{\"order\":{\"id\":\"" + orderId + "\",\"number\":\"" + number + "\"}}}";
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::string answer;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), answer);
    return response.getStatus();
}

bool DemoWebhookStep::waitForDocument(CommandContext& ctx, const std::string& storeId,
                                      const std::string& orderId, std::chrono::milliseconds timeout) {
    // The scheduler loop's own parts, on this thread; their log lines are kept out of the demo's output.
    std::ostringstream log;
    const RunnerOptions options = RunCommand::runnerOptions(ctx, "demo");
    JobRunner runner(ctx.host(), ctx.plugins(), options, log);
    WebhookInboxProcessor inbox(ctx.host(), ctx.plugins(), options.worker, options.leaseSeconds * 1000, log);
    const auto start = std::chrono::steady_clock::now();
    RunTotals totals;
    while (std::chrono::steady_clock::now() - start < timeout) {
        const bool worked = inbox.processSome() > 0;
        if (runner.runOne(totals) || worked) {
            for (const auto& order : DbSalesOrders(ctx.database()).list(storeId))
                if (order.externalId == orderId) return true;
            continue;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

int DemoWebhookStep::run(CommandContext& ctx, SandboxProcess& sandbox, const std::string& storeId) {
    auto& out = ctx.out();
    WebhookServerOptions options;
    options.port = 0;
    WebhookServer server(ctx.databaseLocation(), options);
    server.start();
    ctx.config().setOverride("host.public_url", "http://127.0.0.1:" + std::to_string(server.port()));
    const std::string url = WebhookCommand::generate(ctx, storeId);
    const bool automation = registerAutomation(sandbox, url);
    out << "\n"
        << ctx.t({"[5/7] Takojšnji uvoz z webhookom", "[5/7] Instant import by webhook"})
        << " (estore-host webhook " << storeId << " --generate):\n"
        << "   URL: " << masked(url) << "  " << ctx.t({"(žeton skrajšan)", "(token shortened)"}) << "\n"
        << (automation
                ? ctx.t({"   Peskovnik pošilja webhook ob oddanem in plačanem naročilu (Automations).",
                         "   The sandbox sends a webhook when an order is placed or paid (Automations)."})
                : ctx.t({"   Peskovnik nima načina Automations: webhook pošlje demo sam.",
                         "   The sandbox has no Automations mode: the demo sends the webhook itself."}))
        << "\n";

    const auto placedAt = std::chrono::steady_clock::now();
    auto placed = Poco::JSON::Parser()
                      .parse(sandbox.post("/_sandbox/orders/place", "{}"))
                      .extract<Poco::JSON::Object::Ptr>();
    const std::string orderId = placed->getValue<std::string>("orderId");
    const std::string number = placed->getObject("order")->get("number").toString();
    if (!automation) postPayload(url, orderId, number);
    bool stored = waitForDocument(ctx, storeId, orderId, std::chrono::seconds(automation ? 3 : 10));
    if (!stored && automation) {
        out << ctx.t({"   Webhook peskovnika ni prispel v 3 s; demo ga pošlje sam.",
                      "   The sandbox's webhook did not arrive in 3 s; the demo sends it itself."})
            << "\n";
        postPayload(url, orderId, number);
        stored = waitForDocument(ctx, storeId, orderId, std::chrono::seconds(10));
    }
    const std::int64_t elapsed = millisSince(placedAt);
    server.stop();
    if (!stored) {
        ctx.err() << ctx.t({"   Naročilo " + number + " ni shranjeno.",
                            "   Order " + number + " was not stored."})
                  << "\n";
        return kExitFailure;
    }
    for (const auto& order : DbSalesOrders(ctx.database()).list(storeId)) {
        if (order.externalId != orderId) continue;
        out << ctx.t({"   Naročilo " + order.number + " v e-računih: ",
                      "   Order " + order.number + " in e-računi: "})
            << order.status << " / " << order.paymentStatus << ", " << order.totalGross << " "
            << order.currency << "\n";
    }
    out << ctx.t({"   Od oddaje naročila do shranjenega dokumenta: ",
                  "   From placing the order to the stored document: "})
        << elapsed << " ms\n";
    return kExitOk;
}

}  // namespace estore::host

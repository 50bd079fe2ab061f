#include "estore/host/demo/demo_invoice_step.h"

#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <stdexcept>
#include <vector>

#include "estore/host/cli/add_store_command.h"
#include "estore/host/cli/command_context.h"
#include "estore/host/cli/sync_command.h"
#include "estore/host/config/host_config.h"
#include "estore/host/demo/sandbox_process.h"
#include "estore/host/enrollment/store_enrollment.h"
#include "estore/host/fiscal/fiscal_code.h"
#include "estore/host/fiscal/fiscal_signer.h"
#include "estore/host/fiscal/furs_client.h"
#include "estore/host/invoicing/fiscal_premises.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/invoicing/invoice_text.h"
#include "estore/host/plugins/plugin_registry.h"
#include "estore/host/services/db_sales_orders.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/sdk/atomic_file.h"
#include "estore/sdk/http_client.h"
#include "estore/sdk/sales_order_json.h"

namespace estore::host {

namespace {

constexpr const char* kTaxNumber = "10039856";  // FURS's own test tax number; its check digit is right

std::filesystem::path demoDir(CommandContext& ctx) {
    return std::filesystem::path(ctx.databaseLocation()).parent_path();
}

}  // namespace

void DemoInvoiceStep::configureHost(CommandContext& ctx, SandboxProcess& furs) {
    const auto dir = demoDir(ctx);
    const auto caFile = dir / "furs" / "ca.pem";
    // furs-sandbox issues the company's TEST certificate, as FURS issues its test certificates.
    sdk::HttpClientOptions options;
    options.caFile = caFile.string();
    sdk::HttpClient http(furs.baseUrl(), options);
    sdk::HttpRequest request;
    request.method = "POST";
    request.target = "/_sandbox/certificates";
    request.body = std::string(R"({"tax_number":")") + kTaxNumber + R"(","name":"DEMO TRGOVINA D.O.O."})";
    const sdk::HttpResult issued = http.send(request);
    if (!issued.delivered() || issued.response.status != 200)
        throw std::runtime_error("furs-sandbox did not issue a certificate: " + issued.detail +
                                 issued.response.body);
    const auto answer = Poco::JSON::Parser().parse(issued.response.body).extract<Poco::JSON::Object::Ptr>();
    std::filesystem::create_directories(dir / "fiscal");
    const auto certificate = dir / "fiscal" / "certificate.pem";
    const auto key = dir / "fiscal" / "private_key.pem";
    std::ofstream(certificate) << answer->getValue<std::string>("certificate");
    std::ofstream(key) << answer->getValue<std::string>("private_key");
    std::filesystem::permissions(key,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    HostConfig& config = ctx.config();
    config.setOverride("fiscal.certificate", certificate.string());
    config.setOverride("fiscal.private_key", key.string());
    config.setOverride("fiscal.furs_url", furs.baseUrl());
    config.setOverride("fiscal.furs_ca_file", caFile.string());
    config.setOverride("fiscal.software_supplier", kTaxNumber);
    config.setOverride("company.name", "Demo trgovina d.o.o.");
    config.setOverride("company.address", "Slovenska cesta 1, 1000 Ljubljana");
    config.setOverride("company.tax_number", kTaxNumber);
    config.setOverride("mail.outbox_dir", (dir / "outbox").string());
}

bool DemoInvoiceStep::registerPremise(CommandContext& ctx) {
    FursPremise premise;
    premise.taxNumber = kTaxNumber;
    premise.premise = "SPLET1";
    premise.premiseType = "C";  // a lone electronic device: the web shop's invoicing
    premise.validityDate = FiscalCode::ljubljanaTime(Database::nowMillis()).isoForm().substr(0, 10);
    premise.softwareSupplierTaxNumber = kTaxNumber;
    const auto signer = FiscalSigner::fromConfig(ctx.config());
    const FursAnswer answer = FursClient(FursSettings::from(ctx.config()), *signer).registerPremise(premise);
    if (!answer.accepted()) {
        ctx.err() << ctx.t({"   Prijava poslovnega prostora SPLET1 pri FURS ni uspela: ",
                            "   FURS did not register premise SPLET1: "})
                  << answer.detail << "\n";
        return false;
    }
    FiscalPremises(ctx.database())
        .record({kTaxNumber, "SPLET1", Database::nowMillis(), premise.validityDate, false});
    ctx.out() << ctx.t({"   Poslovni prostor SPLET1 je prijavljen pri FURS.",
                        "   Premise SPLET1 is registered with FURS."})
              << "\n";
    return true;
}

bool DemoInvoiceStep::enableInvoicing(CommandContext& ctx, const std::string& storeId) {
    const auto store = StoreRepository(ctx.database()).find(storeId);
    if (!store) return false;
    PluginRegistry& plugins = ctx.plugins();
    const auto& fields = plugins.manifest(store->platform).descriptor.fields;
    const host_api::Settings changes = {{"auto_invoice", "paid"},
                                        {"email_invoice", "true"},
                                        {"business_premise", "SPLET1"},
                                        {"electronic_device", "1"}};
    const EnrollmentResult result =
        StoreEnrollment(ctx.host()).reconfigure(plugins.store(store->platform), *store, fields, changes, {});
    if (!result.ok())
        AddStoreCommand::printFailure(ctx, result,
                                      {"Nastavitev ni mogoče spremeniti.", "Cannot change the settings."});
    return result.ok();
}

std::string DemoInvoiceStep::placePaidOrder(SandboxProcess& sandbox, std::string& number) {
    auto placed = Poco::JSON::Parser()
                      .parse(sandbox.post("/_sandbox/orders/place", "{}"))
                      .extract<Poco::JSON::Object::Ptr>();
    const std::string id = placed->getValue<std::string>("orderId");
    auto order = placed->getObject("order");
    number = order->get("number").toString();
    if (order->optValue<std::string>("paymentStatus", "") != "PAID")
        sandbox.post("/_sandbox/orders/" + id + "/pay", "{}");
    return id;
}

void DemoInvoiceStep::reportHeldForReview(CommandContext& ctx, const std::string& storeId,
                                          const std::string& orderId, const std::string& number) {
    auto& out = ctx.out();
    out << ctx.t({"   Naročilo " + number + " čaka na pregled, račun se ne izda samodejno:",
                  "   Order " + number + " is held for review, no invoice is issued automatically:"})
        << "\n";
    for (const auto& record : DbSalesOrders(ctx.database()).list(storeId)) {
        if (record.externalId != orderId) continue;
        std::string error;
        if (const auto order = sdk::salesOrderFromJson(record.document, &error))
            for (const auto& flag : order->flags)
                out << "     [" << flag.code << "] " << ctx.t(flag.reason) << "\n";
    }
}

int DemoInvoiceStep::run(CommandContext& ctx, SandboxProcess& sandbox, const std::string& storeId) {
    auto& out = ctx.out();
    const auto dir = demoDir(ctx);
    SandboxProcess furs(ctx.executableDir() / "furs-sandbox", {"--state-dir", (dir / "furs").string()},
                        dir / "furs-sandbox.log");
    furs.setScheme("https");
    furs.start();
    out << "\n"
        << ctx.t({"[6/7] Samodejno fakturiranje in davčno potrjevanje:",
                  "[6/7] Auto-invoicing and fiscal verification:"})
        << "\n"
        << ctx.t({"   furs-sandbox (lokalni FURS): ", "   furs-sandbox (a local FURS): "}) << furs.baseUrl()
        << "\n"
        << ctx.t({"   Testni certifikat (ni pravi): ", "   Test certificate (not a real one): "})
        << (dir / "fiscal").string() << "\n"
        << "   estore-host fiscal premise register SPLET1 --set type=C --set software_supplier=" << kTaxNumber
        << "\n";
    configureHost(ctx, furs);
    if (!registerPremise(ctx)) return kExitFailure;
    out << "   estore-host configure " << storeId
        << " --set auto_invoice=paid --set email_invoice=true --set business_premise=SPLET1 "
           "--set electronic_device=1\n";
    if (!enableInvoicing(ctx, storeId)) return kExitFailure;
    // An order the mapper holds for review (shipping Wix taxed at another rate than its goods, say) gets no
    // invoice automatically: the demo says why and places the next order, up to a few.
    constexpr int kAttempts = 5;
    std::vector<Invoice> documents;
    for (int attempt = 1; attempt <= kAttempts && documents.empty(); ++attempt) {
        std::string number;
        const std::string orderId = placePaidOrder(sandbox, number);
        out << ctx.t({"   Naročilo " + number + " je oddano in plačano v Wixu; uvoz:",
                      "   Order " + number + " placed and paid in Wix; import:"})
            << "\n";
        const int rc = SyncCommand::sync(ctx, storeId, "orders.import");
        if (rc != kExitOk) return rc;
        documents = InvoiceRepository(ctx.database()).forOrder(storeId, orderId);
        if (documents.empty()) reportHeldForReview(ctx, storeId, orderId, number);
    }
    if (documents.empty()) {
        const std::string attempts = std::to_string(kAttempts);
        ctx.err() << ctx.t({"   Nobeno od " + attempts + " naročil ni dobilo računa.",
                            "   None of " + attempts + " orders was invoiced."})
                  << "\n";
        return kExitFailure;
    }
    const Invoice& invoice = documents.front();
    out << "\n   estore-host invoice show " << invoice.number << "\n\n" << InvoiceText::plain(invoice);
    if (invoice.emailState == "outbox")
        out << "\n"
            << ctx.t({"   E-pošta kupcu: ", "   E-mail to the buyer: "})
            << (demoDir(ctx) / "outbox" / (invoice.number + ".eml")).string() << "\n";
    return kExitOk;
}

}  // namespace estore::host

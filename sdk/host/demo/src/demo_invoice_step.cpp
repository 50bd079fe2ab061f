#include "estore/host/demo/demo_invoice_step.h"

#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <ostream>

#include "estore/host/cli/add_store_command.h"
#include "estore/host/cli/command_context.h"
#include "estore/host/cli/sync_command.h"
#include "estore/host/config/host_config.h"
#include "estore/host/demo/sandbox_process.h"
#include "estore/host/enrollment/store_enrollment.h"
#include "estore/host/invoicing/fiscal_test_certificate.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/invoicing/invoice_text.h"
#include "estore/host/plugins/plugin_registry.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"

namespace estore::host {

namespace {

constexpr const char* kTaxNumber = "12345678";

std::filesystem::path demoDir(CommandContext& ctx) {
    return std::filesystem::path(ctx.databaseLocation()).parent_path();
}

}  // namespace

void DemoInvoiceStep::configureHost(CommandContext& ctx) {
    const auto dir = demoDir(ctx);
    const FiscalTestPair pair = FiscalTestCertificate::generate(dir / "fiscal", kTaxNumber);
    HostConfig& config = ctx.config();
    config.setOverride("fiscal.certificate", pair.certificate.string());
    config.setOverride("fiscal.private_key", pair.privateKey.string());
    config.setOverride("company.name", "Demo trgovina d.o.o.");
    config.setOverride("company.address", "Slovenska cesta 1, 1000 Ljubljana");
    config.setOverride("company.tax_number", kTaxNumber);
    config.setOverride("mail.outbox_dir", (dir / "outbox").string());
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

int DemoInvoiceStep::run(CommandContext& ctx, SandboxProcess& sandbox, const std::string& storeId) {
    auto& out = ctx.out();
    out << "\n6. Samodejno fakturiranje plačanih naročil / auto-invoicing of paid orders:\n"
        << "   estore-host configure " << storeId
        << " --set auto_invoice=paid --set email_invoice=true --set business_premise=SPLET1 "
           "--set electronic_device=1\n"
        << "   Testni certifikat FURS (ni pravi) / test FURS certificate (not a real one): "
        << (demoDir(ctx) / "fiscal").string() << "\n";
    configureHost(ctx);
    if (!enableInvoicing(ctx, storeId)) return kExitFailure;
    std::string number;
    const std::string orderId = placePaidOrder(sandbox, number);
    out << "   Naročilo / order " << number
        << " oddano in plačano v Wixu / placed and paid in Wix; uvoz / import:\n";
    const int rc = SyncCommand::sync(ctx, storeId, "orders.import");
    if (rc != kExitOk) return rc;
    const auto documents = InvoiceRepository(ctx.database()).forOrder(storeId, orderId);
    if (documents.empty()) {
        ctx.err() << "   Za naročilo " << number << " ni računa. / Order " << number << " has no invoice.\n";
        return kExitFailure;
    }
    const Invoice& invoice = documents.front();
    out << "\n   estore-host invoice show " << invoice.number << "\n\n" << InvoiceText::plain(invoice);
    if (invoice.emailState == "outbox")
        out << "\n   E-pošta kupcu / e-mail to the buyer: "
            << (demoDir(ctx) / "outbox" / (invoice.number + ".eml")).string() << "\n";
    return kExitOk;
}

}  // namespace estore::host

#pragma once
// The demo's invoicing step: furs-sandbox (the local FURS stand-in) started, a TEST company certificate
// issued by it, the business premise registered with it, the store switched to "invoice when paid" with
// e-mail, an order placed and paid in the Wix sandbox, one import, and the invoice the host issued for it,
// printed as a person reads it: with its ZOI, the EOR FURS gave it, and the QR data when it is fiscal.
#include <string>

namespace estore::host {

class CommandContext;
class SandboxProcess;

class DemoInvoiceStep {
public:
    static int run(CommandContext& ctx, SandboxProcess& sandbox, const std::string& storeId);

private:
    /// Host configuration for invoicing: the certificate furs-sandbox issued, FURS's address and CA,
    /// company data, the outbox beside the database.
    static void configureHost(CommandContext& ctx, SandboxProcess& furs);
    /// Registers the demo's premise with FURS, as `estore-host fiscal premise register` does.
    static bool registerPremise(CommandContext& ctx);
    /// auto_invoice=paid, email_invoice=true, premise SPLET1, device 1, through the same path as configure.
    static bool enableInvoicing(CommandContext& ctx, const std::string& storeId);
    /// Places an order and pays it; returns its Wix id.
    static std::string placePaidOrder(SandboxProcess& sandbox, std::string& number);
    /// Why an imported order got no invoice: its review flags.
    static void reportHeldForReview(CommandContext& ctx, const std::string& storeId,
                                    const std::string& orderId, const std::string& number);
};

}  // namespace estore::host

#pragma once
// The demo's invoicing step: a test FURS key pair (generated, clearly marked TEST), the store switched to
// "invoice when paid" with e-mail, an order placed and paid in the sandbox, one import, and the invoice
// the host issued for it, printed as a person reads it (with ZOI and QR data when its method is fiscal).
#include <string>

namespace estore::host {

class CommandContext;
class SandboxProcess;

class DemoInvoiceStep {
public:
    static int run(CommandContext& ctx, SandboxProcess& sandbox, const std::string& storeId);

private:
    /// Host configuration for invoicing: test key pair, company data, the outbox beside the database.
    static void configureHost(CommandContext& ctx);
    /// auto_invoice=paid, email_invoice=true, premise SPLET1, device 1, through the same path as configure.
    static bool enableInvoicing(CommandContext& ctx, const std::string& storeId);
    /// Places an order and pays it; returns its Wix id.
    static std::string placePaidOrder(SandboxProcess& sandbox, std::string& number);
};

}  // namespace estore::host

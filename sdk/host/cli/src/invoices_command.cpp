#include "estore/host/cli/invoices_command.h"

#include <Poco/JSON/Array.h>

#include <ostream>

#include "estore/host/cli/command_context.h"
#include "estore/host/core/formats.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/invoicing/invoice_json.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/sdk/amount.h"

namespace estore::host {

int InvoicesCommand::run(CommandContext& ctx) {
    if (ctx.args().size() != 1) return ctx.usage("invoices needs exactly one argument: STORE_ID");
    const std::string& storeId = ctx.args().front();
    InvoiceRepository invoices(ctx.database());
    if (!StoreRepository(ctx.database()).find(storeId) && invoices.count(storeId) == 0) {
        ctx.reportUnknownStore(storeId);
        return kExitFailure;
    }
    const auto list = invoices.list(storeId);
    if (ctx.options().json) {
        ctx.out() << json(storeId, list);
        return kExitOk;
    }
    ctx.out() << "Računi / invoices: " << storeId << " (" << ctx.database().location() << ")\n" << text(list);
    return kExitOk;
}

std::string InvoicesCommand::json(const std::string& storeId, const std::vector<Invoice>& invoices) {
    auto root = JsonCodec::newObject();
    root->set("store_id", storeId);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& invoice : invoices) list->add(InvoiceJson::toJson(invoice));
    root->set("invoices", list);
    return JsonCodec::stringify(root) + "\n";
}

std::string InvoicesCommand::text(const std::vector<Invoice>& invoices) {
    if (invoices.empty()) return "  (ni računov / no invoices)\n";
    std::vector<std::vector<std::string>> rows = {{"  Številka / number", "Vrsta / kind", "Izdan / issued",
                                                   "Naročilo / order", "Skupaj / total", "Davčno / fiscal",
                                                   "E-pošta / e-mail"}};
    for (const auto& i : invoices)
        rows.push_back(
            {"  " + i.number,
             i.kind == InvoiceKind::CreditNote ? "dobropis / credit note → " + i.refersTo : "račun / invoice",
             i.issuedLocal, i.orderNumber, sdk::toDecimal(i.totalGross).toString(2) + " " + i.currency,
             i.fiscal.fiscal ? "ZOI " + i.fiscal.zoi.substr(0, 8) + "…" : "-",
             i.emailState.empty() ? "-" : i.emailState});
    return Formats::table(rows) + "Dokumentov / documents: " + std::to_string(invoices.size()) + "\n";
}

}  // namespace estore::host

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
#include "estore/sdk/currency.h"

namespace estore::host {

int InvoicesCommand::run(CommandContext& ctx) {
    if (ctx.args().size() != 1)
        return ctx.usage({"invoices potrebuje natanko en argument: STORE_ID",
                          "invoices needs exactly one argument: STORE_ID"});
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
    ctx.out() << ctx.t({"Računi: ", "Invoices: "}) << storeId << " (" << ctx.database().location() << ")\n"
              << text(list, ctx.lang());
    return kExitOk;
}

std::string InvoicesCommand::json(const std::string& storeId, const std::vector<Invoice>& invoices) {
    auto root = JsonCodec::newObject();
    root->set("store_id", storeId);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& invoice : invoices) list->add(JsonCodec::snakeCased(InvoiceJson::toJson(invoice)));
    root->set("invoices", list);
    return JsonCodec::stringify(root) + "\n";
}

std::string InvoicesCommand::text(const std::vector<Invoice>& invoices, const Language& language) {
    if (invoices.empty()) return language.pick({"  (ni računov)\n", "  (no invoices)\n"});
    std::vector<std::vector<std::string>> rows = {
        {"  " + language.pick({"Številka", "Number"}), language.pick({"Vrsta", "Kind"}),
         language.pick({"Izdan", "Issued"}), language.pick({"Naročilo", "Order"}),
         language.pick({"Skupaj", "Total"}), language.pick({"Davčno", "Fiscal"}),
         language.pick({"E-pošta", "E-mail"})}};
    for (const auto& i : invoices)
        rows.push_back({"  " + i.number,
                        i.kind == InvoiceKind::CreditNote
                            ? language.pick({"dobropis", "credit note"}) + " → " + i.refersTo
                            : language.pick({"račun", "invoice"}),
                        i.issuedLocal, i.orderNumber,
                        sdk::currencyAmountText(sdk::toDecimal(i.totalGross), i.currency) + " " + i.currency,
                        i.fiscal.fiscal ? "ZOI " + i.fiscal.zoi.substr(0, 8) + "…" : "-",
                        i.emailState.empty() ? "-" : i.emailState});
    return Formats::table(rows) + language.pick({"Dokumentov: ", "Documents: "}) +
           std::to_string(invoices.size()) + "\n";
}

}  // namespace estore::host

#include "estore/host/cli/invoice_command.h"

#include <ostream>

#include "estore/host/cli/command_context.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/invoicing/invoice_json.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/invoicing/invoice_text.h"

namespace estore::host {

int InvoiceCommand::run(CommandContext& ctx) {
    if (ctx.args().size() != 2 || ctx.args()[0] != "show") return ctx.usageLine("invoice show NUMBER");
    const std::string& number = ctx.args()[1];
    const auto invoice = InvoiceRepository(ctx.database()).find(number);
    if (!invoice)
        return ctx.fail({kExitFailure,
                         "invoice.unknown",
                         "not_found",
                         {"Račun " + number + " ne obstaja.", "Invoice " + number + " does not exist."},
                         "number"});
    if (ctx.options().json)
        ctx.out() << JsonCodec::stringify(JsonCodec::snakeCased(InvoiceJson::toJson(*invoice))) << "\n";
    else
        ctx.out() << InvoiceText::plain(*invoice);
    return kExitOk;
}

}  // namespace estore::host

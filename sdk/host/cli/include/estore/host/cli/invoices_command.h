#pragma once
#include <string>
#include <vector>

#include "estore/host/core/language.h"
#include "estore/host/invoicing/invoice.h"

namespace estore::host {

class CommandContext;

/// `estore-host invoices STORE_ID [--json]`: the store's invoices and credit notes, in issue order. JSON
/// gives every document whole (InvoiceJson); text one line each.
class InvoicesCommand {
public:
    static int run(CommandContext& ctx);

    static std::string json(const std::string& storeId, const std::vector<Invoice>& invoices);
    static std::string text(const std::vector<Invoice>& invoices, const Language& language);
};

}  // namespace estore::host

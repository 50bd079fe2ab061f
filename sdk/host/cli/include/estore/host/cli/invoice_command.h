#pragma once

namespace estore::host {

class CommandContext;

/// `estore-host invoice show NUMBER [--json]`: one invoice or credit note as a person reads it (seller,
/// buyer, lines, VAT per rate, totals, ZOI and QR data when fiscal), or its JSON document.
class InvoiceCommand {
public:
    static int run(CommandContext& ctx);
};

}  // namespace estore::host

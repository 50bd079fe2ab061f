#pragma once
namespace estore::host {

class CommandContext;

/// `estore-host rates import FILE [--json]`: stores the ECB's euro reference rates from its XML as published
/// (eurofxref-daily.xml, or eurofxref-hist.xml from https://www.ecb.europa.eu/stats/eurofxref/), all or
/// nothing, then issues the invoices that were waiting for a rate (orders in another currency than EUR).
class RatesCommand {
public:
    static int run(CommandContext& ctx);

private:
    /// The orders in another currency that qualify for an invoice but have none (their rate was missing):
    /// the auto-invoicer looks at each again. Returns how many got one.
    static int invoiceWaitingOrders(CommandContext& ctx);
};

}  // namespace estore::host

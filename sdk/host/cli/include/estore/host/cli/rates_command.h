#pragma once
#include <string>

namespace estore::host {

class CommandContext;

/// `estore-host rates import FILE [--json]`: stores the ECB's euro reference rates from its XML as published
/// (eurofxref-daily.xml, or eurofxref-hist.xml from https://www.ecb.europa.eu/stats/eurofxref/), all or
/// nothing, then issues the invoices that were waiting for a rate (orders in another currency than EUR).
/// `estore-host rates fetch [--json]`: the same from `rates.ecb_url` (EcbFetcher), now.
class RatesCommand {
public:
    static int run(CommandContext& ctx);

    /// The orders in another currency that qualify for an invoice but have none (their rate was missing):
    /// the auto-invoicer looks at each again. Returns how many got one. (The run loop calls it after its
    /// daily fetch.)
    static int invoiceWaitingOrders(CommandContext& ctx);

private:
    static int importFile(CommandContext& ctx, const std::string& file);
    static int fetchNow(CommandContext& ctx);
};

}  // namespace estore::host

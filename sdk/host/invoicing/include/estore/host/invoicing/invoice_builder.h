#pragma once
// The documents' contents, without numbers, dates or fiscal data (the issuer adds those): an invoice is
// the order's lines and VAT breakdown to the cent; a credit note gives back a refund, by the lines it
// names at their own VAT rates, else split over the VAT rates the invoice still has left, in proportion,
// to the cent.
#include <vector>

#include "estore/host/invoicing/invoice.h"
#include "estore/sdk/decimal.h"

namespace estore::host {

class InvoiceBuilder {
public:
    /// The invoice for an order: its buyer, lines, VAT breakdown (derived from the lines when the order
    /// has none) and totals, unchanged.
    static Invoice fromOrder(const host_api::SalesOrder& order);
    /// `amount` of the invoice in EUR, to the cent: the amount itself for an EUR invoice, else divided by
    /// the invoice's ECB rate.
    static sdk::Decimal inEur(const Invoice& invoice, const host_api::Amount& amount);

    /// The credit note for `refund` (a positive amount) against `invoice`, after the credit notes already
    /// issued for it. `full`: everything still left on the invoice, whatever `refund` says; the first full
    /// refund mirrors the invoice's own lines. Returns an empty-lined note when nothing is left to credit.
    static Invoice creditNote(const Invoice& invoice, const std::vector<Invoice>& earlierCredits,
                              const sdk::Decimal& refund, bool full);

    /// The credit note for one refund that names what it gave back (issue 15): each refunded line credited
    /// at its own VAT rate, so returning a 5 % book from an order with a 22 % shirt credits 5 % VAT. A
    /// line's value is what the shop says it refunded for it, else the line's gross × the refunded
    /// quantity / its quantity; a refunded line id the document split by VAT rate (shipping following
    /// mixed goods) is spread over those parts. The note credits `amount` (the money given back), split
    /// over the refunded lines in proportion to their values, to the cent. Empty-lined when the refund
    /// names no line, or a line the invoice does not have (the caller then spreads it pro rata with
    /// creditNote).
    static Invoice refundNote(const Invoice& invoice, const host_api::Refund& refund,
                              const sdk::Decimal& amount);

    /// What is still left on the invoice per VAT rate after the credit notes (all positive).
    static std::vector<host_api::VatRateTotal> remaining(const Invoice& invoice,
                                                         const std::vector<Invoice>& credits);

    /// The VAT breakdown of lines, one entry per rate in order of first appearance.
    static std::vector<host_api::VatRateTotal> breakdownOf(
        const std::vector<host_api::SalesOrderLine>& lines);

    /// Splits `total` cents over the weights in proportion, to the cent (largest remainder first).
    static std::vector<std::int64_t> allocate(std::int64_t total, const std::vector<std::int64_t>& weights);
};

}  // namespace estore::host

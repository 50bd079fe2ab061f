#include "estore/host/invoicing/invoice_builder.h"

#include <algorithm>
#include <numeric>

#include "estore/host/fiscal/fiscal_code.h"
#include "estore/sdk/amount.h"
#include "estore/sdk/currency.h"
#include "estore/sdk/eu_vat_area.h"
#include "estore/sdk/iso_time.h"

namespace estore::host {

using host_api::Amount;
using host_api::VatRateTotal;
using sdk::Decimal;
using sdk::toDecimal;

namespace {

constexpr int kEurCents = 2;

/// The decimals of the document's money: its currency's minor unit (ISO 4217; the cent for most).
int unitsOf(const Invoice& document) {
    return sdk::currencyMinorUnits(document.currency);
}

Amount money(const Decimal& value, int scale) {
    return sdk::toAmount(value, scale);
}

/// The VAT in `part` of an amount `gross` that carries `vat`: all of it for the whole, else in proportion,
/// to the currency's unit.
Decimal vatOfPart(const Amount& vat, const Amount& gross, const Decimal& part, int scale) {
    if (part.toUnits(scale) == toDecimal(gross).toUnits(scale)) return toDecimal(vat);
    return (toDecimal(vat) * part).dividedBy(toDecimal(gross), scale).value_or(Decimal());
}

Amount negated(const Amount& a) {
    return {-a.units, a.scale};
}

VatRateTotal* findRate(std::vector<VatRateTotal>& totals, const Amount& rate) {
    for (auto& t : totals)
        if (sdk::sameValue(t.rate, rate)) return &t;
    return nullptr;
}

void add(VatRateTotal& into, const Decimal& net, const Decimal& vat, const Decimal& gross) {
    const int scale = into.gross.scale;
    into.net = money(toDecimal(into.net) + net, scale);
    into.vat = money(toDecimal(into.vat) + vat, scale);
    into.gross = money(toDecimal(into.gross) + gross, scale);
}

void setTotals(Invoice& document) {
    Decimal net, vat, gross;
    for (const auto& t : document.vatBreakdown) {
        net += toDecimal(t.net);
        vat += toDecimal(t.vat);
        gross += toDecimal(t.gross);
    }
    const int scale = unitsOf(document);
    document.totalNet = money(net, scale);
    document.totalVat = money(vat, scale);
    document.totalGross = money(gross, scale);
}

/// The exemption a 0 % invoice must name. Intra-Community supply of goods to a business identified for VAT
/// in another member state: ZDDV-1 Art. 46(1)(1) (eracuni-domain.md). Export of goods dispatched outside the
/// EU by the seller: ZDDV-1 Art. 52(1)(1). Where the goods go decides: the shipping address, else billing.
std::vector<host_api::Text> exemptionNotes(const host_api::SalesOrder& order) {
    bool zeroRated = false;
    for (const auto& line : order.lines)
        zeroRated = zeroRated || (toDecimal(line.vatRate).isZero() && !toDecimal(line.gross).isZero() &&
                                  line.kind != host_api::LineKind::Discount);
    if (!zeroRated) return {};
    const host_api::Address& to = order.shipping.country.empty() ? order.buyer.billing : order.shipping;
    const std::string country = sdk::vatCountryOf(to.country, to.region);
    if (country.empty() || country == "SI") return {};
    if (!sdk::isEuVatArea(country))
        return {{"Oproščeno plačila DDV po 1. točki prvega odstavka 52. člena ZDDV-1 (izvoz blaga).",
                 "VAT exempt under Article 52(1)(1) ZDDV-1 (export of goods)."}};
    if (order.buyer.business && !order.buyer.vatId.empty())
        return {
            {"Oproščeno plačila DDV po 1. točki prvega odstavka 46. člena ZDDV-1 (dobava blaga v drugo "
             "državo članico EU); kupec, ID za DDV " +
                 order.buyer.vatId + ", obračuna DDV sam.",
             "VAT exempt under Article 46(1)(1) ZDDV-1 (intra-Community supply of goods); the buyer, VAT "
             "ID " +
                 order.buyer.vatId + ", accounts for the VAT."}};
    return {};
}

Invoice noteFor(const Invoice& invoice) {
    Invoice note;
    note.vatNotes = invoice.vatNotes;
    note.eurRate = invoice.eurRate;  // a credit note corrects the invoice at the invoice's rate
    note.eurRateDay = invoice.eurRateDay;
    note.kind = InvoiceKind::CreditNote;
    note.refersTo = invoice.number;
    note.storeId = invoice.storeId;
    note.orderExternalId = invoice.orderExternalId;
    note.orderNumber = invoice.orderNumber;
    note.currency = invoice.currency;
    note.buyer = invoice.buyer;
    note.paymentMethodCode = invoice.paymentMethodCode;
    note.fiscal.fiscal = invoice.fiscal.fiscal;
    return note;
}

/// The whole invoice, negated line by line: the first and only credit note of a full refund.
Invoice mirrored(const Invoice& invoice) {
    Invoice note = noteFor(invoice);
    for (auto line : invoice.lines) {
        line.quantity = negated(line.quantity);
        line.discount = negated(line.discount);
        line.net = negated(line.net);
        line.vat = negated(line.vat);
        line.gross = negated(line.gross);
        note.lines.push_back(line);
    }
    for (const auto& t : invoice.vatBreakdown)
        note.vatBreakdown.push_back({t.rate, negated(t.net), negated(t.vat), negated(t.gross)});
    setTotals(note);
    return note;
}

/// One refund line per VAT rate, net and VAT split as the rate's remaining amounts are.
void addRefundLine(Invoice& note, const VatRateTotal& left, std::int64_t grossCents) {
    const int scale = unitsOf(note);
    if (grossCents == 0) return;
    const Decimal gross(grossCents, scale);
    const Decimal vat = vatOfPart(left.vat, left.gross, gross, scale);
    const Decimal net = gross - vat;
    host_api::SalesOrderLine line;
    line.kind = host_api::LineKind::Product;
    line.name = "Vračilo kupnine po računu " + note.refersTo + " / Refund for invoice " + note.refersTo;
    line.quantity = {-1, 0};
    line.unitPrice = money(gross, scale);
    line.vatRate = left.rate;
    line.net = money(-net, scale);
    line.vat = money(-vat, scale);
    line.gross = money(-gross, scale);
    note.lines.push_back(line);
    note.vatBreakdown.push_back({left.rate, line.net, line.vat, line.gross});
}

/// What a refund gives back of one invoice line, before it is scaled to the money refunded.
struct LineCredit {
    const host_api::SalesOrderLine* line;
    std::int64_t grossCents;
    Decimal quantity;  ///< units given back; zero when the refund named only an amount
};

/// `line`'s gross × refunded / sold, to the cent; the whole line when all of it (or more) came back.
std::int64_t grossOfUnits(const host_api::SalesOrderLine& line, const Decimal& refunded, int scale) {
    const Decimal sold = toDecimal(line.quantity);
    if (sold.isZero() || refunded >= sold) return toDecimal(line.gross).toUnits(scale);
    return (toDecimal(line.gross) * refunded).dividedBy(sold, scale).value_or(Decimal()).toUnits(scale);
}

/// What the refund gives back of the invoice lines carrying the refunded line's id (one, or the parts of
/// a line the document split by VAT rate): by quantity, or the amount the shop names spread over the parts
/// by their gross. False when no line of the invoice carries that id.
bool addLineCredits(const Invoice& invoice, const host_api::RefundedLine& refunded,
                    std::vector<LineCredit>& credits) {
    const int scale = unitsOf(invoice);
    if (refunded.lineExternalId.empty()) return false;
    std::vector<const host_api::SalesOrderLine*> parts;
    std::vector<std::int64_t> weights;
    for (const auto& line : invoice.lines)
        if (line.externalId == refunded.lineExternalId) {
            parts.push_back(&line);
            weights.push_back(std::max<std::int64_t>(0, toDecimal(line.gross).toUnits(scale)));
        }
    const Decimal quantity = toDecimal(refunded.quantity);
    const std::int64_t named = toDecimal(refunded.amount).toUnits(scale);
    const auto shares = InvoiceBuilder::allocate(named, weights);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::int64_t gross = named > 0 ? shares[i] : grossOfUnits(*parts[i], quantity, scale);
        if (gross > 0) credits.push_back({parts[i], gross, named > 0 ? Decimal() : quantity});
    }
    return !parts.empty();
}

/// A credit line for `grossCents` of `line`: its VAT rate, its VAT in proportion.
host_api::SalesOrderLine creditLine(const Invoice& note, const LineCredit& credit, std::int64_t grossCents) {
    const int scale = unitsOf(note);
    const host_api::SalesOrderLine& line = *credit.line;
    const Decimal gross(grossCents, scale);
    const Decimal vat = vatOfPart(line.vat, line.gross, gross, scale);
    host_api::SalesOrderLine out;
    out.kind = line.kind;
    out.externalId = line.externalId;
    out.sku = line.sku;
    const Decimal each =
        credit.quantity.isZero() ? Decimal() : gross.dividedBy(credit.quantity, scale).value_or(Decimal());
    const bool whole = !credit.quantity.isZero() && each * credit.quantity == gross;
    const std::string what = (whole                      ? ""
                              : credit.quantity.isZero() ? ""
                                                         : credit.quantity.toString(0) + " × ") +
                             line.name;
    out.name = "Vračilo: " + what + " (račun " + note.refersTo + ") / Refund: " + what + " (invoice " +
               note.refersTo + ")";
    out.quantity = whole ? sdk::toNormalizedAmount(Decimal() - credit.quantity) : Amount{-1, 0};
    out.unitPrice = money(whole ? each : gross, scale);
    out.vatRate = line.vatRate;
    out.net = money(vat - gross, scale);
    out.vat = money(Decimal() - vat, scale);
    out.gross = money(Decimal() - gross, scale);
    return out;
}

}  // namespace

Invoice InvoiceBuilder::refundNote(const Invoice& invoice, const host_api::Refund& refund,
                                   const Decimal& amount) {
    const int scale = unitsOf(invoice);
    Invoice note = noteFor(invoice);
    std::vector<LineCredit> credits;
    for (const auto& refunded : refund.lines)
        // A line the invoice does not have (an invoice issued before its lines carried the shop's ids):
        // its share cannot be put at a rate, so the whole refund is the caller's to spread pro rata.
        if (!addLineCredits(invoice, refunded, credits)) return note;
    std::vector<std::int64_t> weights;
    for (const auto& credit : credits) weights.push_back(credit.grossCents);
    // The money given back is what is credited; the lines say at which rates.
    const auto shares = allocate(amount.toUnits(scale), weights);
    for (std::size_t i = 0; i < credits.size(); ++i)
        if (shares[i] > 0) note.lines.push_back(creditLine(note, credits[i], shares[i]));
    for (const auto& t : breakdownOf(note.lines)) note.vatBreakdown.push_back(t);
    setTotals(note);
    return note;
}

std::vector<VatRateTotal> InvoiceBuilder::breakdownOf(const std::vector<host_api::SalesOrderLine>& lines) {
    std::vector<VatRateTotal> totals;
    for (const auto& line : lines) {
        VatRateTotal* total = findRate(totals, line.vatRate);
        if (!total) {
            totals.push_back(
                {line.vatRate, {0, line.gross.scale}, {0, line.gross.scale}, {0, line.gross.scale}});
            total = &totals.back();
        }
        add(*total, toDecimal(line.net), toDecimal(line.vat), toDecimal(line.gross));
    }
    return totals;
}

Invoice InvoiceBuilder::fromOrder(const host_api::SalesOrder& order) {
    Invoice invoice;
    invoice.orderExternalId = order.externalId;
    invoice.orderNumber = order.number;
    invoice.currency = order.currency;
    invoice.buyer = order.buyer;
    invoice.lines = order.lines;
    invoice.vatBreakdown = order.vatBreakdown.empty() ? breakdownOf(order.lines) : order.vatBreakdown;
    invoice.totalNet = order.totalNet;
    invoice.totalVat = order.totalVat;
    invoice.totalGross = order.totalGross;
    invoice.paymentMethodCode = order.paymentMethodCode;
    if (order.payments.size() > 1) invoice.payments = order.payments;
    invoice.fiscal.fiscal = order.fiscalPayment;
    if (auto paid = sdk::parseIsoMillis(order.paidAt))
        invoice.supplyDate = FiscalCode::ljubljanaTime(*paid).isoForm().substr(0, 10);
    invoice.vatNotes = exemptionNotes(order);
    return invoice;
}

Decimal InvoiceBuilder::inEur(const Invoice& invoice, const host_api::Amount& amount) {
    const Decimal value = toDecimal(amount);
    if (invoice.eurRate.empty()) return value.rescaled(kEurCents);
    const auto rate = Decimal::parse(invoice.eurRate);
    if (!rate || rate->isZero() || rate->isNegative()) return value.rescaled(kEurCents);
    return *value.dividedBy(*rate, kEurCents);
}

std::vector<VatRateTotal> InvoiceBuilder::remaining(const Invoice& invoice,
                                                    const std::vector<Invoice>& credits) {
    std::vector<VatRateTotal> left = invoice.vatBreakdown;
    for (const auto& credit : credits)
        for (const auto& t : credit.vatBreakdown)
            if (VatRateTotal* rate = findRate(left, t.rate))
                add(*rate, toDecimal(t.net), toDecimal(t.vat), toDecimal(t.gross));
    return left;
}

std::vector<std::int64_t> InvoiceBuilder::allocate(std::int64_t total,
                                                   const std::vector<std::int64_t>& weights) {
    std::vector<std::int64_t> shares(weights.size(), 0);
    const std::int64_t sum = std::accumulate(weights.begin(), weights.end(), std::int64_t{0});
    if (sum <= 0 || total <= 0) return shares;
    std::vector<std::pair<std::int64_t, std::size_t>> remainders;
    std::int64_t given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        // Cents are far below 2^31, so the product stays well inside 64 bits.
        shares[i] = total * weights[i] / sum;
        remainders.push_back({total * weights[i] % sum, i});
        given += shares[i];
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; given < total && k < remainders.size(); ++k, ++given)
        ++shares[remainders[k].second];
    return shares;
}

Invoice InvoiceBuilder::creditNote(const Invoice& invoice, const std::vector<Invoice>& earlierCredits,
                                   const Decimal& refund, bool full) {
    const int scale = unitsOf(invoice);
    if (full && earlierCredits.empty()) return mirrored(invoice);
    Invoice note = noteFor(invoice);
    const std::vector<VatRateTotal> left = remaining(invoice, earlierCredits);
    std::vector<std::int64_t> weights;
    std::int64_t leftTotal = 0;
    for (const auto& t : left) {
        weights.push_back(std::max<std::int64_t>(0, toDecimal(t.gross).toUnits(scale)));
        leftTotal += weights.back();
    }
    const std::int64_t wanted = full ? leftTotal : std::min(refund.toUnits(scale), leftTotal);
    const auto shares = allocate(wanted, weights);
    for (std::size_t i = 0; i < left.size(); ++i) addRefundLine(note, left[i], shares[i]);
    setTotals(note);
    return note;
}

}  // namespace estore::host

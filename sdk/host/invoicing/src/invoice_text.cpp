#include "estore/host/invoicing/invoice_text.h"

#include <algorithm>

#include "estore/host/core/formats.h"
#include "estore/host/invoicing/invoice_builder.h"
#include "estore/sdk/amount.h"
#include "estore/sdk/currency.h"
#include "estore/sdk/eracuni_payment_methods.h"
#include "estore/sdk/tax_number.h"

#include <Poco/Net/Net.h>

namespace estore::host {

namespace {

using Poco::Net::htmlize;  // <, >, " and & as entities

using sdk::toDecimal;

std::string money(const host_api::Amount& a, const std::string& currency) {
    return sdk::currencyAmountText(toDecimal(a), currency);
}

std::string number(const host_api::Amount& a) {
    return toDecimal(a).toString();
}

std::string paymentName(const std::string& code) {
    const auto* method = sdk::findEracuniPaymentMethod(code);
    return method ? method->name.sl + " / " + method->name.en : code;
}

/// "Kartica / Card", or the method as the shop names it when the store's map does not know it.
std::string partName(const host_api::PaymentPart& part) {
    return part.methodCode.empty() ? part.method : paymentName(part.methodCode);
}

/// The invoice's payment: its one method, or each part of a mixed payment with its amount, a part still to
/// be collected (cash on delivery) marked as not paid yet.
std::string paymentLine(const Invoice& invoice) {
    if (invoice.payments.empty()) return paymentName(invoice.paymentMethodCode);
    std::string line;
    for (const auto& part : invoice.payments) {
        if (!line.empty()) line += "; ";
        line += partName(part) + " " + money(part.amount, invoice.currency) + " " + invoice.currency;
        if (part.pending) line += " (še ni plačano / not paid yet)";
    }
    return line;
}

/// The seller with its VAT ID: "SI" and the tax number, the identification a VAT-registered Slovenian
/// business invoices under (ZDDV-1 Art. 82).
std::string sellerLine(const Seller& seller) {
    return seller.name + (seller.address.empty() ? "" : ", " + seller.address) +
           (seller.taxNumber.empty() ? "" : ", ID za DDV / VAT ID " + sdk::slovenianVatId(seller.taxNumber));
}

/// "Izdan / issued: …" and, on an invoice, "Datum dobave / date of supply: …", `separator` between them.
std::string datesLine(const Invoice& invoice, const std::string& separator = "   ") {
    std::string line = "Izdan / issued: " + invoice.issuedLocal + " (Europe/Ljubljana)";
    if (!invoice.supplyDate.empty())
        line += separator + "Datum dobave / date of supply: " + invoice.supplyDate;
    return line;
}

/// Lines of text as one HTML paragraph: each escaped, one <br> between them.
std::string htmlParagraph(const std::string& text) {
    std::string html;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        if (!html.empty()) html += "<br>";
        html += htmlize(text.substr(start, end - start));
        start = end + 1;
    }
    return "<p>" + html + "</p>\n";
}

/// For an invoice in another currency: the ECB rate and the VAT per rate and in total in EUR.
std::string eurLines(const Invoice& invoice) {
    if (invoice.eurRate.empty()) return "";
    std::string text = "Tečaj ECB / ECB reference rate " + invoice.eurRateDay +
                       ": 1 EUR = " + invoice.eurRate + " " + invoice.currency + "\nDDV v EUR / VAT in EUR:";
    for (const auto& rate : invoice.vatBreakdown)
        text += " " + number(rate.rate) + " %: " + InvoiceBuilder::inEur(invoice, rate.vat).toString(2) + ";";
    return text + " skupaj / total " + InvoiceBuilder::inEur(invoice, invoice.totalVat).toString(2) +
           " EUR (osnova / taxable " + InvoiceBuilder::inEur(invoice, invoice.totalNet).toString(2) +
           " EUR, za plačilo / total " + InvoiceBuilder::inEur(invoice, invoice.totalGross).toString(2) +
           " EUR)\n";
}

std::string notesText(const Invoice& invoice) {
    std::string text;
    for (const auto& note : invoice.vatNotes) text += note.sl + "\n" + note.en + "\n";
    return text;
}

std::string buyerLine(const host_api::Buyer& b) {
    std::string text = b.company.empty() ? b.name : b.company + (b.name.empty() ? "" : " (" + b.name + ")");
    const auto& a = b.billing;
    for (const auto& part : {a.street, a.postalCode + (a.city.empty() ? "" : " " + a.city), a.country})
        if (!part.empty() && part != " ") text += ", " + part;
    if (!b.vatId.empty()) text += ", ID za DDV / VAT ID " + b.vatId;
    return text;
}

std::vector<std::vector<std::string>> lineRows(const Invoice& invoice) {
    std::vector<std::vector<std::string>> rows = {{"  Artikel / item", "Šifra / code", "Kol. / qty",
                                                   "Cena / price", "DDV / VAT %", "Neto / net", "DDV / VAT",
                                                   "Skupaj / gross"}};
    for (const auto& l : invoice.lines)
        rows.push_back({"  " + l.name, l.sku.empty() ? "-" : l.sku, number(l.quantity),
                        money(l.unitPrice, invoice.currency), number(l.vatRate),
                        money(l.net, invoice.currency), money(l.vat, invoice.currency),
                        money(l.gross, invoice.currency)});
    return rows;
}

std::vector<std::vector<std::string>> vatRows(const Invoice& invoice) {
    std::vector<std::vector<std::string>> rows = {
        {"  DDV / VAT %", "Osnova / base", "DDV / VAT", "Skupaj / gross"}};
    for (const auto& t : invoice.vatBreakdown)
        rows.push_back({"  " + number(t.rate) + " %", money(t.net, invoice.currency),
                        money(t.vat, invoice.currency), money(t.gross, invoice.currency)});
    return rows;
}

std::string fiscalText(const Invoice& invoice) {
    if (!invoice.fiscal.fiscal)
        return "Davčno potrjevanje / fiscal verification: ne / no (negotovinsko plačilo / non-cash)\n";
    // ZDavPR Art. 9: an invoice issued while FURS could not be reached carries its ZOI and no EOR; the
    // EOR FURS gives it later is stored with the invoice, and the buyer gets no new invoice.
    const std::string state = invoice.fiscal.state == "verified" ? "davčno potrjen / fiscally verified"
                              : invoice.fiscal.state == "subsequent"
                                  ? "naknadno pošiljanje FURS / to be sent to FURS subsequently"
                                  : "pošiljanje FURS / being sent to FURS";
    return "ZOI: " + invoice.fiscal.zoi + "\n" + "EOR: " +
           (invoice.fiscal.eor.empty() ? "(še ni dodeljen / not assigned yet)" : invoice.fiscal.eor) + "\n" +
           "Stanje / state: " + state + "\n" + "QR: " + invoice.fiscal.qr + "\n";
}

}  // namespace

std::string InvoiceText::title(const Invoice& invoice) {
    return invoice.kind == InvoiceKind::CreditNote ? "Dobropis / Credit note" : "Račun / Invoice";
}

std::string InvoiceText::plain(const Invoice& invoice) {
    std::string text = title(invoice) + " " + invoice.number + "\n";
    if (!invoice.refersTo.empty()) text += "Za račun / for invoice: " + invoice.refersTo + "\n";
    text += datesLine(invoice) + "\n";
    text += "Prodajalec / seller: " + sellerLine(invoice.seller) + "\n";
    text += "Kupec / buyer: " + buyerLine(invoice.buyer) + "\n";
    text +=
        "Naročilo / order: " + invoice.orderNumber + "   Plačilo / payment: " + paymentLine(invoice) + "\n\n";
    text += Formats::table(lineRows(invoice)) + "\n";
    text += Formats::table(vatRows(invoice)) + "\n";
    text += "Skupaj brez DDV / total net: " + money(invoice.totalNet, invoice.currency) + " " +
            invoice.currency + "\n";
    text += "DDV / VAT: " + money(invoice.totalVat, invoice.currency) + " " + invoice.currency + "\n";
    text += "Za plačilo / total: " + money(invoice.totalGross, invoice.currency) + " " + invoice.currency +
            "\n\n";
    if (!invoice.eurRate.empty()) text += eurLines(invoice) + "\n";
    if (!invoice.vatNotes.empty()) text += notesText(invoice) + "\n";
    return text + fiscalText(invoice);
}

std::string InvoiceText::html(const Invoice& invoice) {
    return "<!DOCTYPE html><html lang=\"sl\"><head><meta charset=\"utf-8\"><title>" +
           htmlize(title(invoice)) + " " + htmlize(invoice.number) + "</title></head><body>\n<h1>" +
           htmlize(title(invoice)) + " " + htmlize(invoice.number) + "</h1>\n" + htmlBody(invoice) +
           "</body></html>\n";
}

std::string InvoiceText::htmlBody(const Invoice& invoice) {
    std::string h;
    if (!invoice.refersTo.empty()) h += "<p>Za račun / for invoice " + htmlize(invoice.refersTo) + "</p>\n";
    h += htmlParagraph(datesLine(invoice, "\n"));
    // The same lines as the plain text, so the e-mail's two parts never say different things.
    h += "<p><b>Prodajalec / seller:</b> " + htmlize(sellerLine(invoice.seller)) +
         "<br><b>Kupec / buyer:</b> " + htmlize(buyerLine(invoice.buyer)) + "<br><b>Naročilo / order:</b> " +
         htmlize(invoice.orderNumber) + "<br><b>Plačilo / payment:</b> " + htmlize(paymentLine(invoice)) +
         "</p>\n<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" class=\"invoice-lines\">\n";
    for (const auto& row : lineRows(invoice)) {
        h += "<tr>";
        for (const auto& cell : row) h += "<td>" + htmlize(cell) + "</td>";
        h += "</tr>\n";
    }
    h += "</table>\n<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" class=\"invoice-vat\">\n";
    for (const auto& row : vatRows(invoice)) {
        h += "<tr>";
        for (const auto& cell : row) h += "<td>" + htmlize(cell) + "</td>";
        h += "</tr>\n";
    }
    h += "</table>\n<p><b>Za plačilo / total: " + htmlize(money(invoice.totalGross, invoice.currency)) + " " +
         htmlize(invoice.currency) + "</b> (neto / net " +
         htmlize(money(invoice.totalNet, invoice.currency)) + ", DDV / VAT " +
         htmlize(money(invoice.totalVat, invoice.currency)) + ")</p>\n";
    if (!invoice.eurRate.empty()) h += htmlParagraph(eurLines(invoice));
    for (const auto& note : invoice.vatNotes) h += htmlParagraph(note.sl + "\n" + note.en);
    h += "<pre class=\"fiscal\">" + htmlize(fiscalText(invoice)) + "</pre>\n";
    return h;
}

}  // namespace estore::host

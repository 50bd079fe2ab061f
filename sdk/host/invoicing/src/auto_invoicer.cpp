#include "estore/host/invoicing/auto_invoicer.h"

#include <filesystem>

#include "estore/host/config/host_config.h"
#include "estore/host/fiscal/fiscal_code.h"
#include "estore/host/fiscal/fiscal_signer.h"
#include "estore/host/invoicing/exchange_rates.h"
#include "estore/host/invoicing/fiscal_submitter.h"
#include "estore/host/invoicing/invoice_builder.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/invoicing/mail_queue.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/sdk/amount.h"
#include "estore/sdk/currency.h"

namespace estore::host {

using sdk::Decimal;
using sdk::toDecimal;

namespace {

const Invoice* invoiceAmong(const std::vector<Invoice>& documents) {
    for (const auto& d : documents)
        if (d.kind == InvoiceKind::Invoice) return &d;
    return nullptr;
}

std::vector<Invoice> creditsAmong(const std::vector<Invoice>& documents) {
    std::vector<Invoice> credits;
    for (const auto& d : documents)
        if (d.kind == InvoiceKind::CreditNote) credits.push_back(d);
    return credits;
}

/// The outbox beside an SQLite database file; the working folder for anything else.

}  // namespace

AutoInvoicer::AutoInvoicer(Database& db, HostConfig& config, host_api::Activity& activity)
    : _db(db),
      _config(config),
      _activity(activity),
      _now([] { return Database::nowMillis(); }),
      _submitter(std::make_unique<FiscalSubmitter>(db, config, activity)),
      _mail(std::make_unique<MailQueue>(db, config, activity)) {}

void AutoInvoicer::setClock(std::function<std::int64_t()> now) {
    _now = now;
    _mail->setClock(now);
    _submitter->setClock(std::move(now));
}

AutoInvoicer::~AutoInvoicer() = default;

void AutoInvoicer::orderStored(const std::string& storeId, const host_api::SalesOrder& order) {
    const auto store = StoreRepository(_db).find(storeId);
    if (!store) return;
    const InvoiceSettings settings = InvoiceSettings::of(store->settings);
    if (!settings.enabled()) return;
    std::vector<Invoice> documents = InvoiceRepository(_db).forOrder(storeId, order.externalId);
    if (!invoiceAmong(documents)) {
        if (!order.flags.empty()) {
            holdForReview(storeId, order);
            return;
        }
        if (!settings.qualifies(order)) return;
        issueInvoice(storeId, settings, order);
        documents = InvoiceRepository(_db).forOrder(storeId, order.externalId);
    }
    if (const Invoice* invoice = invoiceAmong(documents)) {
        creditRefunds(settings, order, *invoice, documents);
        reportChangeAfterInvoice(storeId, order, *invoice);
    }
}

void AutoInvoicer::reportChangeAfterInvoice(const std::string& storeId, const host_api::SalesOrder& order,
                                            const Invoice& invoice) {
    // An issued invoice is never changed (ZDDV-1 Art. 84 and 85a: corrections go by a new document). An
    // order edited in Wix after it was invoiced (an item added, a quantity changed) is a difference a
    // person settles with a credit note and a new invoice; refunds and cancellations are credited above.
    const bool refundedOrCanceled = order.status == "CANCELED" || !toDecimal(order.refundedAmount).isZero() ||
                                    order.paymentStatus == "FULLY_REFUNDED" ||
                                    order.paymentStatus == "PARTIALLY_REFUNDED";
    if (refundedOrCanceled || toDecimal(order.totalGross) == toDecimal(invoice.totalGross)) return;
    const std::string was = sdk::currencyAmountText(toDecimal(invoice.totalGross), invoice.currency),
                      now = sdk::currencyAmountText(toDecimal(order.totalGross), order.currency);
    _activity.record(
        storeId, host_api::ActivityLevel::Warning, "invoice.order_changed",
        {"Naročilo " + order.number + " je bilo v Wixu spremenjeno po izdaji računa " + invoice.number +
             ": znesek " + now + " " + order.currency + " namesto " + was +
             ". Izdanega računa ni mogoče spremeniti; izdajte dobropis in nov račun v e-računih.",
         "Order " + order.number + " was changed in Wix after invoice " + invoice.number +
             " was issued: " + now + " " + order.currency + " instead of " + was +
             ". An issued invoice cannot be changed; issue a credit note and a new invoice in e-računi."},
        "order=" + order.externalId + " invoice=" + invoice.number);
}

void AutoInvoicer::issueInvoice(const std::string& storeId, const InvoiceSettings& settings,
                                const host_api::SalesOrder& order) {
    Invoice invoice = InvoiceBuilder::fromOrder(order);
    invoice.storeId = storeId;
    if (invoice.currency != "EUR") {
        // VAT must also be stated in EUR at the reference rate of the day of supply: without that rate
        // there is no invoice, never one on a guess. `estore-host rates import` invoices it later.
        const std::string day = invoice.supplyDate.empty()
                                    ? FiscalCode::ljubljanaTime(_now()).isoForm().substr(0, 10)
                                    : invoice.supplyDate;
        const auto rate = ExchangeRates(_db).rateOn(invoice.currency, day);
        if (!rate) {
            holdForExchangeRate(storeId, order, day);
            return;
        }
        invoice.eurRate = rate->rate.toString();
        invoice.eurRateDay = rate->day;
    }
    issue(std::move(invoice), settings, 0);
}

void AutoInvoicer::holdForExchangeRate(const std::string& storeId, const host_api::SalesOrder& order,
                                       const std::string& day) {
    _activity.record(
        storeId, host_api::ActivityLevel::Warning, "invoice.no_exchange_rate",
        {"Naročilo " + order.number + " je v valuti " + order.currency + "; za " + day +
             " ni referenčnega tečaja ECB, zato račun ni izdan. Uvozite tečaje (estore-host rates import "
             "eurofxref-hist.xml) in račun bo izdan.",
         "Order " + order.number + " is in " + order.currency + "; there is no ECB reference rate for " +
             day +
             ", so no invoice was issued. Import the rates (estore-host rates import eurofxref-hist.xml) and "
             "it will be."},
        "order=" + order.externalId + " currency=" + order.currency + " day=" + day);
}

void AutoInvoicer::creditRefunds(const InvoiceSettings& settings, const host_api::SalesOrder& order,
                                 const Invoice& invoice, const std::vector<Invoice>& documents) {
    const Decimal invoiced = toDecimal(invoice.totalGross);
    std::vector<Invoice> credits = creditsAmong(documents);
    Decimal credited;
    for (const auto& credit : credits) credited -= toDecimal(credit.totalGross);
    // Each refund the shop lists, oldest first, credits what it names. The key of a credit note is the
    // refunded total after it, so a refund credited once is never credited again.
    Decimal cumulative;
    for (const auto& refund : order.refunds) {
        cumulative += toDecimal(refund.amount);
        const Decimal target = std::min(cumulative, invoiced);
        if (target <= credited) continue;
        Invoice note = target >= invoiced && credits.empty()
                           ? InvoiceBuilder::creditNote(invoice, credits, target, true)
                           : InvoiceBuilder::refundNote(invoice, refund, target - credited);
        if (note.lines.empty())
            note = proRataNote(order, invoice, credits, target - credited, target >= invoiced);
        if (note.lines.empty()) continue;
        credits.push_back(note);
        credited = target;
        issue(std::move(note), settings, target.toUnits(sdk::currencyMinorUnits(invoice.currency)));
    }
    // What Wix says was refunded beyond the refunds it lists (or all of it, from a plugin that lists none),
    // and a full refund, are credited from what is left, pro rata.
    const bool full = order.paymentStatus == "FULLY_REFUNDED" || toDecimal(order.refundedAmount) >= invoiced;
    const Decimal target = full ? invoiced : std::min(toDecimal(order.refundedAmount), invoiced);
    if (target <= credited) return;
    Invoice note = proRataNote(order, invoice, credits, target - credited, full);
    if (note.lines.empty()) return;
    issue(std::move(note), settings, target.toUnits(sdk::currencyMinorUnits(invoice.currency)));
}

Invoice AutoInvoicer::proRataNote(const host_api::SalesOrder& order, const Invoice& invoice,
                                  const std::vector<Invoice>& credits, const Decimal& amount, bool full) {
    Invoice note = InvoiceBuilder::creditNote(invoice, credits, amount, full);
    // A whole refund is exact whichever way it is split; a part spread over the rates is a guess at what
    // came back, which a person should confirm.
    if (!note.lines.empty() && !(full && credits.empty()))
        _activity.record(
            invoice.storeId, host_api::ActivityLevel::Warning, "invoice.credit_pro_rata",
            {"Vračilo " + sdk::currencyAmountText(amount, invoice.currency) + " " + invoice.currency +
                 " za naročilo " + order.number +
                 " ne navaja postavk računa, ki so bile vrnjene, zato ga dobropis razdeli po stopnjah DDV "
                 "računa " +
                 invoice.number + " v razmerju. Preverite, ali ustreza vrnjenemu blagu.",
             "The refund of " + sdk::currencyAmountText(amount, invoice.currency) + " " + invoice.currency +
                 " for order " + order.number +
                 " does not name which of the invoice's lines came back, so the credit note spreads it over "
                 "the VAT "
                 "rates of invoice " +
                 invoice.number + " in proportion. Check that this matches the goods returned."},
            "order=" + order.externalId + " invoice=" + invoice.number);
    return note;
}

void AutoInvoicer::holdForReview(const std::string& storeId, const host_api::SalesOrder& order) {
    std::string reasons;
    for (const auto& flag : order.flags) reasons += (reasons.empty() ? "" : ", ") + flag.code;
    _activity.record(
        storeId, host_api::ActivityLevel::Warning, "invoice.held",
        {"Naročilo " + order.number + " čaka na pregled; račun se samodejno ne izda (" + reasons + ").",
         "Order " + order.number + " is held for review; no invoice is issued automatically (" + reasons +
             ")."},
        "order=" + order.externalId);
}

void AutoInvoicer::issue(Invoice document, const InvoiceSettings& settings, std::int64_t creditKey) {
    InvoiceRepository invoices(_db);
    if (settings.verifyAll()) document.fiscal.fiscal = true;
    document.premise = settings.premise();
    document.device = settings.deviceFor(document.fiscal.fiscal);
    document.sequence = invoices.takeNumber(document.premise, document.device);
    document.number = document.premise + "-" + document.device + "-" + std::to_string(document.sequence);
    document.issuedAtMillis = _now();
    document.issuedLocal = FiscalCode::ljubljanaTime(document.issuedAtMillis).isoForm();
    if (document.supplyDate.empty() && document.kind == InvoiceKind::Invoice)
        document.supplyDate = document.issuedLocal.substr(0, 10);
    document.seller = seller();
    addFiscalData(document);
    document.emailState = settings.emailInvoice() ? "pending" : "";
    // Its issuer sends it right after the commit; only if that process is gone by then does a retry pass
    // (any worker's) take it over.
    const std::int64_t fiscalDue = document.issuedAtMillis + _submitter->holdMillis();
    invoices.insert(document, creditKey, document.fiscal.fiscal ? fiscalDue : 0);
    if (document.fiscal.fiscal) _toSubmit.push_back(document.number);
    const bool credit = document.kind == InvoiceKind::CreditNote;
    const std::string total =
        sdk::currencyAmountText(toDecimal(document.totalGross), document.currency) + " " + document.currency;
    _activity.record(document.storeId, host_api::ActivityLevel::Info,
                     credit ? "invoice.credit_note" : "invoice.issued",
                     {std::string(credit ? "Izdan dobropis " : "Izdan račun ") + document.number +
                          " za naročilo " + document.orderNumber + ": " + total +
                          (document.fiscal.fiscal ? " (davčno potrjen račun, ZOI)." : "."),
                      std::string(credit ? "Credit note " : "Invoice ") + document.number +
                          " issued for order " + document.orderNumber + ": " + total +
                          (document.fiscal.fiscal ? " (fiscal, ZOI computed)." : ".")},
                     "order=" + document.orderExternalId + (credit ? " refers_to=" + document.refersTo : ""));
    if (settings.emailInvoice()) _toMail.push_back(std::move(document));
}

void AutoInvoicer::addFiscalData(Invoice& document) {
    if (!document.fiscal.fiscal) {
        document.fiscal.state = "not_fiscal";
        return;
    }
    if (!FiscalCode::isTaxNumber(document.seller.taxNumber))
        throw FiscalConfigError(
            "company.tax_number",
            {"Davčna številka podjetja (company.tax_number) mora imeti 8 števk; brez nje ni ZOI.",
             "The company's tax number (company.tax_number) must have 8 digits; there is no ZOI without "
             "it."});
    const LocalDateTime issued = FiscalCode::ljubljanaTime(document.issuedAtMillis);
    const std::string input = FiscalCode::zoiInput(
        document.seller.taxNumber, issued, std::to_string(document.sequence), document.premise,
        document.device, InvoiceBuilder::inEur(document, document.totalGross));
    document.fiscal.zoi = _submitter->signer().zoi(input);
    document.fiscal.qr = FiscalCode::qrData(document.fiscal.zoi, document.seller.taxNumber, issued);
    document.fiscal.eor.clear();
    document.fiscal.state = "pending";
}

Seller AutoInvoicer::seller() {
    return {_config.getString("company.name", "Podjetje d.o.o."), _config.getString("company.address", ""),
            _config.getString("company.tax_number", "")};
}

void AutoInvoicer::committed() {
    std::vector<std::string> toSubmit;
    toSubmit.swap(_toSubmit);
    std::vector<Invoice> toMail;
    toMail.swap(_toMail);
    try {
        _submitter->submitIssued(toSubmit);
        mail(toMail);
    } catch (const std::exception& e) {
        // The order and its invoices are stored: the retry pass sends them to FURS later; only what this
        // step did not finish is lost, and that is said here rather than failing the stored order.
        const std::string storeId = toMail.empty() ? std::string() : toMail.front().storeId;
        if (!storeId.empty())
            _activity.record(
                storeId, host_api::ActivityLevel::Error, "invoice.after_commit_failed",
                {"Po izdaji računa pošiljanje FURS ali e-pošte ni uspelo; FURS ga dobi ob naslednjem "
                 "poskusu.",
                 "After the invoice was issued, sending it to FURS or by e-mail failed; FURS gets it "
                 "on the next attempt."},
                e.what());
    }
}

void AutoInvoicer::mail(const std::vector<Invoice>& toMail) {
    std::vector<std::string> numbers;
    for (const auto& issued : toMail) numbers.push_back(issued.number);
    _mail->sendIssued(numbers);
}

}  // namespace estore::host

#include "estore/host/invoicing/fiscal_submitter.h"

#include "estore/host/invoicing/invoice_builder.h"

#include <algorithm>

#include "estore/host/config/host_config.h"
#include "estore/host/fiscal/fiscal_code.h"
#include "estore/host/fiscal/fiscal_signer.h"
#include "estore/host/fiscal/furs_client.h"
#include "estore/host/fiscal/working_days.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/storage/database.h"
#include "estore/sdk/amount.h"

namespace estore::host {

namespace {

constexpr std::int64_t kMaxBackoffMillis = 15 * 60 * 1000;

std::string withoutSpaces(std::string text) {
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    return text;
}

/// What to tell the user when FURS refused an invoice: FURS's own code and text, and for S006 (premise not
/// registered) the command that fixes it.
host_api::Text refusal(const Invoice& invoice, const FursAnswer& answer) {
    host_api::Text text{"FURS je zavrnil račun " + invoice.number + " (" + answer.errorCode + ": " +
                            answer.errorMessage + ").",
                        "FURS refused invoice " + invoice.number + " (" + answer.errorCode + ": " +
                            answer.errorMessage + ")."};
    if (answer.errorCode == "S006") {
        text.sl +=
            " Prijavite poslovni prostor: estore-host fiscal premise register " + invoice.premise + ".";
        text.en +=
            " Register the business premise: estore-host fiscal premise register " + invoice.premise + ".";
    }
    text.sl += " Račun bo poslan znova.";
    text.en += " The invoice will be sent again.";
    return text;
}

}  // namespace

FiscalSubmitter::FiscalSubmitter(Database& db, HostConfig& config, host_api::Activity& activity)
    : _db(db), _config(config), _activity(activity), _now([] { return Database::nowMillis(); }) {}

FiscalSubmitter::~FiscalSubmitter() = default;

std::int64_t FiscalSubmitter::retryMillis() {
    return std::max<std::int64_t>(1, _config.getInt("fiscal.retry_seconds", 60)) * 1000;
}

std::int64_t FiscalSubmitter::holdMillis() {
    // Longer than one submission can take: connect, send and receive may each use the whole timeout,
    // and a stale kept-alive connection makes it twice; nobody else may send the invoice meanwhile.
    const std::int64_t timeout = FursSettings::from(_config).timeoutMs;
    return retryMillis() + 8 * timeout;
}

const FiscalSigner& FiscalSubmitter::signer() {
    if (!_signer) _signer = FiscalSigner::fromConfig(_config);
    return *_signer;
}

FursClient& FiscalSubmitter::client() {
    if (!_client) _client = std::make_unique<FursClient>(FursSettings::from(_config), signer());
    return *_client;
}

void FiscalSubmitter::submitIssued(const std::vector<std::string>& numbers) {
    InvoiceRepository invoices(_db);
    for (const auto& number : numbers) {
        // Held for this process since it was issued (holdMillis): no other worker sends it meanwhile.
        if (_now() < _fursDownUntil) {
            // FURS failed a moment ago: do not hold the import up with another timeout per invoice.
            FursAnswer deferred;
            deferred.detail = "FURS did not answer shortly before; sent later";
            recordFailure(number, deferred, 0, "");
            continue;
        }
        bool reached = false;
        submit(number, false, 0, "", reached);
        if (!reached) _fursDownUntil = _now() + retryMillis();
    }
}

FiscalPass FiscalSubmitter::submitDue(std::size_t limit) {
    FiscalPass pass;
    InvoiceRepository invoices(_db);
    for (const auto& entry : invoices.fiscalBacklog(_now(), limit)) {
        warnIfLate(entry, pass);
        // Held while it is sent: another worker's pass skips it, and takes it over if this one dies.
        if (!invoices.claimSubmission(entry.number, entry.dueMillis, _now() + holdMillis())) continue;
        bool reached = false;
        if (submit(entry.number, true, entry.attempts, entry.lastError, reached))
            ++pass.verified;
        else
            ++pass.failed;
        // FURS away: the rest wait for the next pass instead of one timeout each.
        if (!reached) {
            _fursDownUntil = _now() + retryMillis();
            break;
        }
    }
    return pass;
}

bool FiscalSubmitter::submit(const std::string& number, bool subsequent, std::int64_t attempts,
                             const std::string& lastError, bool& reached) {
    InvoiceRepository invoices(_db);
    const auto invoice = invoices.find(number);
    reached = true;
    if (!invoice || !invoice->fiscal.eor.empty()) return true;
    FursAnswer answer;
    try {
        answer = client().submitInvoice(fursInvoice(*invoice, subsequent));
    } catch (const std::exception& e) {  // the certificate or key cannot be used (FiscalConfigError)
        answer.status = FursStatus::NotReached;
        answer.detail = e.what();
    }
    reached = answer.status == FursStatus::Accepted || answer.status == FursStatus::Refused;
    if (!answer.accepted()) {
        recordFailure(number, answer, attempts, lastError);
        return false;
    }
    // Another worker may have stored one first (a held invoice taken over): the first EOR stays, and
    // only the worker that stored it says so.
    if (invoices.recordEor(number, answer.eor))
        _activity.record(invoice->storeId, host_api::ActivityLevel::Info, "invoice.verified",
                         {"Račun " + invoice->number + " je davčno potrjen, EOR " + answer.eor +
                              (subsequent ? " (naknadno poslan)." : "."),
                          "Invoice " + invoice->number + " is fiscally verified, EOR " + answer.eor +
                              (subsequent ? " (sent subsequently)." : ".")},
                         "attempts=" + std::to_string(attempts + 1));
    return true;
}

void FiscalSubmitter::recordFailure(const std::string& number, const FursAnswer& answer,
                                    std::int64_t attempts, const std::string& lastError) {
    InvoiceRepository invoices(_db);
    const auto invoice = invoices.find(number);
    if (!invoice) return;
    const std::int64_t backoff =
        std::min(kMaxBackoffMillis, retryMillis() << std::min<std::int64_t>(attempts, 4));
    invoices.recordSubmissionFailure(number, answer.detail, _now() + backoff);
    // Said when it first fails, and a refusal again whenever FURS's reason changes (S006 after an
    // outage); the retry pass says when it is done.
    if (answer.status == FursStatus::Refused) {
        if (answer.detail != lastError)
            _activity.record(invoice->storeId, host_api::ActivityLevel::Error, "invoice.fiscal_refused",
                             refusal(*invoice, answer), answer.detail);
    } else if (attempts == 0) {
        _activity.record(invoice->storeId, host_api::ActivityLevel::Warning, "invoice.fiscal_pending",
                         {"FURS ni odgovoril; račun " + invoice->number +
                              " je izdan z ZOI in brez EOR ter bo poslan naknadno (ZDavPR, 9. člen).",
                          "FURS did not answer; invoice " + invoice->number +
                              " is issued with its ZOI and without an EOR, and will be sent subsequently "
                              "(ZDavPR Art. 9)."},
                         answer.detail);
    }
}

FursInvoice FiscalSubmitter::fursInvoice(const Invoice& invoice, bool subsequent) {
    FursInvoice f;
    f.taxNumber = invoice.seller.taxNumber;
    f.issueDateTime = invoice.issuedLocal;
    f.id = {invoice.premise, invoice.device, std::to_string(invoice.sequence)};
    // FURS takes EUR only: an invoice in another currency goes at its ECB rate (InvoiceBuilder::inEur).
    f.amount = InvoiceBuilder::inEur(invoice, invoice.totalGross);
    for (const auto& rate : invoice.vatBreakdown) {
        if (sdk::toDecimal(rate.rate).isZero())
            f.exemptTaxable += InvoiceBuilder::inEur(invoice, rate.net);
        else
            f.vat.push_back({sdk::toDecimal(rate.rate), InvoiceBuilder::inEur(invoice, rate.net),
                             InvoiceBuilder::inEur(invoice, rate.vat)});
    }
    f.customerVatNumber = withoutSpaces(invoice.buyer.vatId);
    // Unattended issue: the taxpayer's own number stands for the operator (SPEC32 R_3.10).
    f.operatorTaxNumber = _config.getString("fiscal.operator_tax_number", "");
    if (f.operatorTaxNumber.empty()) f.operatorTaxNumber = invoice.seller.taxNumber;
    if (!FiscalCode::isTaxNumber(f.operatorTaxNumber))
        throw FiscalConfigError("fiscal.operator_tax_number",
                                {"fiscal.operator_tax_number mora imeti 8 števk.",
                                 "fiscal.operator_tax_number must have 8 digits."});
    f.zoi = invoice.fiscal.zoi;
    f.subsequent = subsequent;
    if (invoice.kind == InvoiceKind::CreditNote) {
        if (const auto original = InvoiceRepository(_db).find(invoice.refersTo)) {
            f.reference =
                FursInvoiceId{original->premise, original->device, std::to_string(original->sequence)};
            f.referenceIssueDateTime = original->issuedLocal;
        }
    }
    return f;
}

void FiscalSubmitter::warnIfLate(const FiscalBacklogEntry& entry, FiscalPass& pass) {
    const std::int64_t now = _now();
    const int level = now > WorkingDays::endOfNthWorkingDayAfter(entry.issuedAtMillis, 2)   ? 2
                      : now > WorkingDays::endOfNthWorkingDayAfter(entry.issuedAtMillis, 1) ? 1
                                                                                            : 0;
    if (level <= entry.warned || !InvoiceRepository(_db).raiseFiscalWarning(entry.number, level)) return;
    ++pass.warned;
    if (level == 2)
        _activity.record(entry.storeId, host_api::ActivityLevel::Error, "invoice.fiscal_overdue",
                         {"Račun " + entry.number +
                              " še nima EOR in rok dveh delovnih dni za naknadno pošiljanje je potekel "
                              "(ZDavPR, 9. člen). Preverite povezavo s FURS in certifikat.",
                          "Invoice " + entry.number +
                              " still has no EOR and the two working days for subsequent submission have "
                              "passed (ZDavPR Art. 9). Check the connection to FURS and the certificate."},
                         "attempts=" + std::to_string(entry.attempts));
    else
        _activity.record(entry.storeId, host_api::ActivityLevel::Warning, "invoice.fiscal_late",
                         {"Račun " + entry.number +
                              " je brez EOR že več kot en delovni dan; rok za naknadno "
                              "pošiljanje FURS sta dva delovna dneva (ZDavPR, 9. člen).",
                          "Invoice " + entry.number +
                              " has been without an EOR for more than a working day; "
                              "FURS must have it within two working days (ZDavPR Art. 9)."},
                         "attempts=" + std::to_string(entry.attempts));
}

}  // namespace estore::host

#include "estore/host/furs_sandbox/fiscal_ledger.h"

#include <Poco/JSON/Parser.h>
#include <Poco/UUIDGenerator.h>

#include <sstream>

namespace furs_sandbox {

namespace {

std::string premiseKey(const std::string& taxNumber, const std::string& premiseId) {
    return taxNumber + "/" + premiseId;
}

std::string field(const Poco::JSON::Object::Ptr& line, const std::string& name) {
    return line->optValue<std::string>(name, "");
}

}  // namespace

FiscalLedger::FiscalLedger(const std::filesystem::path& journal) {
    if (journal.empty()) return;
    replay(journal);
    _journal.open(journal, std::ios::app);
}

void FiscalLedger::registerPremise(const PremiseRecord& premise, const std::string& messageId,
                                   const std::string& at) {
    std::lock_guard lock(_mutex);
    applyPremise(premise, messageId, at);
    Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
    line.set("type", "premise");
    line.set("tax_number", premise.taxNumber);
    line.set("premise_id", premise.premiseId);
    line.set("kind", premise.kind);
    line.set("validity_date", premise.validityDate);
    line.set("closed", premise.closed);
    line.set("message_id", messageId);
    line.set("at", at);
    append(line);
}

bool FiscalLedger::premiseOpen(const std::string& taxNumber, const std::string& premiseId) const {
    std::lock_guard lock(_mutex);
    const auto found = _premises.find(premiseKey(taxNumber, premiseId));
    return found != _premises.end() && !found->second.closed;
}

std::string FiscalLedger::submitInvoice(const InvoiceRecord& invoice, const std::string& messageId,
                                        bool subsequentSubmit, const std::string& at) {
    std::lock_guard lock(_mutex);
    const auto known = _invoiceIndex.find(premiseKey(invoice.taxNumber, invoice.identifier));
    const std::string eor = known != _invoiceIndex.end()
                                ? _invoices[known->second].eor
                                : Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    applyInvoice(invoice, messageId, subsequentSubmit, at, eor);
    Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
    line.set("type", "invoice");
    line.set("tax_number", invoice.taxNumber);
    line.set("premise_id", invoice.premiseId);
    line.set("device_id", invoice.deviceId);
    line.set("invoice_number", invoice.invoiceNumber);
    line.set("identifier", invoice.identifier);
    line.set("sales_book", invoice.salesBook);
    line.set("issue_date_time", invoice.issueDateTime);
    line.set("invoice_amount", invoice.invoiceAmount);
    line.set("payment_amount", invoice.paymentAmount);
    line.set("protected_id", invoice.protectedId);
    line.set("eor", eor);
    line.set("message_id", messageId);
    line.set("subsequent_submit", subsequentSubmit);
    line.set("at", at);
    append(line);
    return eor;
}

void FiscalLedger::applyPremise(const PremiseRecord& premise, const std::string& messageId,
                                const std::string& at) {
    PremiseRecord& stored = _premises[premiseKey(premise.taxNumber, premise.premiseId)];
    const bool wasClosed = stored.closed;
    const int times = stored.timesRegistered;
    std::vector<std::string> messageIds = std::move(stored.messageIds);
    stored = premise;
    stored.closed = wasClosed || premise.closed;
    stored.timesRegistered = times + 1;
    stored.messageIds = std::move(messageIds);
    stored.messageIds.push_back(messageId);
    stored.lastRegisteredAt = at;
}

void FiscalLedger::applyInvoice(const InvoiceRecord& invoice, const std::string& messageId,
                                bool subsequentSubmit, const std::string& at, const std::string& eor) {
    const std::string key = premiseKey(invoice.taxNumber, invoice.identifier);
    auto known = _invoiceIndex.find(key);
    if (known == _invoiceIndex.end()) {
        InvoiceRecord record = invoice;
        record.eor = eor;
        record.timesSubmitted = 0;
        record.subsequentSubmit.clear();
        record.messageIds.clear();
        record.changedOnResubmit = false;
        record.firstReceivedAt = at;
        _invoices.push_back(std::move(record));
        known = _invoiceIndex.emplace(key, _invoices.size() - 1).first;
    }
    InvoiceRecord& stored = _invoices[known->second];
    if (stored.invoiceAmount != invoice.invoiceAmount || stored.protectedId != invoice.protectedId ||
        stored.issueDateTime != invoice.issueDateTime)
        stored.changedOnResubmit = true;
    ++stored.timesSubmitted;
    stored.subsequentSubmit.push_back(subsequentSubmit);
    stored.messageIds.push_back(messageId);
}

std::vector<PremiseRecord> FiscalLedger::premises() const {
    std::lock_guard lock(_mutex);
    std::vector<PremiseRecord> out;
    for (const auto& [key, premise] : _premises) out.push_back(premise);
    return out;
}

std::vector<InvoiceRecord> FiscalLedger::invoices() const {
    std::lock_guard lock(_mutex);
    return _invoices;
}

std::optional<InvoiceRecord> FiscalLedger::invoice(const std::string& taxNumber,
                                                   const std::string& identifier) const {
    std::lock_guard lock(_mutex);
    const auto found = _invoiceIndex.find(premiseKey(taxNumber, identifier));
    if (found == _invoiceIndex.end()) return std::nullopt;
    return _invoices[found->second];
}

void FiscalLedger::replay(const std::filesystem::path& journal) {
    std::ifstream in(journal);
    for (std::string lineText; std::getline(in, lineText);) {
        Poco::JSON::Object::Ptr line;
        try {
            line = Poco::JSON::Parser().parse(lineText).extract<Poco::JSON::Object::Ptr>();
        } catch (const Poco::Exception&) {
            continue;  // a line torn by a crash mid-write: the message it recorded was never answered
        }
        if (field(line, "type") == "premise") {
            PremiseRecord premise;
            premise.taxNumber = field(line, "tax_number");
            premise.premiseId = field(line, "premise_id");
            premise.kind = field(line, "kind");
            premise.validityDate = field(line, "validity_date");
            premise.closed = line->optValue<bool>("closed", false);
            applyPremise(premise, field(line, "message_id"), field(line, "at"));
        } else if (field(line, "type") == "invoice") {
            InvoiceRecord invoice;
            invoice.taxNumber = field(line, "tax_number");
            invoice.premiseId = field(line, "premise_id");
            invoice.deviceId = field(line, "device_id");
            invoice.invoiceNumber = field(line, "invoice_number");
            invoice.identifier = field(line, "identifier");
            invoice.salesBook = line->optValue<bool>("sales_book", false);
            invoice.issueDateTime = field(line, "issue_date_time");
            invoice.invoiceAmount = field(line, "invoice_amount");
            invoice.paymentAmount = field(line, "payment_amount");
            invoice.protectedId = field(line, "protected_id");
            applyInvoice(invoice, field(line, "message_id"), line->optValue<bool>("subsequent_submit", false),
                         field(line, "at"), field(line, "eor"));
        }
    }
}

void FiscalLedger::append(const Poco::JSON::Object& line) {
    if (!_journal.is_open()) return;
    std::ostringstream lineText;
    line.stringify(lineText);
    _journal << lineText.str() << '\n' << std::flush;
}

}  // namespace furs_sandbox

#pragma once
// What the sandbox's FURS has taken: business premises and invoices. Thread-safe. With a journal file
// every change is appended as one JSON line and replayed on start, so premises registered once stay
// registered across restarts, like at FURS.
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "estore/host/furs_sandbox/invoice_record.h"
#include "estore/host/furs_sandbox/premise_record.h"

namespace furs_sandbox {

class FiscalLedger {
public:
    /// `journal` empty: in memory only.
    explicit FiscalLedger(const std::filesystem::path& journal = {});

    /// Records an accepted registration (`premise` holds one message's data, timesRegistered and
    /// messageIds ignored). A premise once closed stays closed [SPEC32 P_8: "permanently"].
    void registerPremise(const PremiseRecord& premise, const std::string& messageId, const std::string& at);
    /// Registered and not closed: an invoice may name it [SPEC32 §4 S006].
    bool premiseOpen(const std::string& taxNumber, const std::string& premiseId) const;

    /// Records one submission of an invoice and returns its EOR: a new UUID the first time, the stored
    /// one for a repeat. `invoice` holds this message's data (counts, flags and ids are ignored).
    std::string submitInvoice(const InvoiceRecord& invoice, const std::string& messageId,
                              bool subsequentSubmit, const std::string& at);

    std::vector<PremiseRecord> premises() const;
    std::vector<InvoiceRecord> invoices() const;  ///< in the order first received
    std::optional<InvoiceRecord> invoice(const std::string& taxNumber, const std::string& identifier) const;

private:
    void applyPremise(const PremiseRecord& premise, const std::string& messageId, const std::string& at);
    void applyInvoice(const InvoiceRecord& invoice, const std::string& messageId, bool subsequentSubmit,
                      const std::string& at, const std::string& eor);
    void replay(const std::filesystem::path& journal);
    void append(const Poco::JSON::Object& line);

    mutable std::mutex _mutex;
    std::map<std::string, PremiseRecord> _premises;  // by tax number + '/' + premise id
    std::vector<InvoiceRecord> _invoices;
    std::map<std::string, std::size_t> _invoiceIndex;  // tax number + '/' + identifier → _invoices index
    std::ofstream _journal;
};

}  // namespace furs_sandbox

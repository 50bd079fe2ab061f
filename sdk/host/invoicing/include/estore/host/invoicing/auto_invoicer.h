#pragma once
// The host's automatic invoicing of imported orders (e-računi's "Samodejno fakturiranje"). DbSalesOrders
// calls it inside the transaction that stores an order, so the order, its invoice and the number the
// invoice took are committed together or not at all: exactly one invoice per qualifying order, however
// often the order is imported, and numbers per premise and device without gaps or repeats.
//
// An invoice whose payment method is fiscal gets its ZOI and QR data here (signed with the key named in
// host configuration), state "pending"; once the transaction has committed, FiscalSubmitter asks FURS
// for its EOR ("verified"), or marks it for subsequent submission ("subsequent"). Refunds after
// invoicing become credit notes referring to the invoice; an order cancelled before it was invoiced gets
// nothing. E-mails go out only after the commit and the FURS call, so they carry the EOR when there is
// one.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "estore/host/invoicing/invoice.h"
#include "estore/host/invoicing/invoice_settings.h"
#include "estore/host_api/host_services.h"
#include "estore/sdk/decimal.h"

namespace estore::host {

class Database;
class HostConfig;
class MailQueue;
class FiscalSubmitter;

class AutoInvoicer {
public:
    AutoInvoicer(Database& db, HostConfig& config, host_api::Activity& activity);
    ~AutoInvoicer();

    AutoInvoicer(const AutoInvoicer&) = delete;
    AutoInvoicer& operator=(const AutoInvoicer&) = delete;

    /// The issue time source (tests pin it); epoch milliseconds.
    void setClock(std::function<std::int64_t()> now);

    /// Inside the storing transaction, after the order was created or replaced. Throws on failure (the
    /// caller rolls back; FiscalConfigError when the fiscal key or tax number is missing).
    void orderStored(const std::string& storeId, const host_api::SalesOrder& order);
    /// After that transaction committed: sends the fiscal invoices it issued to FURS, then e-mails what
    /// it issued, if the store asks for it.
    void committed();
    /// After it rolled back: what it issued is gone, numbers included.
    void rolledBack() {
        _toMail.clear();
        _toSubmit.clear();
    }

private:
    void issueInvoice(const std::string& storeId, const InvoiceSettings& settings,
                      const host_api::SalesOrder& order);
    void creditRefunds(const InvoiceSettings& settings, const host_api::SalesOrder& order,
                       const Invoice& invoice, const std::vector<Invoice>& documents);
    /// The credit note for `amount` spread over what is left on the invoice in proportion (a refund that
    /// names no lines); a partial one is recorded as a warning for a person to confirm.
    Invoice proRataNote(const host_api::SalesOrder& order, const Invoice& invoice,
                        const std::vector<Invoice>& credits, const sdk::Decimal& amount, bool full);
    void holdForReview(const std::string& storeId, const host_api::SalesOrder& order);
    /// An order whose amount changed after its invoice: recorded for a person (the invoice stays as issued).
    void reportChangeAfterInvoice(const std::string& storeId, const host_api::SalesOrder& order,
                                  const Invoice& invoice);
    void holdForExchangeRate(const std::string& storeId, const host_api::SalesOrder& order,
                             const std::string& day);
    /// Number, issue time, seller and fiscal data, then stored.
    void issue(Invoice document, const InvoiceSettings& settings, std::int64_t creditKey);
    void addFiscalData(Invoice& document);
    /// E-mails the documents as stored now (with their EOR), if they are still there (MailQueue).
    void mail(const std::vector<Invoice>& toMail);
    Seller seller();

    Database& _db;
    HostConfig& _config;
    host_api::Activity& _activity;
    std::function<std::int64_t()> _now;
    std::unique_ptr<FiscalSubmitter> _submitter;
    std::unique_ptr<MailQueue> _mail;
    std::vector<Invoice> _toMail;
    std::vector<std::string> _toSubmit;  ///< numbers of the fiscal invoices issued in this transaction
};

}  // namespace estore::host

#pragma once
// A store's auto-invoicing options as the host reads them from the store's settings (the dialog fields
// auto_invoice, email_invoice, business_premise, electronic_device, invoice_numbering, nonfiscal_device,
// payment_methods), and the rule that decides whether an order qualifies for an invoice.
#include <string>

#include "estore/host_api/sales_order.h"
#include "estore/host_api/values.h"

namespace estore::host {

enum class InvoiceMode { Off, Paid, Status, StatusOrPaid };

class InvoiceSettings {
public:
    static InvoiceSettings of(const host_api::Settings& settings);

    InvoiceMode mode() const { return _mode; }
    bool enabled() const { return _mode != InvoiceMode::Off; }
    bool emailInvoice() const { return _emailInvoice; }
    const std::string& premise() const { return _premise; }
    const std::string& device() const { return _device; }
    /// FURS's rule since 2019 (furs-protocol.md §4, SEQ): cash and non-cash invoices share a sequence
    /// only when both are verified. "verify_all": every invoice is fiscal, one sequence; otherwise
    /// ("separate", the default) non-cash invoices are numbered on the non-cash device.
    bool verifyAll() const { return _verifyAll; }
    /// The device a document is numbered on: the electronic device for fiscal ones, else nonfiscal_device
    /// (default: the electronic device's ID followed by "N").
    std::string deviceFor(bool fiscal) const;
    /// True when the payment method map marks at least one method ":fiscal".
    bool anyFiscalMethod() const { return _anyFiscal; }

    /// Paid in full and not cancelled: PAID, or PARTIALLY_REFUNDED (paid in full before the refund).
    static bool fullyPaid(const host_api::SalesOrder& order);
    /// Whether the order should have an invoice by this store's mode. Cancelled or fully refunded orders
    /// never qualify; neither does an order without a mapped payment method (fiscal or not is unknown).
    bool qualifies(const host_api::SalesOrder& order) const;

private:
    InvoiceMode _mode = InvoiceMode::Off;
    bool _emailInvoice = false;
    bool _anyFiscal = false;
    bool _verifyAll = false;
    std::string _nonfiscalDevice;
    std::string _premise;
    std::string _device;
};

}  // namespace estore::host

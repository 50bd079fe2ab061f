#include "estore/host/invoicing/invoice_settings.h"

#include "estore/sdk/setting_map.h"

namespace estore::host {

namespace {

std::string settingOf(const host_api::Settings& settings, const std::string& key) {
    auto it = settings.find(key);
    return it == settings.end() ? std::string() : it->second;
}

InvoiceMode modeOf(const std::string& text) {
    if (text == "paid") return InvoiceMode::Paid;
    if (text == "status") return InvoiceMode::Status;
    if (text == "status_or_paid") return InvoiceMode::StatusOrPaid;
    return InvoiceMode::Off;
}

}  // namespace

InvoiceSettings InvoiceSettings::of(const host_api::Settings& settings) {
    InvoiceSettings s;
    s._mode = modeOf(settingOf(settings, "auto_invoice"));
    s._emailInvoice = settingOf(settings, "email_invoice") == "true";
    s._premise = settingOf(settings, "business_premise");
    s._device = settingOf(settings, "electronic_device");
    s._verifyAll = settingOf(settings, "invoice_numbering") == "verify_all";
    s._nonfiscalDevice = settingOf(settings, "nonfiscal_device");
    for (const auto& entry : sdk::parseSettingMap(settingOf(settings, "payment_methods")).map.entries)
        s._anyFiscal = s._anyFiscal || entry.hasFlag("fiscal");
    return s;
}

std::string InvoiceSettings::deviceFor(bool fiscal) const {
    if (fiscal || _verifyAll) return _device;
    return _nonfiscalDevice.empty() ? _device + "N" : _nonfiscalDevice;
}

bool InvoiceSettings::fullyPaid(const host_api::SalesOrder& order) {
    return order.status != "CANCELED" &&
           (order.paymentStatus == "PAID" || order.paymentStatus == "PARTIALLY_REFUNDED");
}

bool InvoiceSettings::qualifies(const host_api::SalesOrder& order) const {
    if (order.status == "CANCELED" || order.paymentStatus == "FULLY_REFUNDED") return false;
    if (order.paymentMethodCode.empty()) return false;
    switch (_mode) {
        case InvoiceMode::Off: return false;
        case InvoiceMode::Paid: return fullyPaid(order);
        case InvoiceMode::Status: return order.invoiceOnStatus;
        case InvoiceMode::StatusOrPaid: return order.invoiceOnStatus || fullyPaid(order);
    }
    return false;
}

}  // namespace estore::host

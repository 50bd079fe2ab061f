#pragma once
// An invoice (račun) or credit note (dobropis) the reference host issued for a shop order. Money is the
// contract's Amount (decimal), never a float; the lines and VAT breakdown are the order's, to the cent.
#include <cstdint>
#include <string>
#include <vector>

#include "estore/host_api/sales_order.h"

namespace estore::host {

enum class InvoiceKind { Invoice, CreditNote };

/// The issuing company, from host configuration (company.*).
struct Seller {
    std::string name;
    std::string address;
    std::string taxNumber;  ///< 8 digits; the ZOI is computed over it
};

/// What FURS needs and what FURS gave. The host computes the ZOI when it issues the invoice and asks
/// FURS for the EOR right after (FiscalSubmitter).
struct FiscalData {
    bool fiscal = false;
    std::string zoi;    ///< 32 hex digits; empty for a non-fiscal invoice
    std::string qr;     ///< 60 digits; empty for a non-fiscal invoice
    std::string eor;    ///< FURS's unique invoice id (a UUID); empty until FURS gave it
    std::string state;  ///< "not_fiscal", or "pending" (issued), "subsequent" (to be sent later), "verified"
};

struct Invoice {
    InvoiceKind kind = InvoiceKind::Invoice;
    std::string number;  ///< premise-device-sequence, e.g. "SPLET1-1-17"
    std::string premise;
    std::string device;
    std::int64_t sequence = 0;
    std::string refersTo;  ///< a credit note: the invoice it corrects
    std::string storeId;
    std::string orderExternalId;
    std::string orderNumber;
    std::int64_t issuedAtMillis = 0;
    std::string issuedLocal;  ///< Europe/Ljubljana, "2025-03-03T09:00:00"
    /// The date of supply (ZDDV-1 Art. 82: besides the date of issue), Europe/Ljubljana, "2025-03-01": the
    /// day the order was paid (a web shop ships paid orders), else the day of issue. An order imported
    /// late keeps its own date here; the date of issue is when the invoice was really issued (FURS checks
    /// it against the time it receives the invoice). Empty on a credit note.
    std::string supplyDate;
    std::string currency;
    /// For an invoice in another currency than EUR: the ECB's reference rate of the day of supply (1 EUR =
    /// eurRate units of the currency) and the day it was published. The VAT per rate is stated in EUR at it
    /// too, and FURS is sent EUR (exchange_rates.h says why; FURS takes amounts in EUR only). Empty for EUR.
    std::string eurRate;
    std::string eurRateDay;
    Seller seller;
    host_api::Buyer buyer;
    std::vector<host_api::SalesOrderLine> lines;
    std::vector<host_api::VatRateTotal> vatBreakdown;
    host_api::Amount totalNet;
    host_api::Amount totalVat;
    host_api::Amount totalGross;
    std::string paymentMethodCode;  ///< the largest part's method (e-računi's code)
    /// Each part of a mixed payment with its amount (a card and a gift card; a transfer and cash on
    /// delivery), as the order had them; empty when the shop named one payment or none. A credit note has
    /// none: how a refund is paid back is not the order's.
    std::vector<host_api::PaymentPart> payments;
    /// Why a 0 % line owes no VAT, as the invoice must say (ZDDV-1 Art. 82: the provision that exempts):
    /// an intra-Community supply to a business with a VAT ID, an export.
    std::vector<host_api::Text> vatNotes;
    FiscalData fiscal;
    std::string emailState;  ///< "", "pending", "outbox", "sent", "no_address", "failed"
};

const char* invoiceKindName(InvoiceKind kind);

}  // namespace estore::host

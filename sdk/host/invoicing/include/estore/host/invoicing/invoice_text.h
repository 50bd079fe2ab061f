#pragma once
// An invoice as a person reads it: seller, buyer, lines, VAT per rate, totals, and the ZOI, EOR and QR
// data when it is fiscal. Plain text for the terminal and the e-mail's text part, HTML for its HTML part.
#include <string>

#include "estore/host/invoicing/invoice.h"

namespace estore::host {

class InvoiceText {
public:
    static std::string plain(const Invoice& invoice);
    static std::string html(const Invoice& invoice);
    /// html()'s content without the document around it and its heading, for a page that frames it.
    static std::string htmlBody(const Invoice& invoice);
    /// "Račun / Invoice" or "Dobropis / Credit note".
    static std::string title(const Invoice& invoice);
};

}  // namespace estore::host

#pragma once
// The stable JSON of an invoice: what the invoices table keeps and `estore-host invoices --json` prints.
// Money is decimal text, as in the sales order document.
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

#include "estore/host/invoicing/invoice.h"

namespace estore::host {

class InvoiceJson {
public:
    static Poco::JSON::Object::Ptr toJson(const Invoice& invoice);
    static std::string toText(const Invoice& invoice);
    /// nullopt (and *error) when the text is not an invoice document.
    static std::optional<Invoice> fromText(const std::string& text, std::string* error);
};

}  // namespace estore::host

#pragma once
#include <string>

namespace furs_sandbox {

/// Where a message first breaks FURS's JSON schema, for an S002 answer.
struct SchemaViolation {
    std::string path;    ///< "InvoiceRequest.Invoice.TaxesPerSeller[0].VAT[0].TaxRate"
    std::string reason;  ///< in Slovene, like FURS's ErrorMessage: "manjka", "več kot 2 decimalki" …

    /// The S002 ErrorMessage: FURS's text [SPEC32 §4, §9.6] with the place and the reason appended:
    /// "Sporočilo ni v skladu s shemo JSON: <path> (<reason>)".
    std::string message() const;
};

}  // namespace furs_sandbox

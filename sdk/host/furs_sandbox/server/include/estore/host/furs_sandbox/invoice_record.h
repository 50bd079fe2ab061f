#pragma once
#include <string>
#include <vector>

namespace furs_sandbox {

/// An invoice FURS took, with every time it was sent. The sandbox answers a repeat (same tax number,
/// premise, device and number) with the first EOR, so a retry after a lost answer never makes a second
/// record (FURS's own behaviour is unconfirmed, furs-protocol.md §4).
struct InvoiceRecord {
    std::string taxNumber;
    std::string premiseId;
    std::string deviceId;       ///< "" for a sales-book invoice
    std::string invoiceNumber;  ///< the sequence number (a sales book's InvoiceNumber)
    std::string identifier;     ///< "PREMISE-DEVICE-NUMBER"; "PREMISE-SET-SERIAL-NUMBER" for a sales book
    bool salesBook = false;     ///< a SalesBookInvoice (pre-numbered book), not an Invoice
    std::string issueDateTime;  ///< IssueDateTime (IssueDate for a sales book), as sent first
    std::string invoiceAmount;  ///< the JSON number's text as sent first ("66.71")
    std::string paymentAmount;
    std::string protectedId;  ///< ZOI as sent first ("" for a sales book)
    std::string eor;          ///< UniqueInvoiceID
    int timesSubmitted = 0;
    std::vector<bool> subsequentSubmit;   ///< SubsequentSubmit of each submission
    std::vector<std::string> messageIds;  ///< Header.MessageID of each submission
    bool changedOnResubmit = false;       ///< a repeat carried another amount, ZOI or issue time
    std::string firstReceivedAt;          ///< the first answer's DateTime
};

}  // namespace furs_sandbox

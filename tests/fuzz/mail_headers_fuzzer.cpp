// libFuzzer target: the invoice e-mail's headers built from shop data (a buyer's name, an address, a
// seller's name in the subject). Whatever the bytes, the message carries exactly the headers it sets,
// each on lines of printable ASCII: no header of the buyer's making, no raw 8-bit byte.
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>

#include "estore/host/invoicing/mail_headers.h"

using estore::host::MailHeaders;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Three fields, split at the first two NUL bytes: name, address, seller.
    std::string fields[3];
    int field = 0;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0 && field < 2)
            ++field;
        else
            fields[field] += static_cast<char>(data[i]);
    }
    Poco::Net::MailMessage mail;
    mail.setSender("racuni@podjetje.si");
    const std::string address = MailHeaders::isDeliverableAddress(fields[1]) ? fields[1] : "kupec@example.si";
    mail.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, address,
                                               MailHeaders::text(fields[0])));
    mail.setSubject(MailHeaders::text("Račun SPLET1-1-1 – " + fields[2]));
    mail.setContent("x");
    std::ostringstream out;
    mail.write(out);
    const std::string message = out.str();
    const std::string head = message.substr(0, message.find("\r\n\r\n"));
    static const std::set<std::string> kAllowed = {
        "From",         "To",          "Subject", "Date", "Content-Type", "Content-Transfer-Encoding",
        "Mime-Version", "MIME-Version"};
    std::istringstream lines(head);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        for (unsigned char c : line)
            if (c < 0x20 ? c != '\t' : c > 0x7e) std::abort();  // only printable ASCII (and folding tabs)
        if (line.empty() || line[0] == ' ' || line[0] == '\t') continue;    // a folded continuation
        if (!kAllowed.count(line.substr(0, line.find(':')))) std::abort();  // a header nobody set
    }
    return 0;
}

#include "estore/host/invoicing/mail_headers.h"

#include <Poco/Net/MailMessage.h>

namespace estore::host {

std::string MailHeaders::text(const std::string& value) {
    std::string clean;
    clean.reserve(value.size());
    for (unsigned char c : value) clean += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
    return Poco::Net::MailMessage::encodeWord(clean);
}

bool MailHeaders::isDeliverableAddress(const std::string& address) {
    if (address.empty() || address.size() > 254) return false;
    const auto at = address.find('@');
    if (at == std::string::npos || at == 0 || at > 64 || address.find('@', at + 1) != std::string::npos)
        return false;
    const std::string domain = address.substr(at + 1);
    if (domain.empty() || domain.find('.') == std::string::npos || domain.front() == '.' ||
        domain.back() == '.' || domain.find("..") != std::string::npos)
        return false;
    for (unsigned char c : address)
        // Plain ASCII only: this host speaks no SMTPUTF8 (RFC 6531), and a raw 8-bit byte has no place in a
        // header (found by the mail_headers fuzzer); an international domain comes in its xn-- form.
        if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' ||
            c == ':' || c == '\\' || c == '"' || c == '[' || c == ']')
            return false;
    return true;
}

}  // namespace estore::host

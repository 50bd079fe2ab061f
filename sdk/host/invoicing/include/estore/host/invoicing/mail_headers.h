#pragma once
// What goes into a mail header from shop data (a buyer's name and address, a seller's name): never a
// header of its own making, never raw UTF-8, never an address mail cannot go to.
#include <string>

namespace estore::host {

class MailHeaders {
public:
    /// A header value: control characters (CR and LF above all, which would start a header of the
    /// buyer's choosing) become spaces, and anything not plain ASCII is RFC 2047-encoded.
    static std::string text(const std::string& value);
    /// An address mail can go to: one @, a dotted domain, RFC 5321's lengths, nothing that breaks a header
    /// or an SMTP command. Not every address RFC 5322 allows (quoted local parts, comments), which no shop
    /// collects anyway.
    static bool isDeliverableAddress(const std::string& address);
};

}  // namespace estore::host

#pragma once
// E-mails an invoice to the buyer as a real MIME message (multipart/alternative: text and HTML), through
// the SMTP server host configuration names (mail.smtp_host, mail.smtp_port, mail.from; STARTTLS with the
// server's certificate verified, mail.smtp_ca_file; login with mail.smtp_user and mail.smtp_password), or,
// without one, into an outbox folder as NUMBER.eml (mail.outbox_dir), where any mail client can open it.
#include <string>

#include "estore/host/invoicing/invoice.h"

namespace Poco::Net {
class MailMessage;
}

namespace estore::host {

class HostConfig;

struct MailDelivery {
    std::string state;   ///< "sent", "outbox", "no_address", "bad_address" or "failed"
    std::string detail;  ///< the file written, or why it failed
};

class InvoiceMailer {
public:
    InvoiceMailer(HostConfig& config, std::string defaultOutbox);

    MailDelivery deliver(const Invoice& invoice);
    /// The whole message as it goes on the wire (headers and both parts).
    std::string message(const Invoice& invoice) const;

private:
    void sendBySmtp(const std::string& host, Poco::Net::MailMessage& mail);

    HostConfig& _config;
    std::string _defaultOutbox;
};

}  // namespace estore::host

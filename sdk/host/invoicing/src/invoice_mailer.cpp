#include "estore/host/invoicing/invoice_mailer.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/Timestamp.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "estore/host/config/host_config.h"
#include "estore/host/invoicing/invoice_text.h"

namespace estore::host {

namespace {

/// Both parts as one multipart/alternative message: mail clients show the HTML and fall back to the text.
void fill(Poco::Net::MailMessage& mail, const Invoice& invoice, const std::string& from) {
    mail.setSender(from);
    mail.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT,
                                               invoice.buyer.email, invoice.buyer.name));
    mail.setSubject(Poco::Net::MailMessage::encodeWord(InvoiceText::title(invoice) + " " + invoice.number +
                                                       " – " + invoice.seller.name));
    mail.setDate(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(invoice.issuedAtMillis / 1000)));
    mail.set("Content-Language", "sl, en");
    mail.addPart("text",
                 new Poco::Net::StringPartSource(InvoiceText::plain(invoice), "text/plain; charset=UTF-8"),
                 Poco::Net::MailMessage::CONTENT_INLINE, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
    mail.addPart("html",
                 new Poco::Net::StringPartSource(InvoiceText::html(invoice), "text/html; charset=UTF-8"),
                 Poco::Net::MailMessage::CONTENT_INLINE, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
    // addPart makes the message multipart/mixed; the two parts are alternatives of one another.
    // (Poco appends the boundary when it writes the message.)
    mail.setContentType("multipart/alternative");
}

}  // namespace

InvoiceMailer::InvoiceMailer(HostConfig& config, std::string defaultOutbox)
    : _config(config), _defaultOutbox(std::move(defaultOutbox)) {}

std::string InvoiceMailer::message(const Invoice& invoice) const {
    Poco::Net::MailMessage mail;
    fill(mail, invoice, _config.getString("mail.from", "racuni@localhost"));
    std::ostringstream out;
    mail.write(out);
    return out.str();
}

MailDelivery InvoiceMailer::deliver(const Invoice& invoice) {
    if (invoice.buyer.email.empty()) return {"no_address", "the buyer has no e-mail address"};
    try {
        const std::string host = _config.getString("mail.smtp_host", "");
        if (!host.empty()) {
            Poco::Net::MailMessage mail;
            fill(mail, invoice, _config.getString("mail.from", "racuni@localhost"));
            Poco::Net::SMTPClientSession session(
                host, static_cast<Poco::UInt16>(_config.getInt("mail.smtp_port", 25)));
            session.login();
            session.sendMessage(mail);
            session.close();
            return {"sent", host};
        }
        const std::filesystem::path dir = _config.getString("mail.outbox_dir", _defaultOutbox);
        std::filesystem::create_directories(dir);
        const std::filesystem::path file = dir / (invoice.number + ".eml");
        std::ofstream(file, std::ios::binary) << message(invoice);
        return {"outbox", file.string()};
    } catch (const std::exception& e) {
        return {"failed", e.what()};
    }
}

}  // namespace estore::host

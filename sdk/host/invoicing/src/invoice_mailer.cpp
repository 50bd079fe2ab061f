#include "estore/host/invoicing/invoice_mailer.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/Timestamp.h>

#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "estore/host/config/host_config.h"
#include "estore/host/invoicing/invoice_text.h"
#include "estore/host/invoicing/mail_headers.h"
#include "estore/sdk/atomic_file.h"

namespace estore::host {

namespace {

/// Both parts as one multipart/alternative message: mail clients show the HTML and fall back to the text.
void fill(Poco::Net::MailMessage& mail, const Invoice& invoice, const std::string& from) {
    mail.setSender(from);
    mail.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT,
                                               invoice.buyer.email, MailHeaders::text(invoice.buyer.name)));
    mail.setSubject(
        MailHeaders::text(InvoiceText::title(invoice) + " " + invoice.number + " – " + invoice.seller.name));
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

void InvoiceMailer::sendBySmtp(const std::string& host, Poco::Net::MailMessage& mail) {
    // mail.smtp_tls: "starttls" (the default) upgrades the connection before anything else is said and
    // fails when the server cannot; "none" only for a server on this machine. mail.smtp_user and
    // mail.smtp_password log in (after STARTTLS, so the password never goes in clear).
    const std::string tls = _config.getString("mail.smtp_tls", "starttls");
    if (tls != "starttls" && tls != "none")
        throw std::invalid_argument("mail.smtp_tls must be starttls or none, not '" + tls + "'");
    const bool local = host == "localhost" || host == "127.0.0.1" || host == "::1";
    if (tls == "none" && !local)
        throw std::invalid_argument("mail.smtp_tls = none is allowed only for a mail server on this machine");
    const std::string user = _config.getString("mail.smtp_user", "");
    Poco::Net::SecureSMTPClientSession session(
        host, static_cast<Poco::UInt16>(_config.getInt("mail.smtp_port", 25)));
    session.login();
    if (tls == "starttls") {
        const std::string caFile = _config.getString("mail.smtp_ca_file", "");
        Poco::Net::Context::Ptr context = new Poco::Net::Context(
            Poco::Net::Context::TLS_CLIENT_USE, "", "", caFile, Poco::Net::Context::VERIFY_RELAXED, 9, true);
        if (!session.startTLS(context))
            throw std::runtime_error("the mail server " + host + " does not offer STARTTLS (mail.smtp_tls)");
    }
    if (!user.empty())
        session.login(Poco::Net::SMTPClientSession::AUTH_LOGIN, user,
                      _config.getString("mail.smtp_password", ""));
    else if (tls == "starttls")
        session.login();  // EHLO again on the secured connection, as RFC 3207 asks
    session.sendMessage(mail);
    session.close();
}

MailDelivery InvoiceMailer::deliver(const Invoice& invoice) {
    if (invoice.buyer.email.empty()) return {"no_address", "the buyer has no e-mail address"};
    if (!MailHeaders::isDeliverableAddress(invoice.buyer.email))
        return {"bad_address", "the buyer's e-mail address is not one mail can be sent to"};
    try {
        const std::string host = _config.getString("mail.smtp_host", "");
        if (!host.empty()) {
            Poco::Net::MailMessage mail;
            fill(mail, invoice, _config.getString("mail.from", "racuni@localhost"));
            sendBySmtp(host, mail);
            return {"sent", host};
        }
        const std::filesystem::path dir = _config.getString("mail.outbox_dir", _defaultOutbox);
        std::filesystem::create_directories(dir);
        const std::filesystem::path file = dir / (invoice.number + ".eml");
        // Whole or not at all (a crash never leaves half a message for the mail system to pick up), and
        // readable by this account only: it holds the buyer's address and purchase.
        sdk::AtomicFile::writeSecret(file, message(invoice));
        return {"outbox", file.string()};
    } catch (const std::exception& e) {
        return {"failed", e.what()};
    }
}

}  // namespace estore::host

// The invoice e-mail as it goes on the wire, with what a shop may put in a buyer's name or address: no
// header of the buyer's making, names in any language encoded, addresses mail cannot go to refused
// before any SMTP or outbox, and the outbox file written whole and private.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>

#include "estore/host/config/host_config.h"
#include "estore/host/invoicing/invoice_mailer.h"
#include "estore/host/invoicing/mail_headers.h"

using estore::host::HostConfig;
using estore::host::Invoice;
using estore::host::InvoiceMailer;
using estore::host::MailHeaders;

namespace {

Invoice invoiceFor(const std::string& name, const std::string& email) {
    Invoice invoice;
    invoice.number = "SPLET1-1N-7";
    invoice.currency = "EUR";
    invoice.issuedLocal = "2026-12-06T10:00:00";
    invoice.issuedAtMillis = 1796032200000;
    invoice.seller = {"Testno podjetje d.o.o.", "Slovenska 1, Ljubljana", "12345678"};
    invoice.buyer.name = name;
    invoice.buyer.email = email;
    invoice.totalGross = {2440, 2};
    return invoice;
}

/// The message's header block: everything before the first empty line.
std::string headers(const std::string& message) {
    return message.substr(0, message.find("\r\n\r\n"));
}

TEST(InvoiceMailer, ABuyerNameWithLineBreaksAddsNoHeader) {
    HostConfig config;
    const std::string message =
        InvoiceMailer(config, "")
            .message(invoiceFor("Ana\r\nBcc: tat@example.com\nX-Evil: 1", "ana@example.si"));
    const std::string head = headers(message);
    EXPECT_EQ(head.find("\r\nBcc:"), std::string::npos) << head;
    EXPECT_EQ(head.find("\nX-Evil:"), std::string::npos) << head;
    EXPECT_NE(head.find("ana@example.si"), std::string::npos) << head;
}

TEST(InvoiceMailer, ANameInSlovenianIsEncodedNotSentRaw) {
    HostConfig config;
    const std::string head =
        headers(InvoiceMailer(config, "").message(invoiceFor("Žiga Čeh", "ziga@example.si")));
    EXPECT_EQ(head.find("Žiga"), std::string::npos) << "raw UTF-8 in a header: " << head;
    EXPECT_NE(head.find("=?UTF-8?"), std::string::npos) << head;
    for (unsigned char c : head) EXPECT_LT(c, 0x80) << "every header byte is ASCII";
}

TEST(InvoiceMailer, OnlyAddressesMailCanGoToAreAccepted) {
    for (const char* good : {"ana@example.si", "ana.novak+racuni@mail.example.co.uk", "a@b.si"})
        EXPECT_TRUE(MailHeaders::isDeliverableAddress(good)) << good;
    for (const char* bad :
         {"", "ana", "ana@", "@example.si", "ana@example", "ana@@example.si", "ana@example..si",
          "ana @example.si", "ana@example.si\r\nBcc: x@y.z", "Ana <ana@example.si>",
          "ana@example.si,bob@example.si", "ana@.example.si", "ana@example.si.",
          "a\x94"
          "a@example.si",
          "žiga@example.si", "ana@šola.si"})
        EXPECT_FALSE(MailHeaders::isDeliverableAddress(bad)) << bad;
    EXPECT_FALSE(MailHeaders::isDeliverableAddress(std::string(65, 'a') + "@example.si"))
        << "local part > 64";
    EXPECT_FALSE(MailHeaders::isDeliverableAddress("a@" + std::string(250, 'b') + ".si")) << "over 254";
}

TEST(InvoiceMailer, ABadAddressIsRefusedBeforeAnythingIsWritten) {
    const auto dir = std::filesystem::temp_directory_path() / ("estore-mailer-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    HostConfig config;
    config.setOverride("mail.outbox_dir", dir.string());
    InvoiceMailer mailer(config, "");
    const auto refused = mailer.deliver(invoiceFor("Ana", "ana@example.si\r\nBcc: x@y.z"));
    EXPECT_EQ(refused.state, "bad_address");
    EXPECT_FALSE(std::filesystem::exists(dir / "SPLET1-1N-7.eml"));

    const auto written = mailer.deliver(invoiceFor("Ana", "ana@example.si"));
    EXPECT_EQ(written.state, "outbox");
    struct stat st {};
    ASSERT_EQ(::stat((dir / "SPLET1-1N-7.eml").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << "the outbox file holds the buyer's data: private";
    std::filesystem::remove_all(dir);
}

}  // namespace

#include "estore/host/invoicing/mail_queue.h"

#include <algorithm>
#include <filesystem>

#include "estore/host/config/host_config.h"
#include "estore/host/invoicing/invoice_mailer.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/storage/database.h"

namespace estore::host {

namespace {

constexpr std::int64_t kMaxPauseMillis = 60 * 60 * 1000;  // a mail server away all day is tried hourly

/// "failed" is the one state that is tried again; every other one is final.
bool retried(const std::string& state) {
    return state == "failed";
}

/// Without mail.outbox_dir: "outbox" next to a SQLite database, else in the working folder.
std::string outboxBeside(const Database& db) {
    if (db.dialect() != SqlDialect::SQLite) return "outbox";
    return (std::filesystem::path(db.location()).parent_path() / "outbox").string();
}

}  // namespace

MailQueue::MailQueue(Database& db, HostConfig& config, host_api::Activity& activity)
    : _db(db), _config(config), _activity(activity), _defaultOutbox(outboxBeside(db)), _now([] {
          return Database::nowMillis();
      }) {}

std::int64_t MailQueue::retryMillis() {
    return std::max<std::int64_t>(1, _config.getInt("mail.retry_seconds", 60)) * 1000;
}

MailPass MailQueue::sendIssued(const std::vector<std::string>& numbers) {
    MailPass pass;
    for (const auto& number : numbers) send(number, 0, pass);
    return pass;
}

MailPass MailQueue::sendDue(std::size_t limit) {
    MailPass pass;
    for (const auto& [number, due] : InvoiceRepository(_db).mailBacklog(_now(), limit))
        send(number, due, pass);
    return pass;
}

bool MailQueue::send(const std::string& number, std::int64_t expectedDue, MailPass& pass) {
    InvoiceRepository invoices(_db);
    if (!invoices.claimMail(number, expectedDue, _now() + kHoldMillis))
        return false;  // another worker has it
    // As stored now: with the EOR FURS gave it in the meantime.
    const auto invoice = invoices.find(number);
    if (!invoice) return false;
    const MailDelivery delivery = InvoiceMailer(_config, _defaultOutbox).deliver(*invoice);
    const std::int64_t attempts = invoices.recordMail(number, delivery.state);
    if (!retried(delivery.state)) {
        ++pass.delivered;
        if (delivery.state == "bad_address")
            _activity.record(invoice->storeId, host_api::ActivityLevel::Warning, "invoice.email_bad_address",
                             {"Računa " + number + " ni mogoče poslati: e-poštni naslov kupca ni veljaven.",
                              "Invoice " + number + " cannot be e-mailed: the buyer's address is not valid."},
                             delivery.detail);
        return true;
    }
    ++pass.failed;
    // The next try after a pause that doubles with each failure, up to an hour.
    const std::int64_t pause =
        std::min(kMaxPauseMillis, retryMillis() << std::min<std::int64_t>(attempts - 1, 6));
    invoices.postponeMail(number, _now() + pause);
    if (attempts == 1 || attempts % 10 == 0)  // said once, then now and then: not every minute of an outage
        _activity.record(invoice->storeId, host_api::ActivityLevel::Error, "invoice.email_failed",
                         {"Računa " + number + " ni bilo mogoče poslati po e-pošti (" +
                              std::to_string(attempts) + ". poskus); poskusili bomo znova.",
                          "Invoice " + number + " could not be e-mailed (attempt " +
                              std::to_string(attempts) + "); it will be tried again."},
                         delivery.detail);
    return true;
}

}  // namespace estore::host

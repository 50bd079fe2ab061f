#pragma once
// Invoice e-mails that are never lost: each is sent right after its invoice is issued (sendIssued), and
// the run loop sends again every e-mail still pending (its sender died) or failed (the mail server was
// away) once its time has come (sendDue), with a growing pause, until it goes. Before sending, a worker
// claims the e-mail (moves its due time on, which only one worker can do), so two never send one at the
// same moment; a crash between sending and recording sends it once more, never more often.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "estore/host_api/host_services.h"

namespace estore::host {

class Database;
class HostConfig;

struct MailPass {
    std::int64_t delivered = 0;  ///< sent, or written to the outbox
    std::int64_t failed = 0;     ///< tried again later
};

class MailQueue {
public:
    MailQueue(Database& db, HostConfig& config, host_api::Activity& activity);

    /// The e-mails of invoices this process has just issued (state "pending", due 0).
    MailPass sendIssued(const std::vector<std::string>& numbers);
    /// Every pending or failed e-mail that is due now, oldest invoice first, at most `limit`.
    MailPass sendDue(std::size_t limit = 100);

    /// mail.retry_seconds (default 60): how often the run loop looks, and the first pause after a failure.
    std::int64_t retryMillis();
    /// How long a claim holds: longer than any delivery can take (SMTP's timeouts), so a live sender is
    /// never overtaken, yet a dead one's e-mail is sent again soon after.
    static constexpr std::int64_t kHoldMillis = 5 * 60 * 1000;

    void setClock(std::function<std::int64_t()> now) { _now = std::move(now); }

private:
    /// Claims the e-mail at its due time `expectedDue`, delivers it and records the result.
    bool send(const std::string& number, std::int64_t expectedDue, MailPass& pass);

    Database& _db;
    HostConfig& _config;
    host_api::Activity& _activity;
    std::string _defaultOutbox;
    std::function<std::int64_t()> _now;
};

}  // namespace estore::host

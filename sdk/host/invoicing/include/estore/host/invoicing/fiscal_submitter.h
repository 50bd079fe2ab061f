#pragma once
// Fiscal verification of the host's cash invoices (ZDavPR Art. 4–9): each fiscal invoice is sent to FURS
// and gets its EOR. Right after the transaction that issued it commits, the invoice is sent at once (the
// e-mail that follows prints the EOR). When FURS cannot be reached or does not answer, the invoice keeps
// its ZOI, is marked for subsequent submission, and the retry pass (the run loop, `estore-host fiscal
// submit`) sends it with SubsequentSubmit until it has its EOR (Art. 9: within two working days of the day
// the connection broke; a warning after one working day, an error after two).
//
// An invoice keeps the first EOR it gets. A resend after an answer was lost goes out as a subsequent
// submission of the same invoice (same number, time and ZOI); FURS knows it by its identifier.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "estore/host/invoicing/invoice.h"
#include "estore/host_api/host_services.h"

namespace estore::host {

class Database;
class HostConfig;
class FiscalSigner;
class FursClient;
struct FursAnswer;
struct FursInvoice;
struct FiscalBacklogEntry;

struct FiscalPass {
    int verified = 0;  ///< invoices that got their EOR
    int failed = 0;    ///< still without one (FURS not reached, or refused)
    int warned = 0;    ///< past one (or two) working days without an EOR
};

class FiscalSubmitter {
public:
    FiscalSubmitter(Database& db, HostConfig& config, host_api::Activity& activity);
    ~FiscalSubmitter();

    FiscalSubmitter(const FiscalSubmitter&) = delete;
    FiscalSubmitter& operator=(const FiscalSubmitter&) = delete;

    void setClock(std::function<std::int64_t()> now) { _now = std::move(now); }

    /// fiscal.retry_seconds (default 60), in ms: how often invoices without an EOR are sent again.
    std::int64_t retryMillis();
    /// How long a worker keeps an invoice it is sending (its issuer, or a retry pass) before another may
    /// take it over: longer than any one submission can take.
    std::int64_t holdMillis();

    /// The company's certificate and key (fiscal.certificate …), read once: the ZOI and FURS's messages
    /// are signed with the same key. Throws FiscalConfigError naming the setting to fix.
    const FiscalSigner& signer();

    /// After the issuing transaction committed: sends each of the numbered fiscal invoices now, unless
    /// FURS failed within the last fiscal.retry_seconds (then the retry pass sends them).
    void submitIssued(const std::vector<std::string>& numbers);
    /// The retry pass: every fiscal invoice without an EOR whose next attempt is due, at most `limit`.
    FiscalPass submitDue(std::size_t limit = 200);

private:
    /// Sends one invoice (its next submission already claimed) and records what came of it.
    bool submit(const std::string& number, bool subsequent, std::int64_t attempts,
                const std::string& lastError, bool& reached);
    /// No EOR this time: state "subsequent", when to try again, and what the user is told.
    void recordFailure(const std::string& number, const FursAnswer& answer, std::int64_t attempts,
                       const std::string& lastError);
    FursInvoice fursInvoice(const Invoice& invoice, bool subsequent);
    void warnIfLate(const FiscalBacklogEntry& entry, FiscalPass& pass);
    FursClient& client();

    Database& _db;
    HostConfig& _config;
    host_api::Activity& _activity;
    std::function<std::int64_t()> _now;
    std::unique_ptr<FiscalSigner> _signer;
    std::unique_ptr<FursClient> _client;
    std::int64_t _fursDownUntil = 0;  ///< after a failure, new invoices wait for the retry pass until then
};

}  // namespace estore::host

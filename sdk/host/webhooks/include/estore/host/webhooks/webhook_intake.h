#pragma once
// What stands behind the webhook endpoint: a request is matched to its store in memory
// (WebhookTokenCache), given its inbox id from a block reserved beforehand, and appended to this
// process's journal (WebhookJournal) before the endpoint answers 200. A mover thread (a host thread; the
// plugin starts none) then copies the accepted requests into the inbox in large transactions, keeps the
// token copy current and the next block of ids reserved, and recovers the journals that processes which
// are gone left behind (at start and every few seconds), so nothing accepted is lost to a crash.
//
// Moving is idempotent: a record carries its inbox id, so a record that is already in the inbox (a
// commit whose answer was lost, a dead process's journal) is recognised and not stored twice.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "estore/host/webhooks/webhook_journal.h"
#include "estore/host/webhooks/webhook_journal_record.h"
#include "estore/host/webhooks/webhook_token_cache.h"

namespace estore::host {

class Database;

struct WebhookIntakeOptions {
    std::filesystem::path journalBase;  ///< WebhookJournal::baseFor(database, configured folder)
    /// How stale the token copy may get while idle; a revoked URL is refused within this.
    std::chrono::milliseconds tokenCheck{20};
    /// The mover commits at most once per linger, so that one commit takes a burst's requests.
    std::chrono::microseconds linger{2000};
    /// Accepted but not yet moved; above it requests are answered 503 (try again) until the mover
    /// catches up, so a database outage cannot fill the memory.
    std::size_t maxQueuedBytes = 64u << 20;
    std::size_t segmentBytes = WebhookJournal::kDefaultSegmentBytes;
    std::chrono::milliseconds orphanScan{5000};  ///< how often to look for a dead process's journal
};

class WebhookIntake {
public:
    enum class Result { Stored, UnknownToken, Busy };

    /// `db` is used by the mover thread only (and by start/stop before and after it runs).
    WebhookIntake(Database& db, WebhookIntakeOptions options);
    ~WebhookIntake();

    WebhookIntake(const WebhookIntake&) = delete;
    WebhookIntake& operator=(const WebhookIntake&) = delete;

    /// Recovers journals left by processes that are gone, reads the tokens, reserves ids, opens this
    /// process's journal and starts the mover. Throws when the database or the journal folder cannot
    /// be used.
    void start();
    /// Moves what is still queued and stops the mover; call it once the server takes no more requests.
    /// What cannot be moved (the database is away) stays in the journal for the next start.
    void stop();

    /// From the request threads: Stored once the request is in the journal (row.storeId and row.id are
    /// filled in here); UnknownToken when no store has that token (after a fresh look at the tokens);
    /// Busy when the mover is too far behind. Throws std::system_error when the journal write failed.
    Result accept(const std::string& tokenHash, InboxRow row);
    /// Whether a store has this token (after a fresh look at the tokens when the copy does not know it):
    /// the endpoint asks before it reads a body.
    bool knowsToken(const std::string& tokenHash);

    /// True once after requests were moved into the inbox: the runner looks at it early.
    bool takeMoved();
    /// Things the mover wants in the run log (recoveries, failures); from the runner's thread.
    std::vector<std::string> takeMessages();
    /// Waits until every request accepted so far is in the inbox; false when `timeout` passed first.
    bool awaitMoved(std::chrono::milliseconds timeout);

    struct Counters {
        std::uint64_t accepted = 0;
        std::uint64_t moved = 0;
        std::uint64_t batches = 0;    ///< transactions that moved accepted requests
        std::uint64_t recovered = 0;  ///< records found in the journals of processes that were gone
        std::uint64_t damagedBytes = 0;
    };
    Counters counters() const;

private:
    struct Queued {
        InboxRow row;
        std::uint64_t segment = 0;
        std::size_t bytes = 0;
    };

    void moverLoop();
    /// Waits for work (or the next token check) and the linger; returns what is queued.
    std::deque<Queued> nextBatch(bool& stopping);
    void refreshTokens();
    void reserveIds();
    /// An id for a request; 0 when the mover is too far behind or the intake is stopping (Busy).
    std::int64_t takeId();
    void awaitTokenRefresh();
    /// Moves a batch in one transaction; false (nothing moved) when the database failed.
    bool moveBatch(std::deque<Queued>& batch, bool careful);
    /// Inserts the rows; `careful` skips those already in the inbox and re-numbers any whose id a
    /// different entry holds. Inside the caller's transaction.
    void insertRows(const std::vector<InboxRow*>& rows, bool careful);
    /// Moves every journal of a process that is gone into the inbox, then deletes it.
    void recoverOrphans();
    void say(const std::string& message);

    Database& _db;
    WebhookIntakeOptions _options;
    WebhookTokenCache _tokens;
    std::unique_ptr<WebhookJournal> _journal;
    std::thread _mover;

    mutable std::mutex _mutex;
    std::condition_variable _work;       ///< the mover waits here when idle
    std::condition_variable _refreshed;  ///< token lookups that missed wait here for a fresh copy
    std::condition_variable _progress;   ///< new ids reserved, or requests moved
    std::deque<Queued> _queue;
    std::size_t _queuedBytes = 0;  ///< accepted and not yet moved
    bool _moverIdle = false;
    bool _stopping = false;
    bool _refreshWanted = false;
    std::uint64_t _refreshesStarted = 0;
    std::uint64_t _refreshesDone = 0;
    std::int64_t _nextId = 0;
    std::int64_t _endId = 0;
    std::int64_t _spareId = 0;  ///< the next reserved block (0: none yet)
    bool _idsWanted = false;
    Counters _counters;
    bool _movedSinceTaken = false;
    std::vector<std::string> _messages;
};

}  // namespace estore::host

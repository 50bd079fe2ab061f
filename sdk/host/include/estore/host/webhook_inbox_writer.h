#pragma once
// Group commit for the webhook endpoint. Each request thread hands its entry over and waits; one of the
// waiting threads (the leader) takes everything queued, checks the tokens and writes the whole batch in
// one transaction, then wakes the others. Nobody is answered before the transaction holding its entry
// has committed, so "200 only after the inbox row is durable" still holds, but the commit cost is shared
// by all requests arriving while the previous batch was being written. No thread of its own is started.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <string>

#include "estore/host/webhook_inbox.h"

namespace estore::host {

class Database;

class WebhookInboxWriter {
public:
    enum class Result { Stored, UnknownToken };

    /// Every use of `db` goes through this writer (Poco sessions are not shared between threads).
    explicit WebhookInboxWriter(Database& db) : _db(db) {}

    /// Stores `entry` for the store whose token hashes to `tokenHash` (entry.storeId is filled in), as
    /// pending, or as rejected when rejectReason is not empty. Returns once committed, or UnknownToken
    /// (nothing stored) when no store has that token at the moment of the commit. Throws when the batch
    /// could not be written; then nothing of it was stored.
    Result write(const std::string& tokenHash, InboxEntry entry, const std::string& rejectReason);

    /// Batches written and entries stored so far (for benchmarks and tests).
    std::size_t batches() const;
    std::size_t stored() const;

private:
    struct Pending {
        std::string tokenHash;
        InboxEntry entry;
        std::string rejectReason;
        Result result = Result::Stored;
        std::exception_ptr error;
        bool done = false;
    };

    /// Leader only, without the queue lock: resolves tokens and writes the batch in one transaction.
    void writeBatch(const std::deque<Pending*>& batch);
    /// Leader only: the first of `count` fresh inbox ids, reserved from the database in blocks so that
    /// a batch does not also update the counter row (ids left unused at exit are just a gap).
    std::int64_t takeIds(std::size_t count);

    Database& _db;
    mutable std::mutex _mutex;
    std::condition_variable _wake;
    std::deque<Pending*> _queue;
    bool _leaderActive = false;
    /// At most this long does a leader wait for the previous batch's requesters to queue again.
    static constexpr std::chrono::microseconds kLinger{200};
    std::condition_variable _grown;  ///< a lingering leader waits here for the queue to grow
    bool _lingering = false;
    std::size_t _lastBatch = 0;  ///< how many the previous commit carried: that many may be coming back
    std::int64_t _nextId = 0;
    std::int64_t _endId = 0;  ///< one past the last reserved id
    std::size_t _batches = 0;
    std::size_t _stored = 0;
};

}  // namespace estore::host

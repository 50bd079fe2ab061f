#include "estore/host/webhooks/webhook_intake.h"

#include <pthread.h>

#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "estore/host/core/error_text.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/sequence.h"
#include "estore/host/storage/transaction.h"
#include "estore/host/webhooks/webhook_inbox.h"

namespace estore::host {

namespace {

constexpr std::int64_t kIdBlock = 4096;
constexpr std::size_t kRecoveryBatch = 1000;
constexpr auto kRetryPause = std::chrono::milliseconds(200);
constexpr auto kIdWait = std::chrono::seconds(2);
constexpr auto kRefreshWait = std::chrono::seconds(2);

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

WebhookIntake::WebhookIntake(Database& db, WebhookIntakeOptions options)
    : _db(db), _options(std::move(options)) {}

WebhookIntake::~WebhookIntake() {
    stop();
}

void WebhookIntake::start() {
    _journal = std::make_unique<WebhookJournal>(_options.journalBase, _options.segmentBytes);
    _journal->open();
    recoverOrphans();
    _tokens.refresh(_db);
    _nextId = Sequence::reserve(_db, "webhook", kIdBlock);
    _endId = _nextId + kIdBlock;
    _spareId = Sequence::reserve(_db, "webhook", kIdBlock);
    _mover = std::thread([this] { moverLoop(); });
}

void WebhookIntake::stop() {
    if (!_mover.joinable()) return;
    {
        std::lock_guard lock(_mutex);
        _stopping = true;
    }
    _work.notify_all();
    _refreshed.notify_all();
    _progress.notify_all();
    _mover.join();
    _journal.reset();  // removes the journal folder when everything in it was moved
}

bool WebhookIntake::knowsToken(const std::string& tokenHash) {
    if (_tokens.storeFor(tokenHash)) return true;
    awaitTokenRefresh();  // a URL generated a moment ago is not in the copy yet
    return _tokens.storeFor(tokenHash).has_value();
}

WebhookIntake::Result WebhookIntake::accept(const std::string& tokenHash, InboxRow row) {
    auto store = _tokens.storeFor(tokenHash);
    if (!store) {
        // A URL generated a moment ago is not in the copy yet: look again before saying 404.
        awaitTokenRefresh();
        store = _tokens.storeFor(tokenHash);
        if (!store) return Result::UnknownToken;
    }
    row.id = takeId();
    if (row.id == 0) return Result::Busy;
    row.storeId = std::move(*store);
    const std::string frame = WebhookJournalRecord::encode(row);
    Queued queued;
    queued.segment = _journal->append(frame);  // durable from here on: the 200 may go out
    queued.bytes = frame.size();
    queued.row = std::move(row);
    std::lock_guard lock(_mutex);
    _queuedBytes += queued.bytes;
    ++_counters.accepted;
    _queue.push_back(std::move(queued));
    if (_moverIdle) {
        _moverIdle = false;  // one wake-up per idle spell, not one per request
        _work.notify_one();
    }
    return Result::Stored;
}

std::int64_t WebhookIntake::takeId() {
    std::unique_lock lock(_mutex);
    if (_stopping || _queuedBytes > _options.maxQueuedBytes) return 0;
    if (_nextId == _endId) {
        if (_spareId == 0) {
            // More requests than a block between two mover passes: wait for the next block.
            _idsWanted = true;
            _work.notify_one();
            _progress.wait_for(lock, kIdWait, [this] { return _spareId != 0 || _stopping; });
            if (_spareId == 0) return 0;
        }
        _nextId = _spareId;
        _endId = _spareId + kIdBlock;
        _spareId = 0;
        _idsWanted = true;
        _work.notify_one();
    }
    return _nextId++;
}

void WebhookIntake::awaitTokenRefresh() {
    std::unique_lock lock(_mutex);
    const std::uint64_t ticket = _refreshesStarted;
    _refreshWanted = true;
    _work.notify_one();
    // A refresh that started before this request may have read the tokens too early; wait for the next.
    _refreshed.wait_for(lock, kRefreshWait, [&] { return _refreshesDone > ticket || _stopping; });
}

void WebhookIntake::moverLoop() {
    pthread_setname_np(pthread_self(), "webhook-mover");  // so ps, top and perf can tell it apart
    std::deque<Queued> pending;                           // taken from the queue, not yet in the inbox
    bool careful = false;  // after a failure the commit may have happened after all
    auto lastCheck = std::chrono::steady_clock::now();
    auto lastScan = lastCheck;
    for (;;) {
        bool stopping = false;
        std::deque<Queued> more = nextBatch(stopping);
        if (pending.empty())
            pending.swap(more);
        else
            std::move(more.begin(), more.end(), std::back_inserter(pending));
        const auto now = std::chrono::steady_clock::now();
        bool refreshWanted = false;
        {
            std::lock_guard lock(_mutex);
            refreshWanted = _refreshWanted;
        }
        if (refreshWanted || now - lastCheck >= _options.tokenCheck) {
            refreshTokens();
            lastCheck = now;
        }
        reserveIds();
        if (!pending.empty()) {
            if (moveBatch(pending, careful)) {
                pending.clear();
                careful = false;
            } else {
                careful = true;
                if (!stopping) std::this_thread::sleep_for(kRetryPause);
            }
        }
        if (now - lastScan >= _options.orphanScan) {
            recoverOrphans();
            lastScan = now;
        }
        if (stopping) {
            std::lock_guard lock(_mutex);
            // What could not be moved stays in the journal, which is kept for the next start.
            if (_queue.empty()) return;
        }
    }
}

std::deque<WebhookIntake::Queued> WebhookIntake::nextBatch(bool& stopping) {
    std::unique_lock lock(_mutex);
    auto hasWork = [this] { return !_queue.empty() || _stopping || _refreshWanted || _idsWanted; };
    if (!hasWork()) {
        _moverIdle = true;
        _work.wait_for(lock, _options.tokenCheck, hasWork);
        _moverIdle = false;
    }
    if (!_queue.empty() && !_stopping && _options.linger.count() > 0) {
        // At most one commit per linger: a burst's requests share it, and the mover takes little CPU
        // from the request threads. Asleep, not waiting on a condition, so requests never wake it.
        lock.unlock();
        std::this_thread::sleep_for(_options.linger);
        lock.lock();
    }
    stopping = _stopping;
    std::deque<Queued> batch;
    batch.swap(_queue);  // constant time: the request threads are not held up while a batch is taken
    return batch;
}

void WebhookIntake::refreshTokens() {
    {
        std::lock_guard lock(_mutex);
        _refreshWanted = false;
        ++_refreshesStarted;
    }
    try {
        _tokens.refresh(_db);
    } catch (const std::exception& e) {
        // The copy stays as it was: known URLs keep working while the database is away.
        say("webhook tokens could not be read: " + errorText(e));
    }
    {
        std::lock_guard lock(_mutex);
        ++_refreshesDone;
    }
    _refreshed.notify_all();
}

void WebhookIntake::reserveIds() {
    {
        std::lock_guard lock(_mutex);
        _idsWanted = false;
        if (_spareId != 0) return;
    }
    try {
        // Committed on its own before any id of the block is used, so no id is ever handed out twice.
        const std::int64_t first = Sequence::reserve(_db, "webhook", kIdBlock);
        std::lock_guard lock(_mutex);
        _spareId = first;
    } catch (const std::exception& e) {
        say("webhook inbox ids could not be reserved: " + errorText(e));
    }
    _progress.notify_all();
}

bool WebhookIntake::moveBatch(std::deque<Queued>& batch, bool careful) {
    std::vector<InboxRow*> rows;
    rows.reserve(batch.size());
    for (auto& queued : batch) rows.push_back(&queued.row);
    try {
        Transaction tx(_db);
        insertRows(rows, careful);
        tx.commit();
    } catch (const std::exception& e) {
        say("webhook requests could not be moved into the inbox (they are safe in the journal; will "
            "retry): " +
            errorText(e));
        try {
            _db.reconnectIfLost();
        } catch (const std::exception&) {
            // Still away: the next pass tries again.
        }
        return false;
    }
    std::map<std::uint64_t, std::size_t> perSegment;
    std::size_t bytes = 0;
    for (const auto& queued : batch) {
        ++perSegment[queued.segment];
        bytes += queued.bytes;
    }
    for (const auto& [segment, count] : perSegment) _journal->moved(segment, count);
    _journal->rotateIfFull();
    {
        std::lock_guard lock(_mutex);
        _queuedBytes -= bytes;
        _counters.moved += batch.size();
        ++_counters.batches;
        _movedSinceTaken = true;
    }
    _progress.notify_all();
    return true;
}

void WebhookIntake::insertRows(const std::vector<InboxRow*>& rows, bool careful) {
    WebhookInbox inbox(_db);
    std::vector<const InboxRow*> fresh;
    if (!careful) {
        fresh.assign(rows.begin(), rows.end());
        inbox.insertAll(fresh);
        return;
    }
    std::vector<std::int64_t> ids;
    for (const auto* row : rows) ids.push_back(row->id);
    const auto present = inbox.receivedAtById(ids);
    for (auto* row : rows) {
        const auto found = present.find(row->id);
        if (found == present.end()) {
            fresh.push_back(row);
        } else if (found->second != std::make_pair(row->storeId, row->receivedAt)) {
            // Never expected (ids come from committed reservations), but a request is never dropped for
            // it: it gets a new id.
            const std::int64_t id = Sequence::next(_db, "webhook");
            say("webhook request " + std::to_string(row->id) +
                " met a different inbox entry under its id; "
                "stored as " +
                std::to_string(id));
            row->id = id;
            fresh.push_back(row);
        }
    }
    inbox.insertAll(fresh);
}

void WebhookIntake::recoverOrphans() {
    std::vector<WebhookJournal::Orphan> orphans;
    try {
        orphans = _journal->orphans();
    } catch (const std::exception& e) {
        say("webhook journals could not be listed: " + errorText(e));
        return;
    }
    for (auto& orphan : orphans) {
        std::size_t found = 0;
        std::size_t damaged = 0;
        try {
            for (const auto& segment : orphan.segments) {
                auto decoded = WebhookJournalRecord::decodeAll(readFile(segment));
                damaged += decoded.damagedBytes;
                found += decoded.rows.size();
                for (std::size_t at = 0; at < decoded.rows.size(); at += kRecoveryBatch) {
                    std::vector<InboxRow*> rows;
                    for (std::size_t i = at; i < std::min(decoded.rows.size(), at + kRecoveryBatch); ++i)
                        rows.push_back(&decoded.rows[i]);
                    Transaction tx(_db);
                    insertRows(rows, true);
                    tx.commit();
                }
            }
        } catch (const std::exception& e) {
            // Kept (and unlocked): the next scan or the next start tries again; nothing is deleted.
            say("the webhook journal " + orphan.dir.filename().string() +
                " left by a stopped process could "
                "not be recovered yet: " +
                errorText(e));
            WebhookJournal::release(orphan);
            continue;
        }
        WebhookJournal::discard(orphan);
        {
            std::lock_guard lock(_mutex);
            _counters.recovered += found;
            _counters.damagedBytes += damaged;
            if (found > 0) _movedSinceTaken = true;
        }
        std::ostringstream text;
        text << "webhook journal of a stopped process recovered: " << found << " request(s) checked into "
             << "the inbox";
        // A torn frame is a write that never completed, so its request was never answered 200.
        if (damaged > 0) text << ", " << damaged << " byte(s) of unfinished writes skipped";
        say(text.str());
    }
}

void WebhookIntake::say(const std::string& message) {
    std::lock_guard lock(_mutex);
    _messages.push_back(message);
}

bool WebhookIntake::takeMoved() {
    std::lock_guard lock(_mutex);
    return std::exchange(_movedSinceTaken, false);
}

std::vector<std::string> WebhookIntake::takeMessages() {
    std::lock_guard lock(_mutex);
    return std::exchange(_messages, {});
}

bool WebhookIntake::awaitMoved(std::chrono::milliseconds timeout) {
    std::unique_lock lock(_mutex);
    return _progress.wait_for(lock, timeout, [this] { return _counters.moved >= _counters.accepted; });
}

WebhookIntake::Counters WebhookIntake::counters() const {
    std::lock_guard lock(_mutex);
    return _counters;
}

}  // namespace estore::host

#include "estore/host/webhook_inbox_writer.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include "estore/host/database.h"
#include "estore/host/sequence.h"
#include "estore/host/transaction.h"
#include "estore/host/webhook_token_repository.h"

namespace estore::host {

WebhookInboxWriter::Result WebhookInboxWriter::write(const std::string& tokenHash, InboxEntry entry,
                                                     const std::string& rejectReason) {
    Pending pending;
    pending.tokenHash = tokenHash;
    pending.entry = std::move(entry);
    pending.rejectReason = rejectReason;
    std::unique_lock lock(_mutex);
    _queue.push_back(&pending);
    if (_lingering) _grown.notify_one();
    while (!pending.done) {
        if (_leaderActive) {
            _wake.wait(lock);
            continue;
        }
        // Lead one batch: everything queued now, this request's entry included. Requests woken by the
        // previous commit are usually a few microseconds from queuing again; letting them in first turns
        // a convoy of one-request commits into one commit for all of them.
        _leaderActive = true;
        // Asleep, not spinning: on a busy machine the requesters need the CPU to get here.
        _lingering = true;
        _grown.wait_for(lock, kLinger, [this] { return _queue.size() >= _lastBatch; });
        _lingering = false;
        std::deque<Pending*> batch;
        batch.swap(_queue);
        lock.unlock();
        writeBatch(batch);
        lock.lock();
        for (Pending* p : batch) p->done = true;
        _lastBatch = batch.size();
        _leaderActive = false;
        ++_batches;
        // Wakes the batch's owners and hands the lead to whoever queued meanwhile.
        _wake.notify_all();
    }
    if (pending.error) std::rethrow_exception(pending.error);
    return pending.result;
}

void WebhookInboxWriter::writeBatch(const std::deque<Pending*>& batch) {
    try {
        Transaction tx(_db);
        std::vector<std::string> hashes;
        hashes.reserve(batch.size());
        for (const Pending* p : batch) hashes.push_back(p->tokenHash);
        // Read inside the transaction: a token revoked before this commit is refused by it.
        const auto stores = WebhookTokenRepository(_db).storesFor(hashes);
        std::vector<const InboxEntry*> entries;
        std::vector<std::string> reasons;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (!stores[i]) {
                batch[i]->result = Result::UnknownToken;
                continue;
            }
            batch[i]->entry.storeId = *stores[i];
            entries.push_back(&batch[i]->entry);
            reasons.push_back(batch[i]->rejectReason);
        }
        if (!entries.empty()) WebhookInbox(_db).insertAll(takeIds(entries.size()), entries, reasons);
        tx.commit();
        std::lock_guard lock(_mutex);
        _stored += entries.size();
    } catch (...) {
        _nextId = _endId = 0;  // a reservation made in the rolled-back transaction is void
        const std::exception_ptr error = std::current_exception();
        for (Pending* p : batch) p->error = error;
        try {
            _db.reconnectIfLost();  // this batch is answered 503 (the sender retries); the next one works
        } catch (const std::exception&) {
            // The server is still away: the next batch tries again.
        }
    }
}

std::int64_t WebhookInboxWriter::takeIds(std::size_t count) {
    constexpr std::int64_t kBlock = 1024;
    const auto wanted = static_cast<std::int64_t>(count);
    if (_endId - _nextId < wanted) {
        // Inside the batch's transaction: if it rolls back, so does the reservation, and the block is
        // taken again next time. Other writers (processes) get disjoint blocks from the same counter.
        const std::int64_t size = std::max(kBlock, wanted);
        _nextId = Sequence::reserve(_db, "webhook", size);
        _endId = _nextId + size;
    }
    const std::int64_t first = _nextId;
    _nextId += wanted;
    return first;
}

std::size_t WebhookInboxWriter::batches() const {
    std::lock_guard lock(_mutex);
    return _batches;
}

std::size_t WebhookInboxWriter::stored() const {
    std::lock_guard lock(_mutex);
    return _stored;
}

}  // namespace estore::host

#include "estore/host/jobs/lease_heartbeat.h"

#include <algorithm>
#include <chrono>
#include <iostream>

#include "estore/host/core/error_text.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/job_repository.h"

namespace estore::host {

LeaseHeartbeat::LeaseHeartbeat(std::string connection, std::int64_t leaseMillis)
    : _connection(std::move(connection)), _leaseMillis(leaseMillis), _thread([this] { loop(); }) {}

LeaseHeartbeat::~LeaseHeartbeat() {
    {
        std::lock_guard lock(_mutex);
        _stop = true;
    }
    _wake.notify_all();
    _thread.join();
}

void LeaseHeartbeat::hold(std::int64_t jobRowId, const std::string& owner, std::int64_t deadlineMillis) {
    std::lock_guard lock(_mutex);
    _held = Held{jobRowId, owner, deadlineMillis};
}

std::optional<std::int64_t> LeaseHeartbeat::renewedUntil(std::int64_t nowMillis, std::int64_t leaseMillis,
                                                         std::int64_t deadlineMillis) {
    if (deadlineMillis <= 0) return nowMillis + leaseMillis;
    if (nowMillis >= deadlineMillis) return std::nullopt;
    return std::min(nowMillis + leaseMillis, deadlineMillis);
}

void LeaseHeartbeat::release() {
    std::lock_guard lock(_mutex);
    _held.reset();
}

std::uint64_t LeaseHeartbeat::renewals() const {
    std::lock_guard lock(_mutex);
    return _renewals;
}

void LeaseHeartbeat::loop() {
    const auto interval = std::chrono::milliseconds(std::max<std::int64_t>(_leaseMillis / 3, 50));
    std::unique_lock lock(_mutex);
    while (!_wake.wait_for(lock, interval, [this] { return _stop; })) {
        if (!_held) continue;
        const Held held = *_held;
        lock.unlock();
        renew(held);
        lock.lock();
    }
    lock.unlock();
    _db.reset();  // the connection closes on the thread that used it
}

void LeaseHeartbeat::renew(const Held& held) {
    try {
        if (!_db) _db = std::make_unique<Database>(_connection);
        // Only while the row is still ours: a lease that was lost stays lost (finish() says so).
        const auto until = renewedUntil(Database::nowMillis(), _leaseMillis, held.deadlineMillis);
        if (!until) return;  // past the run's deadline: the lease runs out like a dead worker's
        if (JobRepository(*_db).renewLease(held.jobRowId, held.owner, *until)) {
            std::lock_guard lock(_mutex);
            ++_renewals;
        }
    } catch (const std::exception& e) {
        // Not fatal: the job's own progress reports renew too, and the next beat opens a new connection.
        std::cerr << "estore-host: lease heartbeat failed: " << errorText(e) << "\n";
        _db.reset();
    }
}

LeaseHeartbeat::Scope::Scope(LeaseHeartbeat* heartbeat, std::int64_t jobRowId, const std::string& owner,
                             std::int64_t deadlineMillis)
    : _heartbeat(heartbeat) {
    if (_heartbeat) _heartbeat->hold(jobRowId, owner, deadlineMillis);
}

LeaseHeartbeat::Scope::~Scope() {
    if (_heartbeat) _heartbeat->release();
}

}  // namespace estore::host

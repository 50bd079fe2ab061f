#pragma once
// Keeps the lease of the job this worker is running alive while it runs. A plugin reports progress after
// each page, which renews the lease too (DbJobProgress), but one Wix call can wait through timeouts and
// retries for longer than a short lease: without a heartbeat another worker would take the job over and
// run the store's job a second time beside this one. The heartbeat is the host's own thread (plugins start
// none) with its own connection, since a Poco Data session belongs to one thread. A worker that dies
// stops beating, so its leases still expire after one lease period.
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace estore::host {

class Database;

class LeaseHeartbeat {
public:
    /// `connection`: the database's connection string; renews every leaseMillis / 3.
    LeaseHeartbeat(std::string connection, std::int64_t leaseMillis);
    ~LeaseHeartbeat();

    LeaseHeartbeat(const LeaseHeartbeat&) = delete;
    LeaseHeartbeat& operator=(const LeaseHeartbeat&) = delete;

    /// Renews the job row's lease under `owner` until release() (or the next hold()), never past
    /// `deadlineMillis` (epoch ms; 0: no deadline).
    void hold(std::int64_t jobRowId, const std::string& owner, std::int64_t deadlineMillis = 0);
    void release();

    /// Until when a lease renewed now may run: a lease period on, but not past the deadline (0: none);
    /// nullopt once the deadline has passed (the lease is no longer renewed).
    static std::optional<std::int64_t> renewedUntil(std::int64_t nowMillis, std::int64_t leaseMillis,
                                                    std::int64_t deadlineMillis);

    /// Renewals written so far (for tests).
    std::uint64_t renewals() const;

    /// hold() for a scope.
    class Scope {
    public:
        Scope(LeaseHeartbeat* heartbeat, std::int64_t jobRowId, const std::string& owner,
              std::int64_t deadlineMillis = 0);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        LeaseHeartbeat* _heartbeat;
    };

private:
    struct Held {
        std::int64_t jobRowId;
        std::string owner;
        std::int64_t deadlineMillis;
    };

    void loop();
    void renew(const Held& held);

    const std::string _connection;
    const std::int64_t _leaseMillis;
    mutable std::mutex _mutex;
    std::condition_variable _wake;
    bool _stop = false;
    std::optional<Held> _held;
    std::uint64_t _renewals = 0;
    std::unique_ptr<Database> _db;  // opened on the thread, on first use; reopened after a failure
    std::thread _thread;
};

}  // namespace estore::host

#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Runnable.h>
#include <Poco/Thread.h>

#include "wix_sandbox/automations/automation.h"
#include "wix_sandbox/automations/automation_payload.h"
#include "wix_sandbox/automations/automation_stats.h"
#include "wix_sandbox/core/deterministic_random.h"

namespace wix_sandbox {

/// The automations and their webhook deliveries. trigger() only queues (the API request that placed or
/// paid the order never waits for a receiver); one worker thread POSTs due deliveries in time order,
/// while started. Thread-safe.
class AutomationDispatcher : public Poco::Runnable {
public:
    explicit AutomationDispatcher(std::uint64_t seed);
    ~AutomationDispatcher() override;
    AutomationDispatcher(const AutomationDispatcher&) = delete;
    AutomationDispatcher& operator=(const AutomationDispatcher&) = delete;

    /// Throws Poco::InvalidArgumentException for a non-loopback URL or an option out of range.
    /// `automation.siteId` must already be the canonical (lower-case) site id.
    void add(const Automation& automation);
    /// Removes every automation, drops pending deliveries and zeroes the stats.
    void clear();
    /// Cheap check so callers compose the order's JSON only when someone listens.
    bool wants(const std::string& siteId, const std::string& event) const;
    /// Queues one delivery per matching automation (two when duplicated).
    void trigger(const std::string& siteId, const std::string& event, const std::string& orderJson);
    AutomationStats stats() const;

    void start();
    /// Drops pending deliveries (counted as dropped) and joins the worker; a POST in flight finishes
    /// first, bounded by the client timeouts.
    void stop();

    void run() override;

private:
    struct Entry {
        Automation automation;
        std::uint64_t deliveries = 0;  // for "rotate"
    };
    struct Delivery {
        std::shared_ptr<const Entry> entry;
        std::string event;
        std::string shape;
        std::string orderJson;
        std::string triggeredAt;
        WebhookBody body;  // rendered on the worker before the first attempt
        int attempt = 1;
        std::uint64_t generation = 0;  // clear() retires older deliveries still in flight
    };
    using Clock = std::chrono::steady_clock;
    using Key = std::pair<Clock::time_point, std::uint64_t>;  // due time, then queue order

    static void validate(const Automation& automation);
    void enqueue(Delivery delivery, Clock::time_point due);  // with _mutex held
    Clock::time_point firstDue(const Automation& automation);
    bool chance(double probability);
    void deliver(Delivery delivery);
    void record(Delivery delivery, int status);
    static int post(const Automation& automation, const WebhookBody& body);
    void count(const std::string& event, std::uint64_t DeliveryCounts::*counter);  // with _mutex held

    mutable std::mutex _mutex;
    std::condition_variable _wake;
    std::vector<std::shared_ptr<Entry>> _entries;
    std::map<Key, Delivery> _queue;
    std::uint64_t _sequence = 0;
    std::size_t _inFlight = 0;
    std::uint64_t _generation = 0;
    AutomationStats _stats;
    DeterministicRandom _random;
    bool _stopping = false;
    std::unique_ptr<Poco::Thread> _thread;
};

}  // namespace wix_sandbox

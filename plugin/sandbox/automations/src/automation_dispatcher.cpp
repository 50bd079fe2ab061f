#include "wix_sandbox/automations/automation_dispatcher.h"

#include <algorithm>

#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/NullStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/Timestamp.h>

#include "wix_sandbox/automations/loopback_url.h"

namespace wix_sandbox {

namespace {

// Short client timeouts bound how long stop() can wait for a POST in flight.
const Poco::Timespan kConnectTimeout(1, 0);
const Poco::Timespan kAnswerTimeout(2, 0);

std::string nowIso() {
    return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ");
}

bool listensTo(const Automation& automation, const std::string& siteId, const std::string& event) {
    return automation.siteId == siteId &&
           std::find(automation.events.begin(), automation.events.end(), event) != automation.events.end();
}

void requireRange(const char* name, double value, double low, double high) {
    if (value < low || value > high)
        throw Poco::InvalidArgumentException(std::string(name) + " out of range");
}

}  // namespace

AutomationDispatcher::AutomationDispatcher(std::uint64_t seed) : _random(seed) {}

AutomationDispatcher::~AutomationDispatcher() {
    stop();
}

void AutomationDispatcher::add(const Automation& automation) {
    validate(automation);
    std::lock_guard lock(_mutex);
    _entries.push_back(std::make_shared<Entry>(Entry{automation}));
}

void AutomationDispatcher::clear() {
    std::lock_guard lock(_mutex);
    _entries.clear();
    _queue.clear();
    _stats = AutomationStats{};
    ++_generation;
}

bool AutomationDispatcher::wants(const std::string& siteId, const std::string& event) const {
    std::lock_guard lock(_mutex);
    return std::any_of(_entries.begin(), _entries.end(),
                       [&](const auto& entry) { return listensTo(entry->automation, siteId, event); });
}

void AutomationDispatcher::trigger(const std::string& siteId, const std::string& event,
                                   const std::string& orderJson) {
    const std::string triggeredAt = nowIso();
    {
        std::lock_guard lock(_mutex);
        for (const std::shared_ptr<Entry>& entry : _entries) {
            const Automation& automation = entry->automation;
            if (!listensTo(automation, siteId, event)) continue;
            Delivery delivery{
                entry,     event,       AutomationPayload::shapeFor(automation.shape, entry->deliveries++),
                orderJson, triggeredAt, {},
                1,         _generation};
            if (chance(automation.duplicate)) {
                enqueue(delivery, firstDue(automation));
                count(event, &DeliveryCounts::duplicates);
            }
            enqueue(std::move(delivery), firstDue(automation));
        }
    }
    _wake.notify_all();
}

AutomationStats AutomationDispatcher::stats() const {
    std::lock_guard lock(_mutex);
    AutomationStats stats = _stats;
    stats.pending = _queue.size() + _inFlight;
    return stats;
}

void AutomationDispatcher::start() {
    std::lock_guard lock(_mutex);
    if (_thread) return;
    _stopping = false;
    _thread = std::make_unique<Poco::Thread>("wix-automations");
    _thread->start(*this);
}

void AutomationDispatcher::stop() {
    std::unique_ptr<Poco::Thread> thread;
    {
        std::lock_guard lock(_mutex);
        _stopping = true;
        for (const auto& [key, delivery] : _queue) count(delivery.event, &DeliveryCounts::dropped);
        _queue.clear();
        thread = std::move(_thread);
    }
    _wake.notify_all();
    if (thread) thread->join();
}

void AutomationDispatcher::run() {
    std::unique_lock lock(_mutex);
    while (!_stopping) {
        if (_queue.empty()) {
            _wake.wait(lock);
            continue;
        }
        const Clock::time_point due = _queue.begin()->first.first;
        if (Clock::now() < due) {
            _wake.wait_until(lock, due);
            continue;
        }
        Delivery delivery = std::move(_queue.begin()->second);
        _queue.erase(_queue.begin());
        ++_inFlight;
        lock.unlock();
        deliver(std::move(delivery));
        lock.lock();
    }
}

void AutomationDispatcher::validate(const Automation& automation) {
    LoopbackUrl::require(automation.url);
    if (!AutomationPayload::knownShape(automation.shape))
        throw Poco::InvalidArgumentException("unknown shape", automation.shape);
    if (automation.events.empty()) throw Poco::InvalidArgumentException("no events");
    for (const std::string& event : automation.events)
        if (event != Automation::kPlaced && event != Automation::kPaid)
            throw Poco::InvalidArgumentException("unknown event", event);
    requireRange("duplicate", automation.duplicate, 0.0, 1.0);
    requireRange("maxAttempts", automation.maxAttempts, 1, 20);
    requireRange("retryBackoffMs", automation.retryBackoffMs, 0, 60000);
    requireRange("delayMs", automation.delayMs, 0, 600000);
    requireRange("reorderWindowMs", automation.reorderWindowMs, 0, 60000);
}

void AutomationDispatcher::enqueue(Delivery delivery, Clock::time_point due) {
    if (delivery.attempt == 1) count(delivery.event, &DeliveryCounts::deliveries);
    _queue.emplace(Key{due, _sequence++}, std::move(delivery));
}

AutomationDispatcher::Clock::time_point AutomationDispatcher::firstDue(const Automation& automation) {
    long delayMs = automation.delayMs;
    // Random extra holding time shuffles deliveries triggered within the window.
    if (automation.reorder) delayMs += _random.between(0, automation.reorderWindowMs);
    return Clock::now() + std::chrono::milliseconds(delayMs);
}

bool AutomationDispatcher::chance(double probability) {
    if (probability <= 0.0) return false;
    return static_cast<double>(_random.next() >> 11) * 0x1.0p-53 < probability;
}

void AutomationDispatcher::deliver(Delivery delivery) {
    int status = 0;
    try {
        if (delivery.body.text.empty())
            delivery.body = AutomationPayload::render(delivery.orderJson, delivery.event,
                                                      delivery.triggeredAt, delivery.shape);
        status = post(delivery.entry->automation, delivery.body);
    } catch (const Poco::Exception&) {
        status = 0;  // an order that cannot be rendered counts as a failed delivery
    }
    record(std::move(delivery), status);
}

void AutomationDispatcher::record(Delivery delivery, int status) {
    {
        std::lock_guard lock(_mutex);
        --_inFlight;
        if (delivery.generation != _generation) return;  // cleared meanwhile
        const std::string& event = delivery.event;
        count(event, &DeliveryCounts::sent);
        if (delivery.attempt > 1) count(event, &DeliveryCounts::retries);
        if (status >= 200 && status < 300) {
            count(event, &DeliveryCounts::succeeded);
            return;
        }
        count(event, &DeliveryCounts::failed);
        const Automation& automation = delivery.entry->automation;
        if (!automation.retry || delivery.attempt >= automation.maxAttempts) {
            count(event, &DeliveryCounts::abandoned);
            return;
        }
        if (_stopping) {
            count(event, &DeliveryCounts::dropped);
            return;
        }
        const auto backoff =
            std::chrono::milliseconds(static_cast<long>(automation.retryBackoffMs) << (delivery.attempt - 1));
        ++delivery.attempt;
        enqueue(std::move(delivery), Clock::now() + backoff);
    }
    _wake.notify_all();
}

int AutomationDispatcher::post(const Automation& automation, const WebhookBody& body) {
    const Poco::URI uri = LoopbackUrl::require(automation.url);
    try {
        Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
        session.setTimeout(kConnectTimeout, kAnswerTimeout, kAnswerTimeout);
        const std::string target = uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery();
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, target,
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        request.setContentType(body.contentType);
        request.setContentLength(static_cast<std::streamsize>(body.text.size()));
        session.sendRequest(request) << body.text;
        Poco::Net::HTTPResponse response;
        std::istream& answer = session.receiveResponse(response);
        Poco::NullOutputStream discard;
        Poco::StreamCopier::copyStream(answer, discard);
        return static_cast<int>(response.getStatus());
    } catch (const Poco::Exception&) {
        return 0;  // refused, reset or timed out: a connection failure
    } catch (const std::exception&) {
        return 0;
    }
}

void AutomationDispatcher::count(const std::string& event, std::uint64_t DeliveryCounts::*counter) {
    ++(_stats.total.*counter);
    ++(_stats.perEvent[event].*counter);
}

}  // namespace wix_sandbox

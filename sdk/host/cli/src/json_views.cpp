#include "estore/host/cli/json_views.h"

#include "estore/host/core/formats.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/services/db_store_status.h"

namespace estore::host {

namespace {

/// Times go out twice: epoch milliseconds for programs, ISO UTC for people; null when never.
void setTime(Poco::JSON::Object::Ptr object, const std::string& name, std::int64_t millis) {
    if (millis == 0) {
        object->set(name, Poco::Dynamic::Var());
        object->set(name + "_iso", Poco::Dynamic::Var());
        return;
    }
    object->set(name, millis);
    object->set(name + "_iso", Formats::isoUtc(millis));
}

}  // namespace

Poco::JSON::Object::Ptr JsonViews::store(const StoreRecord& store) {
    auto object = JsonCodec::newObject();
    object->set("id", store.id);
    object->set("platform", store.platform);
    object->set("status", store.status);
    object->set("status_detail", store.statusDetail);
    if (store.paused()) {
        auto reason = JsonCodec::newObject();
        reason->set("code", store.statusCode);
        reason->set("category", store.statusCategory);
        reason->set("message", JsonCodec::fromText(store.statusMessage));
        object->set("status_reason", reason);
        object->set("what_to_do", JsonCodec::fromText(DbStoreStatus::remedy(store.id, store.statusCategory)));
    } else {
        object->set("status_reason", Poco::Dynamic::Var());
        object->set("what_to_do", Poco::Dynamic::Var());
    }
    object->set("shop", JsonCodec::fromShop(store.shop));
    object->set("settings", JsonCodec::fromMap(store.settings));
    setTime(object, "created_at", store.createdAt);
    return object;
}

Poco::JSON::Object::Ptr JsonViews::job(const JobRecord& job) {
    auto object = JsonCodec::newObject();
    object->set("id", job.id);
    object->set("store_id", job.storeId);
    object->set("job", job.job);
    object->set("interval_seconds", job.intervalSeconds);
    object->set("args", JsonCodec::fromMap(job.args));
    setTime(object, "next_run_at", job.nextRunAt);
    object->set("lease_owner",
                job.leaseOwner.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(job.leaseOwner));
    setTime(object, "lease_until", job.leaseUntil);
    object->set("attempts", job.attempts);
    object->set("last_status",
                job.lastStatus.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(job.lastStatus));
    object->set("last_error", job.lastError);
    object->set("last_summary", job.lastSummary);
    auto counts = JsonCodec::newObject();
    for (const auto& [name, count] : job.lastCounts) counts->set(name, count);
    object->set("last_counts", counts);
    setTime(object, "last_run_at", job.lastRunAt);
    return object;
}

Poco::JSON::Array::Ptr JsonViews::jobs(const std::vector<JobRecord>& jobs) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const auto& j : jobs) array->add(job(j));
    return array;
}

Poco::JSON::Object::Ptr JsonViews::activity(const ActivityEntry& entry) {
    auto object = JsonCodec::newObject();
    object->set("id", entry.id);
    object->set("store_id", entry.storeId);
    setTime(object, "at", entry.at);
    object->set("level", entry.level);
    object->set("code", entry.code);
    object->set("message", JsonCodec::fromText(entry.message));
    object->set("detail", entry.detail);
    return object;
}

Poco::JSON::Object::Ptr JsonViews::outcome(const host_api::Outcome& outcome) {
    auto object = JsonCodec::newObject();
    object->set("category", std::string(host_api::categoryName(outcome.category)));
    object->set("code", outcome.code);
    object->set("field", outcome.field);
    object->set("message", JsonCodec::fromText(outcome.message));
    object->set("detail", outcome.detail);
    object->set("retry_after_seconds", outcome.retryAfterSeconds);
    return object;
}

Poco::JSON::Object::Ptr JsonViews::fieldError(const host_api::FieldError& error) {
    auto object = JsonCodec::newObject();
    object->set("field", error.field);
    object->set("code", error.code);
    object->set("message", JsonCodec::fromText(error.message));
    return object;
}

}  // namespace estore::host

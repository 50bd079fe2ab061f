#pragma once
// The JSON shapes the CLI prints with --json. Secrets have no view: there is nothing to print them with.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <vector>

#include "estore/host/services/db_activity.h"
#include "estore/host/storage/job_repository.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host_api/values.h"

namespace estore::host {

class JsonViews {
public:
    static Poco::JSON::Object::Ptr store(const StoreRecord& store);
    static Poco::JSON::Object::Ptr job(const JobRecord& job);
    static Poco::JSON::Array::Ptr jobs(const std::vector<JobRecord>& jobs);
    static Poco::JSON::Object::Ptr activity(const ActivityEntry& entry);
    static Poco::JSON::Object::Ptr outcome(const host_api::Outcome& outcome);
    static Poco::JSON::Object::Ptr fieldError(const host_api::FieldError& error);
};

}  // namespace estore::host

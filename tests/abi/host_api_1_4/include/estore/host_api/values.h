#pragma once
// Plain value types that cross the host <-> plugin boundary. Standard types only; money is never a float.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "estore/host_api/outcome.h"

namespace estore::host_api {

/// A store's settings as the dialog collected them: field id -> value. Secrets are not in here;
/// the plugin reads them through the Secrets service.
using Settings = std::map<std::string, std::string>;

enum class FieldKind { Text, Secret, Flag, Choice, HostChoice, Date, Map, Action };

struct Choice {
    std::string value;
    Text label;
};

/// One field of the "Dodaj elektronsko trgovino" dialog.
struct FieldSpec {
    std::string id;
    FieldKind kind = FieldKind::Text;
    Text label;
    Text help;
    bool required = false;
    bool secret = false;
    std::string defaultValue;     ///< "today" for dates means the day the store is added
    std::vector<Choice> choices;  ///< for Choice
    std::string hostSource;       ///< for HostChoice: "warehouses" or "cost_centers"
};

struct JobSpec {
    std::string id;  ///< e.g. "orders.import"
    Text name;
    std::int64_t defaultIntervalSeconds = 0;  ///< 0: run only on demand (e.g. orders.fetch)
    std::string enabledBy;                    ///< the flag field that turns it on, e.g. "import_orders"
};

struct StoreDescriptor {
    std::string platformId;  ///< "wix"
    Text name;
    std::string version;
    std::vector<FieldSpec> fields;
    std::vector<JobSpec> jobs;
    std::vector<std::string> capabilities;  ///< "orders.import", "stock.push", "webhook"
};

/// What validate() learned about the shop when the credentials work.
struct ShopIdentity {
    std::string name;
    std::string currency;
    std::string catalogVersion;                ///< "V1", "V3" or "NONE"
    std::map<std::string, std::string> facts;  ///< anything else worth keeping (normalised site id, …)
};

struct FieldError {
    std::string field;
    std::string code;
    Text message;
};

struct Validation {
    Outcome outcome;                      ///< ok, or the first cause that stopped the check
    std::vector<FieldError> fieldErrors;  ///< every local problem found, per field
    ShopIdentity shop;                    ///< filled when outcome is ok
    Settings normalized;                  ///< settings as they should be stored (e.g. the bare site id)
};

/// A store as the host knows it.
struct StoreRef {
    std::string storeId;
    std::string platformId;
    Settings settings;
};

struct JobSchedule {
    std::string jobId;
    std::int64_t everySeconds = 0;
    std::int64_t firstRunEpochSeconds = 0;  ///< 0: as soon as possible
};

struct JobRequest {
    StoreRef store;
    std::string jobId;
    std::map<std::string, std::string> args;
};

struct JobReport {
    Outcome outcome;
    std::map<std::string, std::int64_t> counts;  ///< e.g. {"orders.created": 12}
    Text summary;
};

struct WebhookRequest {
    std::string method;
    std::string contentType;
    std::map<std::string, std::string> headers;
    std::string body;
};

struct WebhookAck {
    Outcome outcome;
    int httpStatus = 200;
};

}  // namespace estore::host_api

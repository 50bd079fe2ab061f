#include "wix_sandbox/server/model_json.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/String.h>

#include "wix_sandbox/core/json_body.h"

namespace wix_sandbox {

namespace {

std::vector<std::string> stringList(const Poco::JSON::Array::Ptr& array) {
    std::vector<std::string> values;
    if (array)
        for (const Poco::Dynamic::Var& value : *array) values.push_back(value.toString());
    return values;
}

Poco::JSON::Array::Ptr toArray(const std::vector<std::string>& values) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const std::string& value : values) array->add(value);
    return array;
}

Poco::JSON::Object::Ptr countsToJson(const DeliveryCounts& counts) {
    Poco::JSON::Object::Ptr json = JsonBody::object();
    json->set("deliveries", counts.deliveries);
    json->set("duplicates", counts.duplicates);
    json->set("sent", counts.sent);
    json->set("succeeded", counts.succeeded);
    json->set("failed", counts.failed);
    json->set("retries", counts.retries);
    json->set("abandoned", counts.abandoned);
    json->set("dropped", counts.dropped);
    return json;
}

}  // namespace

std::string ModelJson::catalogName(CatalogVersion version) {
    switch (version) {
        case CatalogVersion::V1: return "V1";
        case CatalogVersion::V3: return "V3";
        case CatalogVersion::None: break;
    }
    return "NONE";
}

CatalogVersion ModelJson::parseCatalog(const std::string& name) {
    const std::string upper = Poco::toUpper(name);
    if (upper == "V1" || upper == "V1_CATALOG") return CatalogVersion::V1;
    if (upper == "V3" || upper == "V3_CATALOG") return CatalogVersion::V3;
    if (upper == "NONE" || upper == "STORES_NOT_INSTALLED") return CatalogVersion::None;
    throw Poco::InvalidArgumentException("catalogVersion must be V1, V3 or NONE", name);
}

Poco::JSON::Object::Ptr ModelJson::siteToJson(const SiteInfo& site) {
    Poco::JSON::Object::Ptr json = JsonBody::object();
    json->set("siteId", site.siteId);
    json->set("accountId", site.accountId);
    json->set("businessName", site.businessName);
    json->set("currency", site.currency);
    json->set("catalogVersion", catalogName(site.catalogVersion));
    json->set("taxIncludedInPrices", site.taxIncludedInPrices);
    json->set("email", site.email);
    json->set("phone", site.phone);
    json->set("street", site.street);
    json->set("city", site.city);
    json->set("postalCode", site.postalCode);
    json->set("country", site.country);
    json->set("language", site.language);
    json->set("timeZone", site.timeZone);
    json->set("propertiesVersion", site.propertiesVersion);
    return json;
}

SiteInfo ModelJson::siteFromJson(const Poco::JSON::Object::Ptr& json, const SiteInfo& defaults) {
    if (!json) throw Poco::InvalidArgumentException("a site must be a JSON object");
    SiteInfo site = defaults;
    site.siteId = Poco::toLower(json->optValue("siteId", site.siteId));
    site.accountId = json->optValue("accountId", site.accountId);
    site.businessName = json->optValue("businessName", site.businessName);
    site.currency = json->optValue("currency", site.currency);
    if (json->has("catalogVersion"))
        site.catalogVersion = parseCatalog(json->getValue<std::string>("catalogVersion"));
    site.taxIncludedInPrices = json->optValue("taxIncludedInPrices", site.taxIncludedInPrices);
    site.email = json->optValue("email", site.email);
    site.phone = json->optValue("phone", site.phone);
    site.street = json->optValue("street", site.street);
    site.city = json->optValue("city", site.city);
    site.postalCode = json->optValue("postalCode", site.postalCode);
    site.country = json->optValue("country", site.country);
    site.language = json->optValue("language", site.language);
    site.timeZone = json->optValue("timeZone", site.timeZone);
    site.propertiesVersion = json->optValue("propertiesVersion", site.propertiesVersion);
    if (site.siteId.empty()) throw Poco::InvalidArgumentException("site without siteId");
    if (site.accountId.empty()) throw Poco::InvalidArgumentException("site without accountId", site.siteId);
    return site;
}

Poco::JSON::Object::Ptr ModelJson::keyToJson(const ApiKeyInfo& key) {
    Poco::JSON::Object::Ptr json = JsonBody::object();
    json->set("key", key.key);
    json->set("accountId", key.accountId);
    json->set("revoked", key.revoked);
    if (key.allSites)
        json->set("sites", "all");
    else
        json->set("sites", toArray(key.siteIds));
    json->set("permissions", toArray(key.permissions));
    return json;
}

ApiKeyInfo ModelJson::keyFromJson(const Poco::JSON::Object::Ptr& json) {
    if (!json) throw Poco::InvalidArgumentException("an API key must be a JSON object");
    ApiKeyInfo key;
    key.key = json->optValue<std::string>("key", "");
    key.accountId = json->optValue<std::string>("accountId", "");
    key.revoked = json->optValue("revoked", false);
    if (json->isArray("sites"))
        key.siteIds = stringList(json->getArray("sites"));
    else
        key.allSites = json->optValue<std::string>("sites", "all") == "all";
    if (json->has("permissions")) key.permissions = stringList(json->getArray("permissions"));
    if (key.accountId.empty()) throw Poco::InvalidArgumentException("API key without accountId");
    return key;
}

Fault ModelJson::faultFromJson(const Poco::JSON::Object::Ptr& json) {
    if (!json) throw Poco::InvalidArgumentException("a fault must be a JSON object");
    Fault fault;
    fault.path = json->optValue("path", fault.path);
    fault.method = Poco::toUpper(json->optValue("method", fault.method));
    fault.status = json->optValue("status", fault.status);
    fault.body = json->optValue("body", fault.body);
    fault.contentType = json->optValue("contentType", fault.contentType);
    fault.count = json->optValue("count", fault.count);
    fault.latencyMs = json->optValue("latencyMs", fault.latencyMs);
    fault.drop = json->optValue("drop", fault.drop);
    if (fault.path.empty()) throw Poco::InvalidArgumentException("fault without path");
    if (fault.status != 0 && (fault.status < 100 || fault.status > 599))
        throw Poco::InvalidArgumentException("fault status out of range");
    return fault;
}

Poco::JSON::Object::Ptr ModelJson::faultToJson(const Fault& fault) {
    Poco::JSON::Object::Ptr json = JsonBody::object();
    json->set("path", fault.path);
    json->set("method", fault.method);
    json->set("status", fault.status);
    json->set("body", fault.body);
    json->set("contentType", fault.contentType);
    json->set("count", fault.count);
    json->set("latencyMs", fault.latencyMs);
    json->set("drop", fault.drop);
    return json;
}

Poco::JSON::Object::Ptr ModelJson::statsToJson(const RequestStats& stats) {
    Poco::JSON::Object::Ptr routes = JsonBody::object();
    for (const auto& [route, count] : stats.perRoute) routes->set(route, count);
    Poco::JSON::Object::Ptr statuses = JsonBody::object();
    for (const auto& [status, count] : stats.perStatus) statuses->set(std::to_string(status), count);
    Poco::JSON::Object::Ptr sites = JsonBody::object();
    for (const auto& [siteId, counts] : stats.perSite) {
        Poco::JSON::Object::Ptr site = JsonBody::object();
        site->set("requests", counts.requests);
        site->set("maxInFlight", counts.maxInFlight);
        site->set("overlapping", counts.overlapping);
        sites->set(siteId, site);
    }
    Poco::JSON::Object::Ptr json = JsonBody::object();
    json->set("total", stats.total);
    json->set("routes", routes);
    json->set("statuses", statuses);
    json->set("sites", sites);
    return json;
}

Automation ModelJson::automationFromJson(const Poco::JSON::Object::Ptr& json) {
    Automation automation;
    automation.siteId = json->optValue<std::string>("siteId", "");
    automation.url = json->getValue<std::string>("url");
    if (json->has("events")) automation.events = stringList(json->getArray("events"));
    automation.shape = json->optValue<std::string>("shape", automation.shape);
    automation.retry = json->optValue("retry", automation.retry);
    automation.maxAttempts = json->optValue("maxAttempts", automation.maxAttempts);
    automation.retryBackoffMs = json->optValue("retryBackoffMs", automation.retryBackoffMs);
    automation.duplicate = json->optValue("duplicate", automation.duplicate);
    automation.delayMs = json->optValue("delayMs", automation.delayMs);
    automation.reorder = json->optValue("reorder", automation.reorder);
    automation.reorderWindowMs = json->optValue("reorderWindowMs", automation.reorderWindowMs);
    return automation;
}

Poco::JSON::Object::Ptr ModelJson::automationToJson(const Automation& automation) {
    Poco::JSON::Object::Ptr json = JsonBody::object();
    json->set("siteId", automation.siteId);
    json->set("url", automation.url);
    json->set("events", toArray(automation.events));
    json->set("shape", automation.shape);
    json->set("retry", automation.retry);
    json->set("maxAttempts", automation.maxAttempts);
    json->set("retryBackoffMs", automation.retryBackoffMs);
    json->set("duplicate", automation.duplicate);
    json->set("delayMs", automation.delayMs);
    json->set("reorder", automation.reorder);
    json->set("reorderWindowMs", automation.reorderWindowMs);
    return json;
}

Poco::JSON::Object::Ptr ModelJson::automationStatsToJson(const AutomationStats& stats) {
    Poco::JSON::Object::Ptr events = JsonBody::object();
    for (const auto& [event, counts] : stats.perEvent) events->set(event, countsToJson(counts));
    Poco::JSON::Object::Ptr json = countsToJson(stats.total);
    json->set("pending", stats.pending);
    json->set("events", events);
    return json;
}

}  // namespace wix_sandbox

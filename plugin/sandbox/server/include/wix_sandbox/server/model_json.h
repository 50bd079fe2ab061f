#pragma once

#include <string>

#include <Poco/JSON/Object.h>

#include "wix_sandbox/automations/automation.h"
#include "wix_sandbox/automations/automation_stats.h"
#include "wix_sandbox/core/api_key_info.h"
#include "wix_sandbox/core/site_info.h"
#include "wix_sandbox/server/fault.h"
#include "wix_sandbox/server/request_stats.h"

namespace wix_sandbox {

/// The JSON forms of the sandbox's own model, shared by the control API and the config file.
/// Readers throw Poco::Exception on malformed input.
class ModelJson {
public:
    static std::string catalogName(CatalogVersion version);  ///< "V1", "V3", "NONE"
    static CatalogVersion parseCatalog(const std::string& name);

    static Poco::JSON::Object::Ptr siteToJson(const SiteInfo& site);
    /// Fields absent from the JSON keep the values of `defaults`.
    static SiteInfo siteFromJson(const Poco::JSON::Object::Ptr& json, const SiteInfo& defaults);
    static Poco::JSON::Object::Ptr keyToJson(const ApiKeyInfo& key);
    static ApiKeyInfo keyFromJson(const Poco::JSON::Object::Ptr& json);
    static Fault faultFromJson(const Poco::JSON::Object::Ptr& json);
    static Poco::JSON::Object::Ptr faultToJson(const Fault& fault);
    static Poco::JSON::Object::Ptr statsToJson(const RequestStats& stats);
    static Automation automationFromJson(const Poco::JSON::Object::Ptr& json);
    static Poco::JSON::Object::Ptr automationToJson(const Automation& automation);
    static Poco::JSON::Object::Ptr automationStatsToJson(const AutomationStats& stats);
};

}  // namespace wix_sandbox

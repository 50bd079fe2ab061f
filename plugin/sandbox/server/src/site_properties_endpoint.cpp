#include "wix_sandbox/server/site_properties_endpoint.h"

#include <Poco/StringTokenizer.h>

#include "wix_sandbox/core/json_body.h"

namespace wix_sandbox {

namespace {

std::vector<std::string> requestedPaths(const WixRequest& request) {
    std::vector<std::string> paths;
    for (const auto& [name, value] : request.query) {
        if (name != "fields.paths") continue;
        // Repeated parameters are the documented form; a comma list is accepted as well.
        Poco::StringTokenizer parts(
            value, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
        paths.insert(paths.end(), parts.begin(), parts.end());
    }
    return paths;
}

}  // namespace

SitePropertiesEndpoint::SitePropertiesEndpoint()
    : WixEndpoint(EndpointSpec{
          "GET", "/site-properties/v4/properties", {"SCOPE.SITE-PROPERTIES.READ"}, false, std::nullopt}) {}

HttpReply SitePropertiesEndpoint::handle(const WixRequest& request, const SiteInfo& site) {
    Poco::JSON::Object::Ptr all = allProperties(site);
    std::vector<std::string> paths = requestedPaths(request);
    Poco::JSON::Object::Ptr properties = all;
    if (!paths.empty()) {
        properties = JsonBody::object();
        for (const std::string& path : paths) copyPath(all, properties, path);
    }
    Poco::JSON::Object::Ptr body = JsonBody::object();
    body->set("version", std::to_string(site.propertiesVersion));  // a string, as in Wix's example
    body->set("properties", properties);
    return HttpReply{200, JsonBody::stringify(body), "application/json", {}};
}

Poco::JSON::Object::Ptr SitePropertiesEndpoint::allProperties(const SiteInfo& site) {
    Poco::JSON::Object::Ptr address = JsonBody::object();
    address->set("street", site.street);
    address->set("city", site.city);
    address->set("country", site.country);
    address->set("zip", site.postalCode);
    address->set("isPhysical", true);
    Poco::JSON::Object::Ptr locale = JsonBody::object();
    locale->set("languageCode", site.language);
    locale->set("country", site.country);

    Poco::JSON::Object::Ptr properties = JsonBody::object();
    properties->set("businessName", site.businessName);
    properties->set("siteDisplayName", site.businessName);
    properties->set("email", site.email);
    properties->set("phone", site.phone);
    properties->set("address", address);
    properties->set("language", site.language);
    properties->set("locale", locale);
    properties->set("paymentCurrency", site.currency);
    properties->set("timeZone", site.timeZone);
    return properties;
}

void SitePropertiesEndpoint::copyPath(const Poco::JSON::Object::Ptr& from, Poco::JSON::Object::Ptr to,
                                      const std::string& path) {
    std::size_t dot = path.find('.');
    std::string head = path.substr(0, dot);
    if (!from->has(head)) return;  // unknown paths are simply not returned
    if (dot == std::string::npos) {
        to->set(head, from->get(head));
        return;
    }
    Poco::JSON::Object::Ptr source = from->getObject(head);
    if (!source) return;
    Poco::JSON::Object::Ptr target = to->getObject(head);
    if (!target) {
        target = JsonBody::object();
        to->set(head, target);
    }
    copyPath(source, target, path.substr(dot + 1));
}

}  // namespace wix_sandbox

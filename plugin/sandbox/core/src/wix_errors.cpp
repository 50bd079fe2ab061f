#include "wix_sandbox/core/wix_errors.h"

#include <Poco/JSON/Array.h>

#include "wix_sandbox/core/json_body.h"

namespace wix_sandbox {

namespace {

HttpReply reply(int status, const Poco::JSON::Object::Ptr& details, const std::string& message) {
    Poco::JSON::Object::Ptr body = JsonBody::object();
    body->set("message", message);
    body->set("details", details);
    return HttpReply{status, JsonBody::stringify(body), "application/json", {}};
}

Poco::JSON::Object::Ptr applicationErrorDetails(const std::string& code, const std::string* description) {
    Poco::JSON::Object::Ptr error = JsonBody::object();
    error->set("code", code);
    if (description) error->set("description", *description);
    Poco::JSON::Object::Ptr details = JsonBody::object();
    details->set("applicationError", error);
    return details;
}

}  // namespace

HttpReply WixErrors::applicationError(int status, const std::string& message, const std::string& code) {
    return reply(status, applicationErrorDetails(code, nullptr), message);
}

HttpReply WixErrors::applicationError(int status, const std::string& message, const std::string& code,
                                      const std::string& description) {
    return reply(status, applicationErrorDetails(code, &description), message);
}

HttpReply WixErrors::validationError(const std::string& message, const std::string& field,
                                     const std::string& description, const std::string& violatedRule) {
    Poco::JSON::Object::Ptr violation = JsonBody::object();
    violation->set("field", field);
    violation->set("description", description);
    violation->set("violatedRule", violatedRule);
    Poco::JSON::Array::Ptr violations = new Poco::JSON::Array;
    violations->add(violation);
    Poco::JSON::Object::Ptr validation = JsonBody::object();
    validation->set("fieldViolations", violations);
    Poco::JSON::Object::Ptr details = JsonBody::object();
    details->set("validationError", validation);
    return reply(400, details, message);
}

HttpReply WixErrors::notFound() {
    // Verbatim from the wild (§2): no description.
    return applicationError(404, "Entity not found", "NOT_FOUND");
}

HttpReply WixErrors::unauthenticated(const std::string& message) {
    // Wix's exact 401 body for API-key failures is undocumented (§2); standard shape, our text.
    return applicationError(401, message, "UNAUTHENTICATED", "");
}

HttpReply WixErrors::forbidden(const std::string& message) {
    return applicationError(403, message, "FORBIDDEN", "");
}

HttpReply WixErrors::methodNotAllowed(const std::string& allowedMethod) {
    HttpReply result = applicationError(405, "Method not allowed", "METHOD_NOT_ALLOWED");
    result.headers.emplace_back("Allow", allowedMethod);
    return result;
}

HttpReply WixErrors::resourceExhausted() {
    return applicationError(429, "Resource exhausted", "RESOURCE_EXHAUSTED");
}

HttpReply WixErrors::storesNotInstalled() {
    return applicationError(428, "Wix Stores app is not installed for site", "REQUIRED_APP_NOT_INSTALLED");
}

HttpReply WixErrors::wrongCatalog(CatalogVersion siteVersion) {
    // The message prefix is verbatim (§2); Wix's text after "…" is unknown, the tail is ours.
    if (siteVersion == CatalogVersion::V1) {
        return applicationError(
            428,
            "Endpoint belongs to the wrong catalog version. This site is using CATALOG_V1. "
            "Use the Catalog V1 APIs for this site.",
            "CATALOG_V1_SITE_CALLING_CATALOG_V3_API");
    }
    return applicationError(428,
                            "Endpoint belongs to the wrong catalog version. This site is using CATALOG_V3. "
                            "Use the Catalog V3 APIs for this site.",
                            "CATALOG_V3_SITE_CALLING_CATALOG_V1_API");
}

HttpReply WixErrors::systemError(int status) {
    return reply(status, JsonBody::object(), "");
}

HttpReply WixErrors::forStatus(int status) {
    switch (status) {
        case 400: return validationError("Bad request", "", "", "");
        case 401: return unauthenticated("Not authenticated");
        case 403: return forbidden("Forbidden");
        case 404: return notFound();
        case 409: return applicationError(409, "Already exists", "ALREADY_EXISTS");
        case 429: return resourceExhausted();
        default: break;
    }
    if (status >= 500) return systemError(status);
    return reply(status, JsonBody::object(), "");
}

}  // namespace wix_sandbox

#pragma once

#include <string>

#include "wix_sandbox/core/http_reply.h"
#include "wix_sandbox/core/site_info.h"

namespace wix_sandbox {

/// Error replies in Wix's shapes (reference §2). Bodies seen in the wild are reproduced verbatim;
/// where Wix is undocumented (401, 405) the shape is the standard one and the text is ours.
class WixErrors {
public:
    /// {"message":m,"details":{"applicationError":{"code":c}}}; description only when given.
    static HttpReply applicationError(int status, const std::string& message, const std::string& code);
    static HttpReply applicationError(int status, const std::string& message, const std::string& code,
                                      const std::string& description);
    /// 400 with one fieldViolation.
    static HttpReply validationError(const std::string& message, const std::string& field,
                                     const std::string& description, const std::string& violatedRule);
    static HttpReply notFound();
    static HttpReply unauthenticated(const std::string& message);
    /// 403 as platformized services send it: empty applicationError.description (§2, PR #1119).
    static HttpReply forbidden(const std::string& message);
    static HttpReply methodNotAllowed(const std::string& allowedMethod);
    static HttpReply resourceExhausted();
    static HttpReply storesNotInstalled();
    static HttpReply wrongCatalog(CatalogVersion siteVersion);
    /// 5xx: Wix sends {"message":"","details":{}} on purpose.
    static HttpReply systemError(int status);
    /// The body Wix would send with a bare status, for faults injected without a body.
    static HttpReply forStatus(int status);
};

}  // namespace wix_sandbox

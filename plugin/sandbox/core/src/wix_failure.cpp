#include "wix_sandbox/core/wix_failure.h"

#include <string>
#include <utility>

namespace wix_sandbox {

WixFailure::WixFailure(HttpReply reply)
    : std::runtime_error("Wix error " + std::to_string(reply.status)), _reply(std::move(reply)) {}

}  // namespace wix_sandbox

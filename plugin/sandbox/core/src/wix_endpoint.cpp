#include "wix_sandbox/core/wix_endpoint.h"

namespace wix_sandbox {

namespace {

const std::string kIdSegment = "/{id}";

}  // namespace

bool WixEndpoint::isTemplate() const {
    const std::string& path = _spec.path;
    return path.size() > kIdSegment.size() &&
           path.compare(path.size() - kIdSegment.size(), kIdSegment.size(), kIdSegment) == 0;
}

bool WixEndpoint::matchesPath(const std::string& path) const {
    if (!isTemplate()) return path == _spec.path;
    const std::size_t prefix = _spec.path.size() - kIdSegment.size() + 1;  // up to and with the slash
    return path.size() > prefix && path.compare(0, prefix, _spec.path, 0, prefix) == 0 &&
           path.find('/', prefix) == std::string::npos;
}

std::string WixEndpoint::lastSegment(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace wix_sandbox

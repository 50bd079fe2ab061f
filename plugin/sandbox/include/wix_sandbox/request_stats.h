#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace wix_sandbox {

/// Counts of Wix requests (control API excluded) since start or the last reset.
struct RequestStats {
    std::uint64_t total = 0;
    std::map<std::string, std::uint64_t> perRoute;  ///< "POST /ecom/v1/orders/search" -> n
    std::map<int, std::uint64_t> perStatus;         ///< 200 -> n; 0 = dropped connections
};

}  // namespace wix_sandbox

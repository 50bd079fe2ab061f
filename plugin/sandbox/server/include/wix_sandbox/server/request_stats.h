#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace wix_sandbox {

/// Wix requests of one site (by the `wix-site-id` header) and how they overlapped in time. A request is
/// in flight from when the sandbox has read it until its answer starts to go out (or it is dropped), so a
/// client that waits for each answer before sending the next request never overlaps itself.
struct SiteRequestStats {
    std::uint64_t requests = 0;
    std::uint64_t maxInFlight = 0;  ///< the most requests of the site in flight at one moment
    std::uint64_t overlapping = 0;  ///< requests that began while another of the same site was in flight
};

/// Counts of Wix requests (control API excluded) since start or the last reset.
struct RequestStats {
    std::uint64_t total = 0;
    std::map<std::string, std::uint64_t> perRoute;  ///< "POST /ecom/v1/orders/search" -> n
    std::map<int, std::uint64_t> perStatus;         ///< 200 -> n; 0 = dropped connections
    /// By lower-case site id as sent in `wix-site-id` (known site or not); requests without one are left
    /// out.
    std::map<std::string, SiteRequestStats> perSite;
};

}  // namespace wix_sandbox

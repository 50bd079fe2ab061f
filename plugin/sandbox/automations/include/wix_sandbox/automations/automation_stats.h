#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace wix_sandbox {

/// What the automations did with their deliveries (one delivery = one trigger of one automation, or
/// its intentional duplicate).
struct DeliveryCounts {
    std::uint64_t deliveries = 0;  ///< queued, duplicates included
    std::uint64_t duplicates = 0;  ///< deliveries that are intentional second copies
    std::uint64_t sent = 0;        ///< POSTs attempted, retries included
    std::uint64_t succeeded = 0;   ///< 2xx answers
    std::uint64_t failed = 0;      ///< non-2xx answers and connection failures
    std::uint64_t retries = 0;     ///< POSTs repeating a failed one
    std::uint64_t abandoned = 0;   ///< deliveries given up (no retry, or attempts used up)
    std::uint64_t dropped = 0;     ///< deliveries still pending when stop() ran
};

struct AutomationStats {
    DeliveryCounts total;
    std::map<std::string, DeliveryCounts> perEvent;  ///< "placed", "paid"
    std::size_t pending = 0;                         ///< queued and not yet finished
};

}  // namespace wix_sandbox

#pragma once

namespace wix_sandbox {

/// What a merchant (or a buyer's payment) does to an order after it was placed (reference §12.2: each
/// moves updatedDate).
enum class OrderChange { Pay, Cancel, Refund, Archive, Fulfil };

}  // namespace wix_sandbox

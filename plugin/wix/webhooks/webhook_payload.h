#pragma once
// Finds which order a Wix Automations webhook is about. "Send via webhook" with "All keys and values"
// has no documented shape (reference §11.1): receivers see the order flat, under `order`, `data` or
// `data.order`, with ids and numbers as strings or numbers, as JSON or form-encoded. The payload is only
// a nudge; the order itself is read from the API afterwards.
#include <optional>
#include <string>
#include <string_view>

namespace estore::wix {

struct OrderReference {
    std::string orderId;      ///< a GUID, when the payload has one
    std::string orderNumber;  ///< digits, when the payload has one
};

struct PayloadReading {
    std::optional<OrderReference> reference;
    std::string problem;  ///< why there is none (English, for the activity log's detail)
};

/// Never throws; bounded in time and memory for any input (deep nesting, huge numbers, invalid UTF-8,
/// NUL bytes, truncated JSON).
PayloadReading readOrderReference(std::string_view contentType, std::string_view body);

}  // namespace estore::wix

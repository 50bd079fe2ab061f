#pragma once

#include <string>
#include <vector>

namespace wix_sandbox {

/// A site owner's Automation "trigger → Send via webhook" (reference §11.1): when an order of the site
/// is placed or paid, POST its "All keys and values" to `url`. The test knobs (retry, duplicate, delay,
/// reorder) reproduce what a receiver must survive; Wix documents none of its own behaviour here.
struct Automation {
    static constexpr const char* kPlaced = "placed";
    static constexpr const char* kPaid = "paid";

    std::string siteId;  ///< "" = the default site
    std::string url;     ///< http:// to a loopback address only (tests never send traffic elsewhere)
    std::vector<std::string> events{kPlaced, kPaid};
    std::string shape = "data_order";  ///< data_order, flat, order, data, form, rotate (see README)
    bool retry = false;                ///< resend after a non-2xx answer or a connection failure
    int maxAttempts = 5;               ///< POSTs per delivery when retrying (first one included)
    int retryBackoffMs = 100;          ///< wait before the first resend, doubled for each further one
    double duplicate = 0.0;            ///< probability that a delivery is sent twice
    int delayMs = 0;                   ///< every delivery waits this long after its trigger
    bool reorder = false;              ///< hold each delivery a random 0..reorderWindowMs more
    int reorderWindowMs = 250;
};

}  // namespace wix_sandbox

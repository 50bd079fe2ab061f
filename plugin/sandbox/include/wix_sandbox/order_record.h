#pragma once

#include <string>

#include <Poco/JSON/Object.h>

namespace wix_sandbox {

/// One stored eCom order: the fields search filters and sorts on, plus the order's JSON text, which is
/// kept serialised so concurrent searches share no mutable Poco objects and answer by concatenation.
struct OrderRecord {
    std::string id;
    std::string number;
    std::string status;
    std::string paymentStatus;
    std::string fulfillmentStatus;
    bool archived = false;
    std::string buyerEmail;
    std::string createdDate;  ///< canonical ISO-8601 UTC with ms, so text order = time order
    std::string updatedDate;
    std::string json;

    /// Reads the indexed fields from an order object (reference §9.3 shape) and serialises it.
    static OrderRecord fromJson(const Poco::JSON::Object::Ptr& order);
};

}  // namespace wix_sandbox

#pragma once

#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

namespace wix_sandbox {

/// One webhook body, ready to POST.
struct WebhookBody {
    std::string text;
    std::string contentType = "application/json";
};

/// Renders an order as an Automation's "All keys and values" would send it. Wix documents no shape for
/// eCom order triggers (reference §11.1), so we offer the ones real receivers probe for.
class AutomationPayload {
public:
    /// True for data_order, flat, order, data, form and rotate.
    static bool knownShape(const std::string& shape);
    /// The shape used for the n-th delivery of an automation ("rotate" cycles through the five).
    static std::string shapeFor(const std::string& shape, std::uint64_t deliveryIndex);
    /// `orderJson` is the eCom order (§9.3); `event` "placed" or "paid"; `shape` not "rotate".
    static WebhookBody render(const std::string& orderJson, const std::string& event,
                              const std::string& triggeredAt, const std::string& shape);

private:
    /// The order's fields: `number` as a JSON number when `numericNumber`, else as Wix's string.
    static Poco::JSON::Object::Ptr orderFields(const Poco::JSON::Object::Ptr& order, bool numericNumber);
    static Poco::JSON::Object::Ptr contact(const Poco::JSON::Object::Ptr& order);
    static Poco::JSON::Object::Ptr totals(const Poco::JSON::Object::Ptr& order);
    static Poco::JSON::Array::Ptr lineItems(const Poco::JSON::Object::Ptr& order);
    static Poco::JSON::Object::Ptr trigger(const std::string& event, const std::string& triggeredAt);
    static Poco::JSON::Object::Ptr flat(const Poco::JSON::Object::Ptr& fields, const std::string& event,
                                        const std::string& triggeredAt);
    static std::string form(const Poco::JSON::Object::Ptr& fields, const std::string& event,
                            const std::string& triggeredAt);
};

}  // namespace wix_sandbox

#include "wix_sandbox/automations/automation_payload.h"

#include <algorithm>
#include <array>
#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Query.h>
#include <Poco/Net/HTMLForm.h>

#include "wix_sandbox/core/json_body.h"

namespace wix_sandbox {

namespace {

const std::array<std::string, 5> kRotation = {"data_order", "flat", "order", "data", "form"};

std::string text(const Poco::JSON::Object::Ptr& object, const std::string& path) {
    if (!object) return {};
    const Poco::Dynamic::Var value = Poco::JSON::Query(object).find(path);
    return value.isEmpty() ? std::string() : value.toString();
}

std::string amount(const Poco::JSON::Object::Ptr& object, const std::string& path) {
    const std::string value = text(object, path + ".amount");
    return value.empty() ? "0" : value;
}

Poco::Dynamic::Var number(const std::string& value, bool numeric) {
    const bool digits =
        !value.empty() && value.size() < 18 && value.find_first_not_of("0123456789") == std::string::npos;
    if (numeric && digits) return static_cast<Poco::Int64>(std::stoll(value));
    return value;
}

std::string triggerName(const std::string& event) {
    return event == "paid" ? "Order paid" : "Order placed";
}

}  // namespace

bool AutomationPayload::knownShape(const std::string& shape) {
    return shape == "rotate" || std::find(kRotation.begin(), kRotation.end(), shape) != kRotation.end();
}

std::string AutomationPayload::shapeFor(const std::string& shape, std::uint64_t deliveryIndex) {
    return shape == "rotate" ? kRotation[deliveryIndex % kRotation.size()] : shape;
}

WebhookBody AutomationPayload::render(const std::string& orderJson, const std::string& event,
                                      const std::string& triggeredAt, const std::string& shape) {
    const Poco::JSON::Object::Ptr order = JsonBody::parseObjectStrict(orderJson);
    // Receivers meet the number both ways; the wrapped shapes keep Wix's string (§9.3).
    const bool numericNumber = shape == "flat" || shape == "data";
    const Poco::JSON::Object::Ptr fields = orderFields(order, numericNumber);
    if (shape == "form") return {form(fields, event, triggeredAt), "application/x-www-form-urlencoded"};
    if (shape == "flat") return {JsonBody::stringify(flat(fields, event, triggeredAt))};
    Poco::JSON::Object::Ptr body = JsonBody::object();
    if (shape == "data_order") {
        Poco::JSON::Object::Ptr data = JsonBody::object();
        data->set("order", fields);
        body->set("data", data);
    } else {
        body->set(shape, fields);  // "order" or "data"
    }
    body->set("trigger", trigger(event, triggeredAt));
    return {JsonBody::stringify(body)};
}

Poco::JSON::Object::Ptr AutomationPayload::orderFields(const Poco::JSON::Object::Ptr& order,
                                                       bool numericNumber) {
    Poco::JSON::Object::Ptr fields = JsonBody::object();
    fields->set("id", text(order, "id"));
    fields->set("number", number(text(order, "number"), numericNumber));
    for (const char* key : {"status", "paymentStatus", "fulfillmentStatus", "createdDate", "currency"})
        fields->set(key, text(order, key));
    fields->set("contact", contact(order));
    fields->set("totals", totals(order));
    fields->set("lineItems", lineItems(order));
    return fields;
}

Poco::JSON::Object::Ptr AutomationPayload::contact(const Poco::JSON::Object::Ptr& order) {
    Poco::JSON::Object::Ptr name = JsonBody::object();
    name->set("first", text(order, "billingInfo.contactDetails.firstName"));
    name->set("last", text(order, "billingInfo.contactDetails.lastName"));
    Poco::JSON::Object::Ptr contact = JsonBody::object();
    contact->set("name", name);
    contact->set("email", text(order, "buyerInfo.email"));
    contact->set("phone", text(order, "billingInfo.contactDetails.phone"));
    contact->set("company", text(order, "billingInfo.contactDetails.company"));
    return contact;
}

Poco::JSON::Object::Ptr AutomationPayload::totals(const Poco::JSON::Object::Ptr& order) {
    Poco::JSON::Object::Ptr totals = JsonBody::object();
    for (const char* key : {"subtotal", "shipping", "discount", "tax", "total"})
        totals->set(key, amount(order, std::string("priceSummary.") + key));
    return totals;
}

Poco::JSON::Array::Ptr AutomationPayload::lineItems(const Poco::JSON::Object::Ptr& order) {
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    const Poco::JSON::Array::Ptr lines = order->getArray("lineItems");
    if (!lines) return items;
    for (std::size_t i = 0; i < lines->size(); ++i) {
        const Poco::JSON::Object::Ptr line = lines->getObject(static_cast<unsigned>(i));
        if (!line) continue;
        Poco::JSON::Object::Ptr item = JsonBody::object();
        item->set("name", text(line, "productName.original"));
        item->set("quantity", line->optValue("quantity", 0));
        item->set("sku", text(line, "physicalProperties.sku"));
        item->set("totalPrice", amount(line, "totalPriceAfterTax"));
        items->add(item);
    }
    return items;
}

Poco::JSON::Object::Ptr AutomationPayload::trigger(const std::string& event, const std::string& triggeredAt) {
    Poco::JSON::Object::Ptr trigger = JsonBody::object();
    trigger->set("name", triggerName(event));
    trigger->set("event", event);
    trigger->set("time", triggeredAt);
    return trigger;
}

Poco::JSON::Object::Ptr AutomationPayload::flat(const Poco::JSON::Object::Ptr& fields,
                                                const std::string& event, const std::string& triggeredAt) {
    Poco::JSON::Object::Ptr body = JsonBody::object();
    // Flat receivers look for orderId / orderNumber rather than id / number (reference §11.1).
    body->set("orderId", fields->get("id"));
    body->set("orderNumber", fields->get("number"));
    for (const std::string& key : fields->getNames())
        if (key != "id" && key != "number") body->set(key, fields->get(key));
    body->set("triggerName", triggerName(event));
    body->set("triggerEvent", event);
    body->set("triggeredAt", triggeredAt);
    return body;
}

std::string AutomationPayload::form(const Poco::JSON::Object::Ptr& fields, const std::string& event,
                                    const std::string& triggeredAt) {
    Poco::Net::HTMLForm form;
    form.add("orderId", fields->getValue<std::string>("id"));
    form.add("orderNumber", fields->get("number").toString());
    for (const char* key : {"status", "paymentStatus", "fulfillmentStatus", "createdDate", "currency"})
        form.add(key, fields->getValue<std::string>(key));
    const Poco::JSON::Object::Ptr contact = fields->getObject("contact");
    form.add("firstName", text(contact, "name.first"));
    form.add("lastName", text(contact, "name.last"));
    form.add("email", text(contact, "email"));
    form.add("total", text(fields, "totals.total"));
    form.add("lineItemsCount", std::to_string(fields->getArray("lineItems")->size()));
    form.add("triggerName", triggerName(event));
    form.add("triggerEvent", event);
    form.add("triggeredAt", triggeredAt);
    std::ostringstream out;
    form.write(out);
    return out.str();
}

}  // namespace wix_sandbox

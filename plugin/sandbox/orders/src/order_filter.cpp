#include "wix_sandbox/orders/order_filter.h"

#include "wix_sandbox/core/comparison_operator.h"

#include <algorithm>
#include <array>

#include <Poco/JSON/Array.h>

#include "wix_sandbox/core/iso_date.h"
#include "wix_sandbox/core/wix_errors.h"
#include "wix_sandbox/core/wix_failure.h"
#include "wix_sandbox/orders/order_fields.h"

namespace wix_sandbox {

namespace {

constexpr std::array kOperators = {"$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$exists"};

[[noreturn]] void reject(const std::string& field, const std::string& description) {
    throw WixFailure(
        WixErrors::validationError("Invalid filter: " + description, field, description, "FILTER"));
}

bool isObject(const Poco::Dynamic::Var& value) {
    return value.type() == typeid(Poco::JSON::Object::Ptr);
}

bool isArray(const Poco::Dynamic::Var& value) {
    return value.type() == typeid(Poco::JSON::Array::Ptr);
}

}  // namespace

OrderFilter::OrderFilter(const Poco::JSON::Object::Ptr& filter) {
    if (filter) _root = parseObject(filter, "search.filter");
}

bool OrderFilter::matches(const OrderRecord& order) const {
    return evaluate(_root, order);
}

OrderFilter::Node OrderFilter::parseObject(const Poco::JSON::Object::Ptr& filter, const std::string& where) {
    Node all;
    for (const auto& [key, value] : *filter) {
        if (!key.empty() && key[0] == '$')
            all.children.push_back(parseLogical(key, value, where));
        else
            all.children.push_back(parseField(key, value, where));
    }
    return all;
}

OrderFilter::Node OrderFilter::parseLogical(const std::string& op, const Poco::Dynamic::Var& value,
                                            const std::string& where) {
    Node node;
    if (op == "$not") {
        if (!isObject(value)) reject(where + ".$not", "$not takes an object");
        node.kind = Node::Kind::Not;
        node.children.push_back(parseObject(value.extract<Poco::JSON::Object::Ptr>(), where));
        return node;
    }
    if (op != "$and" && op != "$or") reject(where + "." + op, "unsupported operator " + op);
    if (!isArray(value)) reject(where + "." + op, op + " takes an array of filters");
    node.kind = op == "$and" ? Node::Kind::All : Node::Kind::Any;
    for (const Poco::Dynamic::Var& item : *value.extract<Poco::JSON::Array::Ptr>()) {
        if (!isObject(item)) reject(where + "." + op, op + " takes an array of filters");
        node.children.push_back(parseObject(item.extract<Poco::JSON::Object::Ptr>(), where));
    }
    return node;
}

OrderFilter::Node OrderFilter::parseField(const std::string& field, const Poco::Dynamic::Var& value,
                                          const std::string& where) {
    if (!OrderFields::filterable(field)) reject(where + "." + field, "field " + field + " is not filterable");
    if (!isObject(value)) return condition(field, "$eq", value, where);
    Node all;
    for (const auto& [op, operandValue] : *value.extract<Poco::JSON::Object::Ptr>())
        all.children.push_back(condition(field, op, operandValue, where));
    if (all.children.empty()) reject(where + "." + field, "empty condition");
    return all;
}

OrderFilter::Node OrderFilter::condition(const std::string& field, const std::string& op,
                                         const Poco::Dynamic::Var& value, const std::string& where) {
    const std::string at = where + "." + field;
    if (std::find(kOperators.begin(), kOperators.end(), op) == kOperators.end())
        reject(at, "unsupported operator " + op);
    Node node;
    node.kind = Node::Kind::Condition;
    node.field = field;
    node.op = op;
    if (op == "$exists") {
        if (!value.isBoolean()) reject(at, "$exists takes true or false");
        node.values.push_back(value.convert<bool>() ? "true" : "false");
    } else if (op == "$in" || op == "$nin") {
        if (!isArray(value)) reject(at, op + " takes an array");
        for (const Poco::Dynamic::Var& item : *value.extract<Poco::JSON::Array::Ptr>())
            node.values.push_back(operand(field, item, at));
    } else {
        node.values.push_back(operand(field, value, at));
    }
    return node;
}

std::string OrderFilter::operand(const std::string& field, const Poco::Dynamic::Var& value,
                                 const std::string& where) {
    if (!value.isString() && !value.isNumeric() && !value.isBoolean())
        reject(where, "expected a scalar value");
    std::string text = value.toString();
    if (!OrderFields::isDate(field)) return text;
    std::optional<std::string> date = canonicalDate(text);
    if (!date) reject(where, "expected an ISO-8601 date-time, got '" + text + "'");
    return *date;
}

bool OrderFilter::evaluate(const Node& node, const OrderRecord& order) {
    switch (node.kind) {
        case Node::Kind::All:
            return std::all_of(node.children.begin(), node.children.end(),
                               [&](const Node& child) { return evaluate(child, order); });
        case Node::Kind::Any:
            return std::any_of(node.children.begin(), node.children.end(),
                               [&](const Node& child) { return evaluate(child, order); });
        case Node::Kind::Not: return !evaluate(node.children.front(), order);
        case Node::Kind::Condition: return test(node, order);
    }
    return false;
}

bool OrderFilter::test(const Node& node, const OrderRecord& order) {
    std::optional<std::string> value = OrderFields::valueOf(order, node.field);
    if (node.op == "$exists") return value.has_value() == (node.values.front() == "true");
    bool inList =
        value && std::any_of(node.values.begin(), node.values.end(), [&](const std::string& candidate) {
            return OrderFields::compare(*value, candidate) == 0;
        });
    if (node.op == "$in") return inList;
    if (node.op == "$nin") return !inList;
    if (!value) return node.op == "$ne";
    return satisfiesComparison(node.op, OrderFields::compare(*value, node.values.front()));
}

}  // namespace wix_sandbox

#include "wix_sandbox/catalog/catalog_filter.h"

#include "wix_sandbox/core/comparison_operator.h"

#include <algorithm>
#include <limits>

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "wix_sandbox/core/iso_date.h"
#include "wix_sandbox/core/request_fields.h"

namespace wix_sandbox {

namespace {

[[noreturn]] void reject(const std::string& field, const std::string& description) {
    RequestFields::reject(field, description, "FILTER");
}

bool isDateField(const std::string& field) {
    return field == "lastUpdated" || (field.size() > 4 && field.compare(field.size() - 4, 4, "Date") == 0);
}

bool isIntegerField(const std::string& field) {
    return field == "numericId";
}

bool isRangeOperator(const std::string& op) {
    return op == "$eq" || op == "$gt" || op == "$gte" || op == "$lt" || op == "$lte";
}

/// Integer fields by number; everything else by exact text (SKU "0012" is not "12"; canonical dates sort
/// as text).
int compare(const std::string& field, const std::string& left, const std::string& right) {
    std::int64_t a = 0;
    std::int64_t b = 0;
    if (isIntegerField(field) && Poco::NumberParser::tryParse64(left, a) &&
        Poco::NumberParser::tryParse64(right, b))
        return a < b ? -1 : a > b ? 1 : 0;
    return left.compare(right) < 0 ? -1 : left == right ? 0 : 1;
}

std::string operand(const std::string& field, const Poco::Dynamic::Var& value, const std::string& where) {
    if (!value.isString() && !value.isNumeric() && !value.isBoolean())
        reject(where, "expected a scalar value");
    std::string text = value.isBoolean() ? (value.convert<bool>() ? "true" : "false") : value.toString();
    if (isIntegerField(field)) {
        std::int64_t number = 0;
        if (!Poco::NumberParser::tryParse64(text, number))
            reject(where, "expected an integer, got '" + text + "'");
        return std::to_string(number);
    }
    if (!isDateField(field)) return text;
    std::optional<std::string> date = canonicalDate(text);
    if (!date) reject(where, "expected an ISO-8601 date-time, got '" + text + "'");
    return *date;
}

}  // namespace

CatalogFilter CatalogFilter::parse(const Poco::Dynamic::Var& filter, const Allowed& allowed,
                                   const std::string& where) {
    CatalogFilter result;
    if (filter.isEmpty()) return result;
    if (!RequestFields::isObject(filter)) reject(where, "must be an object");
    for (const auto& [key, value] : *filter.extract<Poco::JSON::Object::Ptr>()) {
        if (key == "$and") {
            if (!RequestFields::isArray(value)) reject(where + ".$and", "$and takes an array of filters");
            for (const Poco::Dynamic::Var& part : *value.extract<Poco::JSON::Array::Ptr>()) {
                CatalogFilter inner = parse(part, allowed, where + ".$and");
                result._conditions.insert(result._conditions.end(), inner._conditions.begin(),
                                          inner._conditions.end());
            }
        } else if (!key.empty() && key[0] == '$') {
            reject(where + "." + key, "unsupported operator " + key);
        } else {
            result.add(key, value, allowed, where);
        }
    }
    return result;
}

std::optional<std::vector<std::string>> CatalogFilter::lookup(const std::string& field) const {
    for (const Condition& condition : _conditions)
        if (condition.field == field && (condition.op == "$eq" || condition.op == "$in"))
            return condition.values;
    return std::nullopt;
}

bool CatalogFilter::onlyRangeOn(const std::string& field) const {
    return std::all_of(_conditions.begin(), _conditions.end(), [&](const Condition& condition) {
        return condition.field == field && isRangeOperator(condition.op);
    });
}

std::pair<std::int64_t, std::int64_t> CatalogFilter::integerRange(const std::string& field) const {
    std::int64_t low = std::numeric_limits<std::int64_t>::min();
    std::int64_t high = std::numeric_limits<std::int64_t>::max();
    for (const Condition& condition : _conditions) {
        std::int64_t value = 0;
        if (condition.field != field || !isRangeOperator(condition.op) ||
            !Poco::NumberParser::tryParse64(condition.values.front(), value))
            continue;
        // Bounds stay inside int64: a value at the limit leaves the range as it is.
        const bool hasNext = value < std::numeric_limits<std::int64_t>::max();
        if (condition.op == "$gt") low = std::max(low, hasNext ? value + 1 : value);
        if (condition.op == "$gte" || condition.op == "$eq") low = std::max(low, value);
        if (condition.op == "$lt") high = std::min(high, value);
        if ((condition.op == "$lte" || condition.op == "$eq") && hasNext) high = std::min(high, value + 1);
    }
    return {low, high};
}

bool CatalogFilter::matches(const Values& values) const {
    std::vector<std::string> fieldValues;
    for (const Condition& condition : _conditions) {
        fieldValues.clear();
        values(condition.field, fieldValues);
        if (!holds(condition, fieldValues)) return false;
    }
    return true;
}

void CatalogFilter::add(const std::string& field, const Poco::Dynamic::Var& value, const Allowed& allowed,
                        const std::string& where) {
    if (allowed.find(field) == allowed.end())
        reject(where + "." + field, "field " + field + " is not filterable");
    if (!RequestFields::isObject(value)) return addCondition(field, "$eq", value, allowed, where);
    const Poco::JSON::Object::Ptr operators = value.extract<Poco::JSON::Object::Ptr>();
    if (operators->size() == 0) reject(where + "." + field, "empty condition");
    for (const auto& [op, operandValue] : *operators) addCondition(field, op, operandValue, allowed, where);
}

void CatalogFilter::addCondition(const std::string& field, std::string op, const Poco::Dynamic::Var& value,
                                 const Allowed& allowed, const std::string& where) {
    const std::string at = where + "." + field;
    if (allowed.at(field).count(op) == 0) reject(at, "operator " + op + " is not supported on " + field);
    if (op == "$hasSome") op = "$in";
    Condition condition{field, op, {}};
    if (op == "$in" || op == "$nin") {
        if (!RequestFields::isArray(value)) reject(at, op + " takes an array");
        for (const Poco::Dynamic::Var& item : *value.extract<Poco::JSON::Array::Ptr>())
            condition.values.push_back(operand(field, item, at));
    } else {
        condition.values.push_back(operand(field, value, at));
    }
    _conditions.push_back(std::move(condition));
}

bool CatalogFilter::holds(const Condition& condition, const std::vector<std::string>& values) {
    const auto equalsAny = [&](const std::string& value) {
        return std::any_of(condition.values.begin(), condition.values.end(), [&](const std::string& wanted) {
            return compare(condition.field, value, wanted) == 0;
        });
    };
    const bool anyEqual = std::any_of(values.begin(), values.end(), equalsAny);
    if (condition.op == "$in") return anyEqual;
    if (condition.op == "$nin") return !anyEqual;
    if (condition.op == "$ne")
        return std::none_of(values.begin(), values.end(), [&](const std::string& value) {
            return compare(condition.field, value, condition.values.front()) == 0;
        });
    return std::any_of(values.begin(), values.end(), [&](const std::string& value) {
        return satisfiesComparison(condition.op, compare(condition.field, value, condition.values.front()));
    });
}

}  // namespace wix_sandbox

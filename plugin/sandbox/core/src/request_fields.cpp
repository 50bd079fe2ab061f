#include "wix_sandbox/core/request_fields.h"

#include <Poco/Exception.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>

#include "wix_sandbox/core/wix_errors.h"
#include "wix_sandbox/core/wix_failure.h"

namespace wix_sandbox {

void RequestFields::reject(const std::string& field, const std::string& description,
                           const std::string& rule) {
    throw WixFailure(WixErrors::validationError(field + " " + description, field, description, rule));
}

Poco::JSON::Object::Ptr RequestFields::object(const Poco::JSON::Object::Ptr& parent, const std::string& key,
                                              const std::string& field) {
    if (!has(parent, key)) return nullptr;
    if (!isObject(parent->get(key))) reject(field, "must be an object", "TYPE");
    return parent->getObject(key);
}

Poco::JSON::Array::Ptr RequestFields::array(const Poco::JSON::Object::Ptr& parent, const std::string& key,
                                            const std::string& field) {
    if (!has(parent, key)) return nullptr;
    if (!isArray(parent->get(key))) reject(field, "must be an array", "TYPE");
    return parent->getArray(key);
}

std::int64_t RequestFields::integer(const Poco::Dynamic::Var& value, const std::string& field) {
    try {
        if (value.isString()) return Poco::NumberParser::parse64(value.extract<std::string>());
        if (value.isInteger()) return value.convert<std::int64_t>();
        if (value.isNumeric()) {
            const double number = value.convert<double>();
            const auto whole = static_cast<std::int64_t>(number);
            if (static_cast<double>(whole) == number) return whole;
        }
    } catch (const Poco::Exception&) {
        // falls through to the 400 below
    }
    reject(field, "must be an integer", "TYPE");
}

bool RequestFields::boolean(const Poco::Dynamic::Var& value, const std::string& field) {
    if (!value.isBoolean()) reject(field, "must be true or false", "TYPE");
    return value.convert<bool>();
}

std::string RequestFields::text(const Poco::Dynamic::Var& value, const std::string& field) {
    if (!value.isString()) reject(field, "must be a string", "TYPE");
    return value.extract<std::string>();
}

bool RequestFields::has(const Poco::JSON::Object::Ptr& parent, const std::string& key) {
    return parent && parent->has(key) && !parent->isNull(key);
}

int RequestFields::limit(const Poco::JSON::Object::Ptr& paging, int fallback, int max,
                         const std::string& field) {
    if (!has(paging, "limit")) return fallback;
    const std::int64_t limit = integer(paging->get("limit"), field);
    if (limit < 1) reject(field, "must be at least 1", "MIN");
    if (limit > max) reject(field, "must be at most " + std::to_string(max), "MAX");
    return static_cast<int>(limit);
}

Poco::Dynamic::Var RequestFields::encodedJson(const Poco::JSON::Object::Ptr& query, const std::string& key,
                                              const std::string& field) {
    if (!has(query, key)) return {};
    const Poco::Dynamic::Var value = query->get(key);
    if (!value.isString()) reject(field, "must be a JSON-encoded string", "TYPE");
    const std::string text = value.extract<std::string>();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return {};
    try {
        Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
        return parser.parse(text);
    } catch (const Poco::Exception&) {
        reject(field, "is not valid JSON", "FORMAT");
    }
}

bool RequestFields::isObject(const Poco::Dynamic::Var& value) {
    return value.type() == typeid(Poco::JSON::Object::Ptr);
}

bool RequestFields::isArray(const Poco::Dynamic::Var& value) {
    return value.type() == typeid(Poco::JSON::Array::Ptr);
}

}  // namespace wix_sandbox

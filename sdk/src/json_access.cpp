#include "estore/sdk/json_access.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace estore::sdk {

JsonParse parseJsonObject(const std::string& text) {
    JsonParse result;
    try {
        Poco::JSON::Parser parser;
        // Wix nests a few levels (an order's line's price's amount); a body nested deeper is refused
        // before it can exhaust the stack of whatever walks it.
        parser.setDepth(kMaxJsonDepth);
        Poco::Dynamic::Var parsed = parser.parse(text);
        if (parsed.type() == typeid(Poco::JSON::Object::Ptr))
            result.object = parsed.extract<Poco::JSON::Object::Ptr>();
        else
            result.error = "the JSON is not an object";
    } catch (const Poco::Exception& e) {
        result.error = "not JSON: " + e.displayText();
    } catch (const std::exception& e) {
        result.error = std::string("not JSON: ") + e.what();
    }
    return result;
}

std::optional<Poco::Dynamic::Var> valueAt(const Poco::JSON::Object::Ptr& root, std::string_view path) {
    Poco::JSON::Object::Ptr current = root;
    while (current) {
        const auto dot = path.find('.');
        const std::string key(path.substr(0, dot));
        if (!current->has(key)) return std::nullopt;
        if (dot == std::string_view::npos) return current->get(key);
        current = current->getObject(key);
        path.remove_prefix(dot + 1);
    }
    return std::nullopt;
}

std::optional<std::string> stringAt(const Poco::JSON::Object::Ptr& root, std::string_view path) {
    auto value = valueAt(root, path);
    if (!value || !value->isString()) return std::nullopt;
    return value->extract<std::string>();
}

std::string excerpt(const std::string& text, std::size_t maxLength) {
    std::string out;
    out.reserve(std::min(text.size(), maxLength) + 3);
    for (char c : text) {
        if (out.size() >= maxLength) {
            out += "...";
            break;
        }
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || u == 0x7f) ? ' ' : c;
    }
    return out;
}

std::string jsonText(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(value, out);
    return out.str();
}

std::string cursorFollowUpBody(const std::string& root, int limit, const std::string& cursor) {
    Poco::JSON::Object::Ptr paging = new Poco::JSON::Object;
    paging->set("limit", limit);
    paging->set("cursor", cursor);
    Poco::JSON::Object::Ptr wrapper = new Poco::JSON::Object;
    wrapper->set("cursorPaging", paging);
    Poco::JSON::Object body;
    body.set(root, wrapper);
    return jsonText(body);
}

}  // namespace estore::sdk

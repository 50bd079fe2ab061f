#include "estore/sdk/json_document.h"

#include <algorithm>

#include "estore/sdk/json_access.h"

namespace estore::sdk {

JsonDocument::JsonDocument() = default;

bool JsonDocument::parse(std::string_view text, std::string& why) {
    // Buffers the size of the text (a manifest is read by a fresh document on every plugin load, so no
    // large first guess), grown for a larger one, with the depth limit every JSON from outside has.
    if (_parser.capacity() < text.size() || _parser.max_depth() != kMaxJsonDepth) {
        if (auto error = _parser.allocate(std::max<std::size_t>(text.size(), 1024), kMaxJsonDepth)) {
            why = std::string("cannot read JSON: ") + simdjson::error_message(error);
            return false;
        }
    }
    if (auto error = _parser.parse(text.data(), text.size(), true).get(_root)) {
        why = std::string("not valid JSON: ") + simdjson::error_message(error);
        return false;
    }
    if (!_root.is_object()) {
        why = "not a JSON object";
        return false;
    }
    return true;
}

std::optional<simdjson::dom::element> jsonAt(simdjson::dom::element root, std::string_view path) {
    simdjson::dom::element current = root;
    while (!path.empty()) {
        const std::size_t dot = path.find('.');
        const std::string_view key = path.substr(0, dot);
        simdjson::dom::object object;
        if (current.get_object().get(object) != simdjson::SUCCESS) return std::nullopt;
        if (object.at_key(key).get(current) != simdjson::SUCCESS) return std::nullopt;
        path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    }
    return current;
}

std::optional<std::string_view> jsonTextAt(simdjson::dom::element root, std::string_view path) {
    std::string_view text;
    if (auto v = jsonAt(root, path); v && v->get_string().get(text) == simdjson::SUCCESS) return text;
    return std::nullopt;
}

std::optional<simdjson::dom::array> jsonArrayAt(simdjson::dom::element root, std::string_view path) {
    simdjson::dom::array array;
    if (auto v = jsonAt(root, path); v && v->get_array().get(array) == simdjson::SUCCESS) return array;
    return std::nullopt;
}

std::optional<simdjson::dom::object> jsonObjectAt(simdjson::dom::element root, std::string_view path) {
    simdjson::dom::object object;
    if (auto v = jsonAt(root, path); v && v->get_object().get(object) == simdjson::SUCCESS) return object;
    return std::nullopt;
}

}  // namespace estore::sdk

#include "client/json_document.h"

#include "estore/sdk/json_access.h"

namespace estore::wix {

JsonDocument::JsonDocument() {
    // The depth limit every JSON from outside has (sdk::kMaxJsonDepth); the capacity grows on demand. If
    // this first allocation fails, parse() tries again and reports the failure (MEMALLOC).
    if (_parser.allocate(64 * 1024, sdk::kMaxJsonDepth) != simdjson::SUCCESS) return;
}

bool JsonDocument::parse(std::string_view text, std::string& why) {
    if (auto error = _parser.parse(text.data(), text.size(), true).get(_root)) {
        why = std::string("not JSON: ") + simdjson::error_message(error);
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

}  // namespace estore::wix

#include "estore/host/furs_sandbox/json_value.h"

namespace furs_sandbox {

const JsonValue* JsonValue::find(std::string_view name) const {
    for (const auto& [key, value] : members)
        if (key == name) return &value;
    return nullptr;
}

std::string JsonValue::stringAt(std::string_view name) const {
    const JsonValue* value = find(name);
    return value && value->isString() ? value->text : std::string();
}

}  // namespace furs_sandbox

#include "wix_sandbox/core/json_writer.h"

namespace wix_sandbox {

JsonWriter& JsonWriter::beginObject() {
    separate();
    _out += '{';
    _first.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    _out += '}';
    _first.pop_back();
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    separate();
    _out += '[';
    _first.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    _out += ']';
    _first.pop_back();
    return *this;
}

JsonWriter& JsonWriter::key(const std::string& name) {
    separate();
    quoted(name);
    _out += ':';
    _afterKey = true;
    return *this;
}

JsonWriter& JsonWriter::value(const std::string& text) {
    separate();
    quoted(text);
    return *this;
}

JsonWriter& JsonWriter::value(const char* text) {
    return value(std::string(text));
}

JsonWriter& JsonWriter::value(long number) {
    separate();
    _out += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    separate();
    _out += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::raw(const std::string& json) {
    separate();
    _out += json;
    return *this;
}

void JsonWriter::separate() {
    // A value right after its key needs no comma; anything else in a container after the first does.
    if (_afterKey) {
        _afterKey = false;
        return;
    }
    if (_first.empty()) return;
    if (!_first.back()) _out += ',';
    _first.back() = false;
}

void JsonWriter::quoted(const std::string& text) {
    static constexpr char kHex[] = "0123456789abcdef";
    _out += '"';
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            _out += '\\';
            _out += c;
        } else if (byte < 0x20) {
            _out += "\\u00";
            _out += kHex[byte >> 4];
            _out += kHex[byte & 15];
        } else {
            _out += c;  // UTF-8 passes through, as Wix sends it
        }
    }
    _out += '"';
}

}  // namespace wix_sandbox

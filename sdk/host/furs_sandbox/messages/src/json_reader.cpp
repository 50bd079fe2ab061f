#include "estore/host/furs_sandbox/json_reader.h"

#include <cstring>

namespace furs_sandbox {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

void appendUtf8(std::string& out, unsigned codePoint) {
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xc0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3f));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xe0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (codePoint & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (codePoint & 0x3f));
    }
}

}  // namespace

std::optional<JsonValue> JsonReader::parse(const std::string& text, std::string* error) {
    JsonReader reader(text);
    JsonValue root;
    reader.skipSpace();
    bool ok = reader.value(root, 0);
    if (ok) {
        reader.skipSpace();
        if (reader._at != text.size()) ok = reader.fail("text after the JSON value");
    }
    if (ok) return root;
    if (error) *error = reader._error + " at offset " + std::to_string(reader._at);
    return std::nullopt;
}

bool JsonReader::fail(const std::string& why) {
    if (_error.empty()) _error = why;
    return false;
}

void JsonReader::skipSpace() {
    while (_at < _text.size() &&
           (_text[_at] == ' ' || _text[_at] == '\t' || _text[_at] == '\n' || _text[_at] == '\r'))
        ++_at;
}

bool JsonReader::value(JsonValue& out, int depth) {
    if (depth > kMaxDepth) return fail("nested too deeply");
    switch (peek()) {
        case '{': return object(out, depth);
        case '[': return array(out, depth);
        case '"': out.type = JsonValue::Type::String; return string(out.text);
        case 't':
            out.type = JsonValue::Type::Boolean;
            out.boolean = true;
            return literal("true");
        case 'f':
            out.type = JsonValue::Type::Boolean;
            out.boolean = false;
            return literal("false");
        case 'n': out.type = JsonValue::Type::Null; return literal("null");
        default: out.type = JsonValue::Type::Number; return number(out.text);
    }
}

bool JsonReader::object(JsonValue& out, int depth) {
    out.type = JsonValue::Type::Object;
    ++_at;  // '{'
    skipSpace();
    if (peek() == '}') {
        ++_at;
        return true;
    }
    for (;;) {
        skipSpace();
        if (peek() != '"') return fail("expected a member name");
        std::string name;
        if (!string(name)) return false;
        if (out.find(name)) return fail("duplicate member \"" + name + "\"");
        skipSpace();
        if (peek() != ':') return fail("expected ':'");
        ++_at;
        skipSpace();
        JsonValue member;
        if (!value(member, depth + 1)) return false;
        out.members.emplace_back(std::move(name), std::move(member));
        skipSpace();
        if (peek() == ',') {
            ++_at;
            continue;
        }
        if (peek() == '}') {
            ++_at;
            return true;
        }
        return fail("expected ',' or '}'");
    }
}

bool JsonReader::array(JsonValue& out, int depth) {
    out.type = JsonValue::Type::Array;
    ++_at;  // '['
    skipSpace();
    if (peek() == ']') {
        ++_at;
        return true;
    }
    for (;;) {
        skipSpace();
        JsonValue item;
        if (!value(item, depth + 1)) return false;
        out.items.push_back(std::move(item));
        skipSpace();
        if (peek() == ',') {
            ++_at;
            continue;
        }
        if (peek() == ']') {
            ++_at;
            return true;
        }
        return fail("expected ',' or ']'");
    }
}

bool JsonReader::hex4(unsigned& out) {
    out = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = peek();
        unsigned digit = 0;
        if (c >= '0' && c <= '9')
            digit = static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            digit = static_cast<unsigned>(c - 'A' + 10);
        else
            return fail("bad \\u escape");
        out = out * 16 + digit;
        ++_at;
    }
    return true;
}

bool JsonReader::string(std::string& out) {
    ++_at;  // '"'
    for (;;) {
        if (_at >= _text.size()) return fail("unterminated string");
        const char c = _text[_at++];
        if (c == '"') return true;
        if (static_cast<unsigned char>(c) < 0x20) return fail("control character in a string");
        if (c != '\\') {
            out += c;
            continue;
        }
        const char escape = peek();
        ++_at;
        switch (escape) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned codePoint = 0;
                if (!hex4(codePoint)) return false;
                if (codePoint >= 0xd800 && codePoint < 0xdc00) {
                    // A high surrogate must be followed by "\u" and a low one (RFC 8259 §7).
                    unsigned low = 0;
                    if (peek() != '\\' || _at + 1 >= _text.size() || _text[_at + 1] != 'u')
                        return fail("lone surrogate");
                    _at += 2;
                    if (!hex4(low)) return false;
                    if (low < 0xdc00 || low > 0xdfff) return fail("lone surrogate");
                    codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00);
                } else if (codePoint >= 0xdc00 && codePoint <= 0xdfff) {
                    return fail("lone surrogate");
                }
                appendUtf8(out, codePoint);
                break;
            }
            default: return fail("bad escape");
        }
    }
}

bool JsonReader::number(std::string& out) {
    // RFC 8259 §6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    const std::size_t start = _at;
    if (peek() == '-') ++_at;
    if (peek() == '0') {
        ++_at;
    } else if (isDigit(peek())) {
        while (isDigit(peek())) ++_at;
    } else {
        return fail("expected a value");
    }
    if (peek() == '.') {
        ++_at;
        if (!isDigit(peek())) return fail("expected a digit after '.'");
        while (isDigit(peek())) ++_at;
    }
    if (peek() == 'e' || peek() == 'E') {
        ++_at;
        if (peek() == '+' || peek() == '-') ++_at;
        if (!isDigit(peek())) return fail("expected an exponent");
        while (isDigit(peek())) ++_at;
    }
    out = _text.substr(start, _at - start);
    return true;
}

bool JsonReader::literal(const char* word) {
    const std::size_t length = std::strlen(word);
    if (_text.compare(_at, length, word) != 0) return fail("expected a value");
    _at += length;
    return true;
}

}  // namespace furs_sandbox

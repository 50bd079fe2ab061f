#include "estore/host/core/json_syntax.h"

#include <cctype>
#include <cstring>

namespace estore::host {

std::string JsonSyntax::check(const std::string& text) {
    JsonSyntax parser(text);
    parser.skipSpace();
    const bool ok = parser.value(0);
    parser.skipSpace();
    if (parser._tooDeep) return "JSON nested deeper than " + std::to_string(kMaxDepth) + " levels";
    if (!ok || parser._at != text.size()) return "not well-formed JSON";
    return "";
}

void JsonSyntax::skipSpace() {
    while (_at < _text.size() && std::strchr(" \t\r\n", _text[_at]) && _text[_at] != '\0') ++_at;
}

bool JsonSyntax::eat(char c) {
    skipSpace();
    if (peek() != c || _at >= _text.size()) return false;
    ++_at;
    return true;
}

bool JsonSyntax::value(int depth) {
    if (depth > kMaxDepth) {
        _tooDeep = true;
        return false;
    }
    skipSpace();
    switch (peek()) {
        case '{': return object(depth + 1);
        case '[': return array(depth + 1);
        case '"': return string();
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: return number();
    }
}

bool JsonSyntax::object(int depth) {
    ++_at;  // '{'
    if (eat('}')) return true;
    do {
        skipSpace();
        if (peek() != '"' || !string() || !eat(':') || !value(depth)) return false;
    } while (eat(','));
    return eat('}');
}

bool JsonSyntax::array(int depth) {
    ++_at;  // '['
    if (eat(']')) return true;
    do {
        if (!value(depth)) return false;
    } while (eat(','));
    return eat(']');
}

bool JsonSyntax::string() {
    ++_at;  // '"'
    while (_at < _text.size()) {
        const auto c = static_cast<unsigned char>(_text[_at++]);
        if (c == '"') return true;
        if (c < 0x20) return false;  // control characters must be escaped
        if (c != '\\') continue;
        if (_at >= _text.size()) return false;
        const char escape = _text[_at++];
        if (escape == 'u') {
            for (int i = 0; i < 4; ++i, ++_at)
                if (_at >= _text.size() || !std::isxdigit(static_cast<unsigned char>(_text[_at])))
                    return false;
        } else if (!std::strchr("\"\\/bfnrt", escape) || escape == '\0') {
            return false;
        }
    }
    return false;
}

bool JsonSyntax::number() {
    const auto digits = [this] {
        const std::size_t start = _at;
        while (_at < _text.size() && std::isdigit(static_cast<unsigned char>(_text[_at]))) ++_at;
        return _at > start;
    };
    if (peek() == '-') ++_at;
    if (peek() == '0')
        ++_at;
    else if (!digits())
        return false;
    if (peek() == '.') {
        ++_at;
        if (!digits()) return false;
    }
    if (peek() == 'e' || peek() == 'E') {
        ++_at;
        if (peek() == '+' || peek() == '-') ++_at;
        if (!digits()) return false;
    }
    return true;
}

bool JsonSyntax::literal(const char* word) {
    const std::size_t length = std::strlen(word);
    if (_text.compare(_at, length, word) != 0) return false;
    _at += length;
    return true;
}

}  // namespace estore::host

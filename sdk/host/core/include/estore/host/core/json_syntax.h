#pragma once
// A syntax-only JSON check for the webhook endpoint: no tree is built and no number is converted, so a
// long integer is fine (Poco's parser refuses one) and the work is linear in the body. Nesting is
// limited, so hostile input cannot exhaust the stack.
#include <cstddef>
#include <string>

namespace estore::host {

class JsonSyntax {
public:
    static constexpr int kMaxDepth = 64;

    /// Empty when `text` is one well-formed JSON value (surrounded by whitespace only); else why not.
    static std::string check(const std::string& text);

private:
    explicit JsonSyntax(const std::string& text) : _text(text) {}

    bool value(int depth);
    bool object(int depth);
    bool array(int depth);
    bool string();
    bool number();
    bool literal(const char* word);
    void skipSpace();
    bool eat(char c);
    char peek() const { return _at < _text.size() ? _text[_at] : '\0'; }

    const std::string& _text;
    std::size_t _at = 0;
    bool _tooDeep = false;
};

}  // namespace estore::host

#include "estore/host/core/language.h"

#include <cstdlib>

namespace estore::host {

std::optional<Language> Language::parse(std::string_view code) {
    if (code == "sl") return Language{false};
    if (code == "en") return Language{true};
    return std::nullopt;
}

Language Language::fromLocale(std::string_view locale) {
    // A locale name is language[_territory][.codeset][@modifier] (POSIX.1-2017, 8.2); "en-US" (BCP 47)
    // turns up too.
    const auto language = locale.substr(0, locale.find_first_of("_.@-"));
    return Language{language == "en"};
}

Language Language::fromEnvironment() {
    // POSIX.1-2017, 8.2 Internationalization Variables: LC_ALL overrides LC_MESSAGES, which overrides LANG;
    // an empty value counts as unset.
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value && *value) return fromLocale(value);
    }
    return Language{};
}

}  // namespace estore::host

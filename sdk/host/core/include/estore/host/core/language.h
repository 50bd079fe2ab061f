#pragma once
// The language a person reads estore-host in: Slovenian by default, English on request (issue 18). The
// command line picks it with --lang, else from the locale (LC_ALL, LC_MESSAGES, LANG, the first one set,
// as POSIX orders them); the admin pages from the visitor's choice. Texts come in both languages
// (host_api::Text); only the JSON error objects and the documents a buyer gets keep both.
#include <optional>
#include <string>
#include <string_view>

#include "estore/host_api/outcome.h"

namespace estore::host {

struct Language {
    bool english = false;

    /// The text in this language; where a text lacks it (a plugin wrote one language only), the other.
    const std::string& pick(const host_api::Text& text) const {
        const std::string& wanted = english ? text.en : text.sl;
        return wanted.empty() ? (english ? text.sl : text.en) : wanted;
    }
    /// "sl" or "en".
    const char* code() const { return english ? "en" : "sl"; }

    /// "sl" or "en" (as --lang takes them); nullopt for anything else.
    static std::optional<Language> parse(std::string_view code);
    /// From a locale name as LANG holds it: "en_GB.UTF-8" and "en" are English; "sl_SI.UTF-8", "C",
    /// "POSIX" and every other language are Slovenian, the host's own.
    static Language fromLocale(std::string_view locale);
    /// From the environment: the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty.
    static Language fromEnvironment();
};

}  // namespace estore::host

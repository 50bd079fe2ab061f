#pragma once
// Writing HTML safely: every text that comes from a shop, a plugin or a user goes through escape(), in
// element content and in attribute values alike (both are quoted with '"').
#include <string>
#include <string_view>

#include "estore/host/core/language.h"
#include "estore/host_api/values.h"

namespace estore::host {

class Html {
public:
    /// & < > " ' as character references.
    static std::string escape(std::string_view text);
    /// The text in the page's language, escaped.
    static std::string text(const host_api::Text& text, const Language& lang) {
        return escape(lang.pick(text));
    }
    /// A local path that is safe to redirect to ("/…" but not "//…" or "/\…"); "/" otherwise.
    static std::string localPath(const std::string& path);
    /// Percent-encodes a query value.
    static std::string urlEncode(std::string_view value);
};

}  // namespace estore::host

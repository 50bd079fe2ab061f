#pragma once
// Text helpers on views, shared by the SDK, the plugins and the host. On std::string, use Poco's own
// (Poco::trim, Poco::toLower, Poco::icompare, Poco::StringTokenizer); these exist because those would
// copy a view first.
#include <string_view>

namespace estore::sdk {

/// text without leading and trailing ASCII white space (Poco::Ascii::isSpace), as a view into text.
std::string_view trimmedView(std::string_view text);

}  // namespace estore::sdk

#include "estore/sdk/text.h"

#include <Poco/Ascii.h>

namespace estore::sdk {

std::string_view trimmedView(std::string_view text) {
    while (!text.empty() && Poco::Ascii::isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && Poco::Ascii::isSpace(text.back())) text.remove_suffix(1);
    return text;
}

}  // namespace estore::sdk

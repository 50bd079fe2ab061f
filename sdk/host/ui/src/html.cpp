#include "estore/host/ui/html.h"

#include <Poco/URI.h>

namespace estore::host {

std::string Html::escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string Html::localPath(const std::string& path) {
    if (path.empty() || path[0] != '/' || path.size() > 2000) return "/";
    if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) return "/";
    for (unsigned char c : path)
        if (c < 0x20 || c == 0x7f) return "/";
    return path;
}

std::string Html::urlEncode(std::string_view value) {
    std::string out;
    Poco::URI::encode(std::string(value), "!#$&'()*+,/:;=?@[]%\" <>", out);
    return out;
}

}  // namespace estore::host

#include "settings/site_id.h"

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include "estore/sdk/text.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

namespace estore::wix {

namespace {

constexpr std::size_t kMaxInput = 2048;  // a dashboard URL is far shorter; longer input is not a paste of one

bool printableAscii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u > 0x20 && u < 0x7f;
    });
}

/// "manage.wix.com", "www.wix.com", "editor.wix.com" … but not "wix.com.evil.example".
bool isWixHost(const std::string& host) {
    const std::string h = Poco::toLower(host);
    return h == "wix.com" || (h.size() > 8 && h.compare(h.size() - 8, 8, ".wix.com") == 0);
}

SiteIdParse fromCandidate(std::string_view candidate) {
    if (!isGuid(candidate)) return {{}, SiteIdProblem::NotGuid};
    return {Poco::toLower(std::string(candidate)), SiteIdProblem::None};
}

/// The value of a query parameter, case-insensitive name; empty when absent.
std::string queryParam(const Poco::URI& uri, const std::string& name) {
    for (const auto& [key, value] : uri.getQueryParameters())
        if (Poco::icompare(key, name) == 0) return value;
    return {};
}

/// A URL pasted from the browser's address bar, with or without its scheme.
std::optional<Poco::URI> parsedUrl(std::string_view text) {
    std::string url(text);
    if (url.find("://") == std::string::npos) url = "https://" + url;
    try {
        return Poco::URI(url);
    } catch (const Poco::SyntaxException&) {  // a bad port, a broken %-escape
        return std::nullopt;
    }
}

SiteIdParse fromUrl(std::string_view text) {
    const auto uri = parsedUrl(text);
    if (!uri || !isWixHost(uri->getHost())) return {{}, SiteIdProblem::NotWixUrl};
    const std::string& path = uri->getPath();
    const std::string lowerPath = Poco::toLower(path);
    if (const auto pos = lowerPath.find("/dashboard/"); pos != std::string::npos) {
        std::string_view segment = std::string_view(path).substr(pos + 11);
        segment = segment.substr(0, segment.find('/'));
        return segment.empty() ? SiteIdParse{{}, SiteIdProblem::NoSiteInUrl} : fromCandidate(segment);
    }
    if (const std::string meta = queryParam(*uri, "metaSiteId"); !meta.empty()) return fromCandidate(meta);
    if (lowerPath.rfind("/account", 0) == 0) return {{}, SiteIdProblem::AccountPage};
    return {{}, SiteIdProblem::NoSiteInUrl};
}

bool looksLikeUrl(std::string_view s) {
    const std::string l = Poco::toLower(std::string(s.substr(0, std::min<std::size_t>(s.size(), 64))));
    return l.find("://") != std::string::npos || l.find('/') != std::string::npos ||
           l.find(".wix.com") != std::string::npos;
}

}  // namespace

bool isGuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
}

SiteIdParse parseSiteId(std::string_view input) {
    if (input.size() > kMaxInput) return {{}, SiteIdProblem::TooLong};
    std::string_view s = sdk::trimmedView(input);
    if (s.empty()) return {{}, SiteIdProblem::Empty};
    if (!printableAscii(s)) return {{}, SiteIdProblem::NotText};
    if (looksLikeUrl(s)) return fromUrl(s);
    return fromCandidate(s);
}

}  // namespace estore::wix

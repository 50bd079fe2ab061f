#include "site_id.h"

#include <algorithm>
#include <cctype>

namespace estore::wix {

namespace {

constexpr std::size_t kMaxInput = 2048;  // a dashboard URL is far shorter; longer input is not a paste of one

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool printableAscii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u > 0x20 && u < 0x7f;
    });
}

/// "manage.wix.com", "www.wix.com", "editor.wix.com" … but not "wix.com.evil.example".
bool isWixHost(std::string_view host) {
    const std::string h = lower(host);
    return h == "wix.com" || (h.size() > 8 && h.compare(h.size() - 8, 8, ".wix.com") == 0);
}

SiteIdParse fromCandidate(std::string_view candidate) {
    if (!isGuid(candidate)) return {{}, SiteIdProblem::NotGuid};
    return {lower(candidate), SiteIdProblem::None};
}

/// The value of a query parameter, case-insensitive name; empty when absent.
std::string_view queryParam(std::string_view query, std::string_view name) {
    while (!query.empty()) {
        const auto amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos && lower(pair.substr(0, eq)) == lower(name))
            return pair.substr(eq + 1);
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return {};
}

SiteIdParse fromUrl(std::string_view url) {
    std::string_view rest = url;
    if (const auto scheme = rest.find("://"); scheme != std::string_view::npos)
        rest.remove_prefix(scheme + 3);
    const auto hostEnd = rest.find_first_of("/?#");
    std::string_view host = rest.substr(0, hostEnd);
    if (const auto port = host.find(':'); port != std::string_view::npos) host = host.substr(0, port);
    if (!isWixHost(host)) return {{}, SiteIdProblem::NotWixUrl};
    rest = hostEnd == std::string_view::npos ? std::string_view{} : rest.substr(hostEnd);

    std::string_view path = rest.substr(0, rest.find_first_of("?#"));
    std::string_view query;
    if (const auto q = rest.find('?'); q != std::string_view::npos)
        query = rest.substr(q + 1, rest.find('#', q) - q - 1);

    const std::string lowerPath = lower(path);
    if (const auto pos = lowerPath.find("/dashboard/"); pos != std::string::npos) {
        std::string_view segment = path.substr(pos + 11);
        segment = segment.substr(0, segment.find('/'));
        return segment.empty() ? SiteIdParse{{}, SiteIdProblem::NoSiteInUrl} : fromCandidate(segment);
    }
    if (std::string_view meta = queryParam(query, "metaSiteId"); !meta.empty()) return fromCandidate(meta);
    if (lowerPath.rfind("/account", 0) == 0) return {{}, SiteIdProblem::AccountPage};
    return {{}, SiteIdProblem::NoSiteInUrl};
}

bool looksLikeUrl(std::string_view s) {
    const std::string l = lower(s.substr(0, std::min<std::size_t>(s.size(), 64)));
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
    std::string_view s = trim(input);
    if (s.empty()) return {{}, SiteIdProblem::Empty};
    if (!printableAscii(s)) return {{}, SiteIdProblem::NotText};
    if (looksLikeUrl(s)) return fromUrl(s);
    return fromCandidate(s);
}

}  // namespace estore::wix

#include "estore/sdk/redaction.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace estore::sdk {

namespace {

/// [begin, end) ranges of text to mask, ascending, possibly overlapping.
using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

Ranges wholeMatches(std::string_view text, std::string_view secret) {
    Ranges found;
    for (auto pos = text.find(secret); pos != std::string_view::npos; pos = text.find(secret, pos + 1))
        found.emplace_back(pos, pos + secret.size());
    return found;
}

/// Every maximal run starting at a position whose first kMinSecretFragment characters occur in the secret,
/// extended while the run still occurs in it.
Ranges fragmentMatches(std::string_view text, std::string_view secret) {
    Ranges found;
    if (text.size() < kMinSecretFragment) return found;
    std::unordered_set<std::string_view> grams;
    for (std::size_t i = 0; i + kMinSecretFragment <= secret.size(); ++i)
        grams.insert(secret.substr(i, kMinSecretFragment));
    std::size_t coveredTo = 0;
    for (std::size_t i = 0; i + kMinSecretFragment <= text.size(); ++i) {
        if (!grams.count(text.substr(i, kMinSecretFragment))) continue;
        std::size_t end = i + kMinSecretFragment;
        while (end < text.size() && secret.find(text.substr(i, end + 1 - i)) != std::string_view::npos) ++end;
        if (end > coveredTo) {
            found.emplace_back(i, end);
            coveredTo = end;
        }
    }
    return found;
}

}  // namespace

std::string redactSecret(std::string_view text, std::string_view secret) {
    if (secret.empty()) return std::string(text);
    const Ranges ranges =
        secret.size() < kMinSecretFragment ? wholeMatches(text, secret) : fragmentMatches(text, secret);
    if (ranges.empty()) return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;  // text before this is in `out`, as itself or inside a mask
    bool masked = false;     // `out` ends with a mask that reaches `copied`
    for (const auto& [begin, end] : ranges) {
        if (masked && end <= copied) continue;
        if (!masked || begin > copied) {  // a new mask; one that overlaps or touches the last extends it
            out.append(text.substr(copied, begin - copied));
            out += kSecretMask;
        }
        copied = std::max(copied, end);
        masked = true;
    }
    out.append(text.substr(copied));
    return out;
}

}  // namespace estore::sdk

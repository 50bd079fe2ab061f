#include "estore/host/fiscal/jws.h"

#include <openssl/evp.h>

#include <array>
#include <cstdint>

namespace estore::host {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The 6-bit value of a base64url character, or -1 (RFC 4648 §5 table).
constexpr std::array<std::int8_t, 256> decodeTable() {
    std::array<std::int8_t, 256> table{};
    for (auto& entry : table) entry = -1;
    for (std::size_t i = 0; i < kAlphabet.size(); ++i)
        table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<std::int8_t>(i);
    return table;
}

constexpr std::array<std::int8_t, 256> kDecode = decodeTable();

}  // namespace

std::string base64Encode(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int length =
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                        reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

std::string base64UrlEncode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t group = (static_cast<unsigned char>(bytes[i]) << 16) |
                                    (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                                    static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(group >> 18) & 63];
        out += kAlphabet[(group >> 12) & 63];
        out += kAlphabet[(group >> 6) & 63];
        out += kAlphabet[group & 63];
    }
    // RFC 7515 §2: the last 1 or 2 bytes give 2 or 3 characters, and no '=' follows.
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const std::uint32_t group = static_cast<unsigned char>(bytes[i]) << 16;
        out += kAlphabet[(group >> 18) & 63];
        out += kAlphabet[(group >> 12) & 63];
    } else if (rest == 2) {
        const std::uint32_t group =
            (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
        out += kAlphabet[(group >> 18) & 63];
        out += kAlphabet[(group >> 12) & 63];
        out += kAlphabet[(group >> 6) & 63];
    }
    return out;
}

std::optional<std::string> base64UrlDecode(std::string_view text) {
    if (text.size() % 4 == 1) return std::nullopt;  // 6 bits cannot end a byte
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const int value = kDecode[static_cast<unsigned char>(c)];
        if (value < 0) return std::nullopt;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}

std::optional<JwsParts> parseCompactJws(std::string_view token) {
    // RFC 7515 §7.1: exactly two '.' separate the three parts.
    const std::size_t first = token.find('.');
    if (first == std::string_view::npos) return std::nullopt;
    const std::size_t second = token.find('.', first + 1);
    if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos)
        return std::nullopt;
    const std::string_view header = token.substr(0, first);
    const std::string_view payload = token.substr(first + 1, second - first - 1);
    const std::string_view signature = token.substr(second + 1);
    if (header.empty() || payload.empty() || signature.empty()) return std::nullopt;
    auto headerBytes = base64UrlDecode(header);
    auto payloadBytes = base64UrlDecode(payload);
    auto signatureBytes = base64UrlDecode(signature);
    if (!headerBytes || !payloadBytes || !signatureBytes) return std::nullopt;
    return JwsParts{std::move(*headerBytes), std::move(*payloadBytes), std::move(*signatureBytes),
                    std::string(token.substr(0, second))};
}

std::string compactJws(const std::string& headerJson, const std::string& payload,
                       const std::function<std::string(const std::string& signingInput)>& signRs256) {
    const std::string signingInput = base64UrlEncode(headerJson) + "." + base64UrlEncode(payload);
    return signingInput + "." + base64UrlEncode(signRs256(signingInput));
}

}  // namespace estore::host

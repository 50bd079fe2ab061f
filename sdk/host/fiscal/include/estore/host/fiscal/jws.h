#pragma once
// JWS compact serialisation (RFC 7515 §3.1, §7.1) as FURS's JSON messages use it: every request and
// every response except echo is {"token":"<b64(header).b64(payload).b64(signature)>"}, signed RS256
// (RSASSA-PKCS1-v1_5 with SHA-256) over the ASCII text "b64(header).b64(payload)" [SPEC32 §8, §8.1].
// This is framing only: signing and checking belong to the key's owner (FiscalSigner, X509Certificate).
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace estore::host {

/// Standard base64 of the bytes (RFC 4648 §4) with '=' padding and no line breaks: what JWS "x5c" holds
/// (RFC 7515 §4.1.6), unlike the base64url of the three parts.
std::string base64Encode(std::string_view bytes);

/// Base64url of the bytes (RFC 4648 §5) without '=' padding, as RFC 7515 §2 defines BASE64URL.
std::string base64UrlEncode(std::string_view bytes);

/// The bytes of base64url text without padding; nullopt on a character outside [A-Za-z0-9_-] (padding
/// '=' included) or on a length that no encoding produces (length % 4 == 1).
std::optional<std::string> base64UrlDecode(std::string_view text);

/// A compact JWS taken apart.
struct JwsParts {
    std::string headerJson;    ///< decoded protected header (JSON text)
    std::string payload;       ///< decoded payload bytes (JSON text for FURS)
    std::string signature;     ///< decoded signature bytes
    std::string signingInput;  ///< the ASCII "b64(header).b64(payload)" exactly as received
};

/// Splits "b64(header).b64(payload).b64(signature)"; nullopt unless there are exactly three parts, each
/// non-empty valid base64url (FURS never sends an unsigned or detached-payload JWS).
std::optional<JwsParts> parseCompactJws(std::string_view token);

/// b64(header) "." b64(payload) "." b64(signRs256(b64(header) "." b64(payload))).
/// `signRs256` receives the signing input and returns the raw signature bytes.
std::string compactJws(const std::string& headerJson, const std::string& payload,
                       const std::function<std::string(const std::string& signingInput)>& signRs256);

}  // namespace estore::host

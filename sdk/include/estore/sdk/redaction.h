#pragma once
// Masks a secret in text that may carry it whole or in part: a Wix error that echoes the API key, cut
// short by truncation, still leaves a long prefix of it. Every run of kMinFragment or more characters
// that also occurs in the secret is masked, wherever it starts.
#include <cstddef>
#include <string>
#include <string_view>

namespace estore::sdk {

inline constexpr const char* kSecretMask = "[secret]";
/// Shorter shared runs are ordinary text ("https://", "00000000" in a UUID); real keys are far longer.
inline constexpr std::size_t kMinSecretFragment = 8;

/// `text` with every run of at least kMinSecretFragment characters that occurs in `secret` replaced by
/// kSecretMask (adjacent runs become one mask). A secret shorter than the fragment is masked only whole.
std::string redactSecret(std::string_view text, std::string_view secret);

}  // namespace estore::sdk

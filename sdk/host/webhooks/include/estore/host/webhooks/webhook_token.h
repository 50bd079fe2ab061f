#pragma once
// The secret in a store's webhook URL. Wix Automations sign nothing, so the URL's token is the only
// key: it is random (256 bits), shown once, and only its SHA-256 is kept, so a copy of the database
// cannot be used to send webhooks.
#include <string>

namespace estore::host {

class WebhookToken {
public:
    /// 32 random bytes from the system's generator, as 64 lowercase hex digits (URL-safe).
    static std::string generate();
    /// SHA-256 of the token, 64 lowercase hex digits.
    static std::string hash(const std::string& token);
    /// Compares two hashes without an early exit, so timing says nothing about how much matched.
    static bool equalHashes(const std::string& a, const std::string& b);
};

}  // namespace estore::host

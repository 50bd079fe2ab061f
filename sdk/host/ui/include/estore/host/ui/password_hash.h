#pragma once
// Passwords of the admin pages' users, kept as salted PBKDF2-HMAC-SHA256 hashes:
// "pbkdf2-sha256$<iterations>$<salt, base64url>$<hash, base64url>". The iteration count is stored with the
// hash, so raising it later leaves older hashes verifiable.
#include <string>

namespace estore::host {

class PasswordHash {
public:
    /// OWASP's Password Storage Cheat Sheet (2023) asks 600,000 iterations of PBKDF2-HMAC-SHA256.
    static constexpr int kIterations = 600000;
    static constexpr std::size_t kMinLength = 10;

    /// A new hash with 16 random bytes of salt.
    static std::string make(const std::string& password, int iterations = kIterations);
    /// True when the password matches the stored hash (compared in constant time); false for a stored
    /// text that is no hash of this form.
    static bool verify(const std::string& password, const std::string& stored);
    /// Why the password may not be used ("" when it may): too short, or only spaces.
    static std::string weakness(const std::string& password);
};

}  // namespace estore::host

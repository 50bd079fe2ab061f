#include "estore/host/ui/password_hash.h"

#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

#include "estore/host/fiscal/jws.h"

namespace estore::host {

namespace {

constexpr const char* kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::string derive(const std::string& password, const std::string& salt, int iterations) {
    std::string out(kHashBytes, '\0');
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                          iterations, EVP_sha256(), static_cast<int>(out.size()),
                          reinterpret_cast<unsigned char*>(out.data())) != 1)
        throw std::runtime_error("PBKDF2 failed");
    return out;
}

}  // namespace

std::string PasswordHash::make(const std::string& password, int iterations) {
    std::string salt(kSaltBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(salt.size())) != 1)
        throw std::runtime_error("the system's random generator gave no salt");
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + base64UrlEncode(salt) + "$" +
           base64UrlEncode(derive(password, salt, iterations));
}

bool PasswordHash::verify(const std::string& password, const std::string& stored) {
    Poco::StringTokenizer parts(stored, "$");
    int iterations = 0;
    if (parts.count() != 4 || parts[0] != kScheme || !Poco::NumberParser::tryParse(parts[1], iterations) ||
        iterations < 1)
        return false;
    const auto salt = base64UrlDecode(parts[2]);
    const auto expected = base64UrlDecode(parts[3]);
    if (!salt || !expected) return false;  // a salt or hash that is no base64url: no password matches it
    const std::string actual = derive(password, *salt, iterations);
    return expected->size() == actual.size() &&
           CRYPTO_memcmp(expected->data(), actual.data(), actual.size()) == 0;
}

std::string PasswordHash::weakness(const std::string& password) {
    if (password.find_first_not_of(" \t") == std::string::npos) return "empty";
    if (password.size() < kMinLength) return "too_short";
    return "";
}

}  // namespace estore::host

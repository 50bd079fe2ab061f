#include "estore/host/ui/password_hash.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <sstream>
#include <stdexcept>
#include <vector>

namespace estore::host {

namespace {

constexpr const char* kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::string base64(const std::string& bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

std::string unbase64(const std::string& text) {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    std::string bytes;
    char c;
    while (decoder.get(c)) bytes.push_back(c);
    return bytes;
}

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
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + base64(salt) + "$" +
           base64(derive(password, salt, iterations));
}

bool PasswordHash::verify(const std::string& password, const std::string& stored) {
    Poco::StringTokenizer parts(stored, "$");
    int iterations = 0;
    if (parts.count() != 4 || parts[0] != kScheme || !Poco::NumberParser::tryParse(parts[1], iterations) ||
        iterations < 1)
        return false;
    try {
        const std::string expected = unbase64(parts[3]);
        const std::string actual = derive(password, unbase64(parts[2]), iterations);
        return expected.size() == actual.size() &&
               CRYPTO_memcmp(expected.data(), actual.data(), actual.size()) == 0;
    } catch (const std::exception&) {
        return false;  // a salt or hash that is no base64: no password matches it
    }
}

std::string PasswordHash::weakness(const std::string& password) {
    if (password.find_first_not_of(" \t") == std::string::npos) return "empty";
    if (password.size() < kMinLength) return "too_short";
    return "";
}

}  // namespace estore::host

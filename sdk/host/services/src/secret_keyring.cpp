#include "estore/host/services/secret_keyring.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "estore/host/config/host_config.h"
#include "estore/host/storage/database.h"
#include "estore/sdk/atomic_file.h"

namespace estore::host {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kTagBytes = 16;
constexpr const char* kPrefix = "enc1:";
constexpr const char* kEnvironmentKey = "ESTORE_SECRET_KEY";

std::string base64(const std::string& bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_NO_PADDING);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

std::optional<std::string> unbase64(std::string text) {
    // With or without padding (`openssl rand -base64 32` pads), without line breaks.
    while (!text.empty() && (text.back() == '=' || text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    try {
        std::istringstream in(text);
        Poco::Base64Decoder decoder(in, Poco::BASE64_NO_PADDING);
        std::string bytes((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
        return bytes;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string randomBytes(std::size_t n) {
    std::string bytes(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(n)) != 1)
        throw std::runtime_error("the system's random source failed");
    return bytes;
}

/// The additional data every sealed value is bound to: the format and where the value lives.
std::string aad(const std::string& context) {
    return std::string("estore-secret-v1") + '\0' + context;
}

using Cipher = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

fs::path defaultKeyFile(const Database& db) {
    if (db.dialect() == SqlDialect::SQLite) return fs::path(db.location()).parent_path() / "secret.key";
    if (const char* config = std::getenv("XDG_CONFIG_HOME"); config && *config)
        return fs::path(config) / "estore-host" / "secret.key";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".config" / "estore-host" / "secret.key";
    throw std::runtime_error(
        "No place for the secrets key: set host.secret_key_file or ESTORE_SECRET_KEY (base64 of 32 bytes)");
}

/// Creates the file with `content` unless it exists; true when this call created it. Exclusive (link
/// fails when the name exists), so of two processes starting at once one key wins and both use it.
bool createExclusively(const fs::path& file, const std::string& content) {
    static std::atomic<unsigned> made{0};
    const fs::path temp = file.string() + ".new." + std::to_string(::getpid()) + "." + std::to_string(++made);
    sdk::AtomicFile::writeSecret(temp, content);
    const bool created = ::link(temp.c_str(), file.c_str()) == 0;
    std::error_code ec;
    fs::remove(temp, ec);
    return created;
}

}  // namespace

SecretKeyring::Key SecretKeyring::makeKey(std::string raw) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(raw.data()), raw.size(), digest);
    static const char* hex = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 4; ++i) {
        id += hex[digest[i] >> 4];
        id += hex[digest[i] & 15];
    }
    return {id, std::move(raw)};
}

SecretKeyring SecretKeyring::withKey(const std::string& rawKey) {
    if (rawKey.size() != kKeyBytes) throw std::invalid_argument("a secrets key is 32 bytes");
    SecretKeyring ring;
    ring._keys.push_back(makeKey(rawKey));
    return ring;
}

SecretKeyring SecretKeyring::load(HostConfig& config, const Database& db) {
    if (const char* env = std::getenv(kEnvironmentKey); env && *env) {
        const auto raw = unbase64(env);
        if (!raw || raw->size() != kKeyBytes)
            throw std::runtime_error(std::string(kEnvironmentKey) + " must be base64 of 32 bytes");
        SecretKeyring ring = withKey(*raw);
        ring._fromEnvironment = true;
        return ring;
    }
    const std::string configured = config.getString("host.secret_key_file", "");
    SecretKeyring ring;
    ring._file = configured.empty() ? defaultKeyFile(db) : fs::path(configured);
    std::error_code ec;
    if (!fs::exists(ring._file, ec)) {
        fs::create_directories(ring._file.parent_path(), ec);
        const Key key = makeKey(randomBytes(kKeyBytes));
        createExclusively(ring._file, key.id + " " + base64(key.raw) + "\n");
    }
    ring._keys = readKeys(ring._file);
    return ring;
}

std::vector<SecretKeyring::Key> SecretKeyring::readKeys(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
        throw std::runtime_error("The secrets key file " + file.string() +
                                 " can be read by other users; make it private (chmod 600)");
    std::vector<Key> keys;
    std::istringstream lines(sdk::AtomicFile::read(file));
    std::string id, encoded;
    while (lines >> id >> encoded) {
        const auto raw = unbase64(encoded);
        if (!raw || raw->size() != kKeyBytes || makeKey(*raw).id != id)
            throw std::runtime_error("The secrets key file " + file.string() + " is damaged (key " + id +
                                     ")");
        keys.push_back(makeKey(*raw));
    }
    if (keys.empty()) throw std::runtime_error("The secrets key file " + file.string() + " holds no key");
    return keys;
}

std::vector<SecretKeyring::Key> SecretKeyring::keys() const {
    std::lock_guard lock(*_lock);
    return _keys;
}

bool SecretKeyring::reload() {
    if (_fromEnvironment || _file.empty()) return false;
    std::vector<Key> fresh = readKeys(_file);
    std::lock_guard lock(*_lock);
    std::vector<std::string> before, after;
    for (const auto& k : _keys) before.push_back(k.id);
    for (const auto& k : fresh) after.push_back(k.id);
    _keys = std::move(fresh);
    return before != after;
}

bool SecretKeyring::isSealed(const std::string& value) {
    return value.rfind(kPrefix, 0) == 0;
}

std::string SecretKeyring::currentKeyId() const {
    return keys().front().id;
}

std::string SecretKeyring::seal(const std::string& plain, const std::string& context) const {
    const Key key = keys().front();
    const std::string nonce = randomBytes(kNonceBytes);
    const std::string additional = aad(context);
    std::string out(plain.size() + kTagBytes, '\0');
    Cipher ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0, total = 0;
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    if (!ctx ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
                           reinterpret_cast<const unsigned char*>(key.raw.data()),
                           reinterpret_cast<const unsigned char*>(nonce.data())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(additional.data()),
                          static_cast<int>(additional.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), o, &len, reinterpret_cast<const unsigned char*>(plain.data()),
                          static_cast<int>(plain.size())) != 1)
        throw std::runtime_error("sealing a secret failed");
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), o + total, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagBytes), o + total + len) !=
            1)
        throw std::runtime_error("sealing a secret failed");
    out.resize(static_cast<std::size_t>(total + len) + kTagBytes);
    return std::string(kPrefix) + key.id + ":" + base64(nonce + out);
}

std::optional<std::string> SecretKeyring::open(const std::string& sealed, const std::string& context,
                                               std::string* error) const {
    auto fail = [&](const std::string& why) -> std::optional<std::string> {
        if (error) *error = why;
        return std::nullopt;
    };
    if (!isSealed(sealed)) return fail("not a sealed value");
    const auto colon = sealed.find(':', std::string(kPrefix).size());
    if (colon == std::string::npos) return fail("malformed sealed value");
    const std::string id = sealed.substr(std::string(kPrefix).size(), colon - std::string(kPrefix).size());
    const std::vector<Key> ring = keys();
    const Key* key = nullptr;
    for (const auto& k : ring)
        if (k.id == id) key = &k;
    if (!key)
        return fail("sealed with key " + id + ", which is not in this host's keyring (" +
                    (_fromEnvironment ? std::string(kEnvironmentKey) : _file.string()) + ")");
    const auto bytes = unbase64(sealed.substr(colon + 1));
    if (!bytes || bytes->size() < kNonceBytes + kTagBytes) return fail("malformed sealed value");
    const std::string additional = aad(context);
    const std::size_t cipherSize = bytes->size() - kNonceBytes - kTagBytes;
    const auto* in = reinterpret_cast<const unsigned char*>(bytes->data());
    std::string plain(cipherSize, '\0');
    Cipher ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    std::string tag = bytes->substr(kNonceBytes + cipherSize);
    if (!ctx ||
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
                           reinterpret_cast<const unsigned char*>(key->raw.data()), in) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(additional.data()),
                          static_cast<int>(additional.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &len, in + kNonceBytes,
                          static_cast<int>(cipherSize)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes), tag.data()) != 1)
        return fail("the sealed value cannot be opened");
    int finalLen = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + len, &finalLen) != 1)
        return fail("the sealed value was altered or belongs elsewhere (authentication failed)");
    plain.resize(static_cast<std::size_t>(len + finalLen));
    return plain;
}

void SecretKeyring::addNewKey() {
    {
        std::lock_guard lock(*_lock);
        _keys.insert(_keys.begin(), makeKey(randomBytes(kKeyBytes)));
    }
    save();
}

void SecretKeyring::dropOldKeys() {
    {
        std::lock_guard lock(*_lock);
        _keys.resize(1);
    }
    save();
}

void SecretKeyring::save() const {
    if (_fromEnvironment || _file.empty())
        throw std::runtime_error(std::string("The secrets key comes from ") + kEnvironmentKey +
                                 ": change it there (rotation needs a key file)");
    std::string content;
    for (const auto& key : keys()) content += key.id + " " + base64(key.raw) + "\n";
    sdk::AtomicFile::writeSecret(_file, content);
}

}  // namespace estore::host

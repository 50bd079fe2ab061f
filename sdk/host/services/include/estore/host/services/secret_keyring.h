#pragma once
// The host's key for secrets at rest (API keys in store_secrets): AES-256-GCM, the key kept outside the
// database. Where the key comes from, first match wins:
//   1. the environment variable ESTORE_SECRET_KEY: base64 of 32 bytes (a container's secret store);
//   2. host.secret_key_file;
//   3. secret.key beside a SQLite database; for PostgreSQL, $XDG_CONFIG_HOME/estore-host/secret.key or
//      ~/.config/estore-host/secret.key (every worker of this account on this machine shares it; workers
//      on other machines need the same key through 1 or 2).
// A key file is created on first use: 32 random bytes, mode 0600, created exclusively so two processes
// starting at once agree on one key. A file may hold several keys (the first seals, all open): rotating
// adds a key in front, re-seals every secret, then drops the old ones, so a crash at any step leaves
// every secret readable.
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace estore::host {

class Database;
class HostConfig;

class SecretKeyring {
public:
    static SecretKeyring load(HostConfig& config, const Database& db);
    /// A keyring of one given key (tests, benchmarks).
    static SecretKeyring withKey(const std::string& rawKey);

    /// "enc1:<key id>:<base64 of nonce, ciphertext and tag>". `context` (the store and the secret's name)
    /// is authenticated with it, so a sealed value copied to another row does not open.
    std::string seal(const std::string& plain, const std::string& context) const;
    /// The plain value; nullopt with `error` saying why (unknown key id, tampered, malformed), never the
    /// value or the key.
    std::optional<std::string> open(const std::string& sealed, const std::string& context,
                                    std::string* error) const;
    static bool isSealed(const std::string& value);

    /// Reads the key file again (another process rotated the key); false when nothing changed or the keys
    /// come from the environment.
    bool reload();
    /// Adds a new key in front (it seals from now on) and saves the file; the old keys still open.
    void addNewKey();
    /// Keeps only the first key and saves the file.
    void dropOldKeys();
    bool fromEnvironment() const { return _fromEnvironment; }
    const std::filesystem::path& file() const { return _file; }
    std::string currentKeyId() const;

private:
    struct Key {
        std::string id;   ///< 8 hex digits of the key's SHA-256: names it in sealed values, never reveals it
        std::string raw;  ///< 32 bytes
    };
    static Key makeKey(std::string raw);
    static std::vector<Key> readKeys(const std::filesystem::path& file);
    void save() const;
    std::vector<Key> keys() const;

    /// Several threads of one host open secrets while one of them may reload the keys.
    std::unique_ptr<std::mutex> _lock = std::make_unique<std::mutex>();
    std::vector<Key> _keys;
    std::filesystem::path _file;
    bool _fromEnvironment = false;
};

}  // namespace estore::host

// Secrets at rest: sealed with AES-256-GCM under a key kept outside the database, bound to their row,
// opened only with a key of the keyring; the key file created once, private, shared by processes that
// start together; an environment key instead of a file; values stored in clear by an older host sealed on
// first sight; rotation that leaves every secret readable, also by a worker that loaded the old key.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "estore/host/config/host_config.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/services/secret_keyring.h"
#include "estore/host/storage/database.h"
#include "test_support.h"

using namespace estore::host;

namespace {

const std::string kApiKey = "IST.eyJraWQiOiJQb3pIX2FDMiIsImFsZyI6IlJTMjU2In0.sealed-at-rest-0123456789";

std::string context(const std::string& store, const std::string& name) {
    return store + '\0' + name;
}

unsigned modeOf(const std::filesystem::path& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 0777) : 0;
}

std::string rawValue(Database& db, const std::string& store) {
    std::string value;
    db.session() << db.sql("SELECT value FROM store_secrets WHERE store_id = ?"),
        Poco::Data::Keywords::bind(store), Poco::Data::Keywords::into(value), Poco::Data::Keywords::now;
    return value;
}

TEST(SecretKeyring, ASealedValueOpensOnlyInItsOwnRowWithAKeyOfTheRing) {
    const auto ring = SecretKeyring::withKey(std::string(32, 'k'));
    const std::string sealed = ring.seal(kApiKey, context("wix-1", "api_key"));
    EXPECT_TRUE(SecretKeyring::isSealed(sealed));
    EXPECT_EQ(sealed.find("sealed-at-rest"), std::string::npos) << "no plaintext in the sealed form";
    EXPECT_NE(ring.seal(kApiKey, context("wix-1", "api_key")), sealed) << "a fresh nonce each time";
    std::string error;
    EXPECT_EQ(ring.open(sealed, context("wix-1", "api_key"), &error).value_or(""), kApiKey);

    EXPECT_FALSE(ring.open(sealed, context("wix-2", "api_key"), &error)) << "copied to another store's row";
    EXPECT_NE(error.find("altered or belongs elsewhere"), std::string::npos) << error;
    std::string tampered = sealed;
    tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(ring.open(tampered, context("wix-1", "api_key"), &error));
    const auto other = SecretKeyring::withKey(std::string(32, 'o'));
    EXPECT_FALSE(other.open(sealed, context("wix-1", "api_key"), &error));
    EXPECT_NE(error.find("not in this host's keyring"), std::string::npos) << error;
    EXPECT_EQ(error.find(kApiKey), std::string::npos);
    EXPECT_FALSE(ring.open("enc1:zz", context("wix-1", "api_key"), &error));
}

TEST(SecretKeyring, TheKeyFileIsCreatedOncePrivateAndSharedByProcessesStartingTogether) {
    ESTORE_SQLITE_ONLY("the key file beside the database file");
    estore::test::TempDir dir;
    Database db(dir.database());
    HostConfig config;
    std::string first, second;
    std::thread a([&] { first = SecretKeyring::load(config, db).currentKeyId(); });
    std::thread b([&] { second = SecretKeyring::load(config, db).currentKeyId(); });
    a.join();
    b.join();
    EXPECT_EQ(first, second) << "one key, whoever created it";
    const auto file = dir.path() / "secret.key";
    ASSERT_TRUE(std::filesystem::exists(file));
    EXPECT_EQ(modeOf(file), 0600u);
    EXPECT_EQ(SecretKeyring::load(config, db).currentKeyId(), first) << "read again, not made again";

    std::filesystem::permissions(file,
                                 std::filesystem::perms::group_read | std::filesystem::perms::others_read,
                                 std::filesystem::perm_options::add);
    try {
        SecretKeyring::load(config, db);
        ADD_FAILURE() << "a key file others can read was used";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("chmod 600"), std::string::npos) << e.what();
    }
}

TEST(SecretKeyring, AKeyFromTheEnvironmentNeedsNoFileAndMustBe32Bytes) {
    ESTORE_SQLITE_ONLY("the key file beside the database file");
    estore::test::TempDir dir;
    Database db(dir.database());
    HostConfig config;
    ::setenv("ESTORE_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", 1);  // 32 bytes, padded
    const auto ring = SecretKeyring::load(config, db);
    EXPECT_TRUE(ring.fromEnvironment());
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "secret.key"));
    ::setenv("ESTORE_SECRET_KEY", "c2hvcnQ=", 1);
    try {
        SecretKeyring::load(config, db);
        ADD_FAILURE() << "a 5-byte key was taken";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("ESTORE_SECRET_KEY must be base64 of 32 bytes"),
                  std::string::npos);
    }
    ::unsetenv("ESTORE_SECRET_KEY");
}

class SecretsAtRest : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        _db = std::make_unique<Database>(_dir.database());
        // Each test its own key file (in PostgreSQL runs too, where the default is the user's).
        _config.setOverride("host.secret_key_file", _dir.file("secret.key"));
    }

    estore::test::TempDir _dir;
    std::unique_ptr<Database> _db;
    HostConfig _config;
};

TEST_F(SecretsAtRest, TheDatabaseHoldsTheKeySealedAndThePluginReadsItInClear) {
    HostServiceSet host(*_db, _config);
    host.secrets().store("wix-1", {{"api_key", kApiKey}});
    const std::string stored = rawValue(*_db, "wix-1");
    EXPECT_TRUE(SecretKeyring::isSealed(stored)) << stored;
    EXPECT_EQ(stored.find("sealed-at-rest"), std::string::npos);
    EXPECT_EQ(host.services().secrets->read("wix-1", "api_key").value_or(""), kApiKey);
    EXPECT_EQ(host.secrets().values("wix-1"), std::vector<std::string>{kApiKey}) << "for the Redactor";
    EXPECT_EQ(modeOf(_dir.file("secret.key")), 0600u);
}

TEST_F(SecretsAtRest, AValueAnOlderHostStoredInClearIsSealedOnFirstSight) {
    _db->execute("INSERT INTO store_secrets (store_id, name, value) VALUES ('wix-1', 'api_key', '" + kApiKey +
                 "')");
    HostServiceSet host(*_db, _config);
    EXPECT_EQ(host.secrets().read("wix-1", "api_key").value_or(""), kApiKey) << "readable before";
    EXPECT_EQ(host.secrets().sealPlaintext(), 1u);
    EXPECT_TRUE(SecretKeyring::isSealed(rawValue(*_db, "wix-1")));
    EXPECT_EQ(host.secrets().read("wix-1", "api_key").value_or(""), kApiKey) << "and after";
    EXPECT_EQ(host.secrets().sealPlaintext(), 0u);
}

TEST_F(SecretsAtRest, RotatingTheKeySealsEverySecretAgainAndAWorkerWithTheOldKeyStillReadsThem) {
    HostServiceSet host(*_db, _config);
    host.secrets().store("wix-1", {{"api_key", kApiKey}});
    host.secrets().store("wix-2", {{"api_key", kApiKey + "-2"}});
    Database workerConnection(_dir.database());
    HostServiceSet worker(workerConnection, _config);  // started before the rotation: it has the old key
    const std::string before = host.keyring().currentKeyId();
    const std::string sealedBefore = rawValue(*_db, "wix-1");

    host.keyring().addNewKey();
    EXPECT_EQ(host.secrets().resealAll(), 2u);
    host.keyring().dropOldKeys();

    EXPECT_NE(host.keyring().currentKeyId(), before);
    EXPECT_NE(rawValue(*_db, "wix-1"), sealedBefore);
    std::ifstream file(_dir.file("secret.key"));
    std::string line;
    int keys = 0;
    while (std::getline(file, line)) keys += line.empty() ? 0 : 1;
    EXPECT_EQ(keys, 1) << "the old key is gone";
    EXPECT_EQ(host.secrets().read("wix-1", "api_key").value_or(""), kApiKey);
    EXPECT_EQ(host.secrets().read("wix-2", "api_key").value_or(""), kApiKey + "-2");
    EXPECT_EQ(worker.secrets().read("wix-1", "api_key").value_or(""), kApiKey) << "reads the key file again";
    // A fresh host with only the old key file could not: the key really changed.
    const auto oldRing = SecretKeyring::withKey(std::string(32, 'x'));
    std::string error;
    EXPECT_FALSE(oldRing.open(rawValue(*_db, "wix-1"), context("wix-1", "api_key"), &error));
}

}  // namespace

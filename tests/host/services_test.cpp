// The host services the plugin gets: state with compare-and-set, secrets, activity, scheduler, config.
#include <gtest/gtest.h>

#include <Poco/Util/MapConfiguration.h>

#include <cstdlib>

#include "estore/host/demo/sandbox_process.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/job_repository.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/storage/transaction.h"
#include "test_support.h"

using namespace estore::host;
using estore::host_api::ActivityLevel;
using estore::host_api::ErrorCategory;

namespace {

class Services : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        _db = std::make_unique<Database>(_dir.database());
        _host = std::make_unique<HostServiceSet>(*_db, _config);
        StoreRecord store;
        store.id = "wix-1";
        store.platform = "wix";
        StoreRepository(*_db).insert(store);
    }

    estore::test::TempDir _dir;
    HostConfig _config;
    std::unique_ptr<Database> _db;
    std::unique_ptr<HostServiceSet> _host;
};

}  // namespace

TEST_F(Services, StateCompareAndSet) {
    auto& state = *_host->services().state;
    EXPECT_FALSE(state.get("wix-1", "cursor"));
    EXPECT_TRUE(state.compareAndSet("wix-1", "cursor", std::nullopt, "a"));
    EXPECT_FALSE(state.compareAndSet("wix-1", "cursor", std::nullopt, "b")) << "absent was expected";
    EXPECT_FALSE(state.compareAndSet("wix-1", "cursor", std::string("x"), "b")) << "wrong expected value";
    EXPECT_EQ(state.get("wix-1", "cursor"), "a");
    EXPECT_TRUE(state.compareAndSet("wix-1", "cursor", std::string("a"), "b"));
    EXPECT_EQ(state.get("wix-1", "cursor"), "b");
    EXPECT_FALSE(state.get("wix-2", "cursor")) << "state is per store";
}

TEST_F(Services, StateCompareAndSetAcrossConnections) {
    Database other(_dir.database());
    HostConfig config;
    HostServiceSet otherHost(other, config);
    EXPECT_TRUE(_host->state().compareAndSet("wix-1", "k", std::nullopt, "1"));
    EXPECT_FALSE(otherHost.state().compareAndSet("wix-1", "k", std::nullopt, "2"));
    EXPECT_TRUE(otherHost.state().compareAndSet("wix-1", "k", std::string("1"), "2"));
    EXPECT_FALSE(_host->state().compareAndSet("wix-1", "k", std::string("1"), "3")) << "stale expectation";
}

TEST_F(Services, SecretsAreReadButNeverWrittenIntoTheActivityLog) {
    const std::string key = "IST.eyJhbGciOiJSUzI1NiJ9.secret-api-key-value";
    _host->secrets().store("wix-1", {{"api_key", key}});
    EXPECT_EQ(_host->services().secrets->read("wix-1", "api_key"), key);
    EXPECT_FALSE(_host->services().secrets->read("wix-1", "other"));
    _host->services().activity->record("wix-1", ActivityLevel::Error, "wix.auth.invalid_key",
                                       {"Ključ " + key + " ni veljaven", "Key " + key + " is invalid"},
                                       "Authorization: " + key);
    auto entries = _host->activity().list("wix-1");
    ASSERT_EQ(entries.size(), 1u);
    for (const auto* text : {&entries[0].message.sl, &entries[0].message.en, &entries[0].detail}) {
        EXPECT_EQ(text->find(key), std::string::npos) << *text;
        EXPECT_NE(text->find("[secret]"), std::string::npos) << *text;
    }
    EXPECT_EQ(entries[0].level, "error");
}

TEST_F(Services, SchedulerWritesJobsAndRefusesUnknownStores) {
    auto& scheduler = *_host->services().scheduler;
    EXPECT_TRUE(scheduler.schedule("wix-1", {"orders.import", 3600, 0}).ok());
    EXPECT_TRUE(scheduler.schedule("wix-1", {"orders.import", 1800, 0}).ok());
    EXPECT_TRUE(scheduler.runSoon("wix-1", "orders.fetch", {{"orderId", "1"}}).ok());
    auto unknown = scheduler.schedule("nope-9", {"orders.import", 3600, 0});
    EXPECT_EQ(unknown.category, ErrorCategory::NotFound);
    EXPECT_FALSE(unknown.message.sl.empty());
    auto jobs = JobRepository(*_db).list("wix-1");
    ASSERT_EQ(jobs.size(), 2u);
    EXPECT_TRUE(scheduler.cancel("wix-1", "orders.import").ok());
    EXPECT_EQ(JobRepository(*_db).list("wix-1").size(), 1u);
}

TEST_F(Services, SchedulingJoinsTheCallersTransaction) {
    {
        Transaction tx(*_db);
        EXPECT_TRUE(_host->services().scheduler->schedule("wix-1", {"orders.import", 3600, 0}).ok());
        tx.rollback();
    }
    EXPECT_TRUE(JobRepository(*_db).list().empty());
}

TEST_F(Services, ServicesDoNotThrowWhenTheDatabaseFails) {
    _db->execute("DROP TABLE store_state");
    _db->execute("DROP TABLE jobs");
    EXPECT_NO_THROW({
        EXPECT_FALSE(_host->services().state->get("wix-1", "k"));
        EXPECT_FALSE(_host->services().state->compareAndSet("wix-1", "k", std::nullopt, "v"));
        auto outcome = _host->services().scheduler->schedule("wix-1", {"orders.import", 3600, 0});
        EXPECT_EQ(outcome.category, ErrorCategory::Transient);
    });
}

TEST(HostConfigLayers, EnvironmentOverridesFileWhichOverridesDefaults) {
    HostConfig defaults;
    ::unsetenv("WIX_API_BASE_URL");
    EXPECT_EQ(defaults.get("wix.api_base_url"), "https://www.wixapis.com");
    EXPECT_FALSE(defaults.get("wix.ca_file"));

    Poco::AutoPtr<Poco::Util::MapConfiguration> file = new Poco::Util::MapConfiguration;
    file->setString("wix.api_base_url", "http://file.example");
    file->setString("wix.ca_file", "/etc/ca.pem");
    file->setString("system.env.HOME", "/root");
    HostConfig config(Poco::AutoPtr<Poco::Util::AbstractConfiguration>(file.get(), true));
    EXPECT_EQ(config.get("wix.api_base_url"), "http://file.example");
    EXPECT_EQ(config.get("wix.ca_file"), "/etc/ca.pem");
    EXPECT_FALSE(config.get("system.env.HOME")) << "Poco's system branch is not for plugins";

    ::setenv("WIX_API_BASE_URL", "http://env.example", 1);
    EXPECT_EQ(config.get("wix.api_base_url"), "http://env.example");
    config.setOverride("wix.api_base_url", "http://127.0.0.1:1");
    EXPECT_EQ(config.get("wix.api_base_url"), "http://127.0.0.1:1");
    ::unsetenv("WIX_API_BASE_URL");
}

TEST_F(Services, TheDatabaseCannotSetWhereTheKeysGoOrWhichCodeIsLoaded) {
    _db->execute("INSERT INTO host_config (name, value) VALUES ('wix.api_base_url', 'https://evil.example')");
    _db->execute("INSERT INTO host_config (name, value) VALUES ('host.plugins_dir', '/tmp/evil')");
    _db->execute("INSERT INTO host_config (name, value) VALUES ('mail.smtp_host', 'evil.example')");
    _db->execute("INSERT INTO host_config (name, value) VALUES ('wix.retry_max_ms', '1234')");
    Poco::AutoPtr<Poco::Util::MapConfiguration> file = new Poco::Util::MapConfiguration;
    file->setString("host.plugins_dir", "/usr/lib/estore/plugins");
    HostConfig config(Poco::AutoPtr<Poco::Util::AbstractConfiguration>(file.get(), true));
    ::unsetenv("WIX_API_BASE_URL");
    config.loadStored(*_db);
    EXPECT_EQ(config.get("wix.api_base_url"), "https://www.wixapis.com");
    EXPECT_EQ(config.get("host.plugins_dir"), "/usr/lib/estore/plugins");
    EXPECT_FALSE(config.get("mail.smtp_host"));
    EXPECT_EQ(config.get("wix.retry_max_ms"), "1234") << "an ordinary setting may still change at run time";
    EXPECT_TRUE(HostConfig::isFileOnly("fiscal.furs_url"));
    EXPECT_FALSE(HostConfig::isFileOnly("fiscal.retry_seconds"));
}

TEST(SandboxState, TheSeededIdentityComesFromTheStateDocument) {
    auto identity = SandboxProcess::identityFromState(
        R"({"defaultSiteId":"aaaa","defaultApiKey":"IST.k","sites":[{"siteId":"bbbb"}],"keys":[]})");
    EXPECT_EQ(identity.siteId, "aaaa");
    EXPECT_EQ(identity.apiKey, "IST.k");
    identity = SandboxProcess::identityFromState(
        R"({"sites":[{"siteId":"cccc"}],"keys":[{"key":"old","revoked":true},{"key":"IST.new"}]})");
    EXPECT_EQ(identity.siteId, "cccc");
    EXPECT_EQ(identity.apiKey, "IST.new");
}

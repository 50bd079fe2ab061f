// Adding a store with a scripted plugin: validate decides, and activate's jobs share the store's fate.
#include <gtest/gtest.h>

#include <Poco/Data/Statement.h>

#include "estore/host/enrollment/store_enrollment.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/job_repository.h"
#include "estore/host/storage/store_repository.h"
#include "test_support.h"

using namespace estore::host;
using namespace estore::host_api;
using namespace Poco::Data::Keywords;

namespace {

const std::string kKey = "IST.very-secret-key-0123456789";

/// A plugin whose answers the test decides.
class ScriptedStore final : public ElectronicStore {
public:
    Validation validation;
    Outcome activation;
    std::optional<std::string> secretSeenInActivate;
    Settings secretsSeenInValidate;

    StoreDescriptor describe() const override { return {}; }
    Validation validate(const Settings&, const Settings& secrets, HostServices&) override {
        secretsSeenInValidate = secrets;
        return validation;
    }
    Outcome activate(const StoreRef& store, HostServices& host) override {
        secretSeenInActivate = host.secrets->read(store.storeId, "api_key");
        auto scheduled = host.scheduler->schedule(store.storeId, {"orders.import", 3600, 0});
        if (!scheduled.ok()) return scheduled;
        return activation;
    }
    Outcome deactivate(const StoreRef&, HostServices&) override { return {}; }
    JobReport runJob(const JobRequest&, HostServices&) override { return {}; }
    WebhookAck onWebhook(const StoreRef&, const WebhookRequest&, HostServices&) override { return {}; }
};

class Enrollment : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        _db = std::make_unique<Database>(_dir.database());
        _host = std::make_unique<HostServiceSet>(*_db, _config);
        _plugin.validation.shop = {"Trgovina Lipa", "EUR", "V3", {{"site_id", "abc"}}};
        _plugin.validation.normalized = {{"site_id", "abc"}};
    }

    EnrollmentResult enroll() {
        const std::vector<FieldSpec> fields = {
            {"api_key", FieldKind::Secret, {}, {}, true, true, "", {}, ""},
            {"site_id", FieldKind::Text, {}, {}, true, false, "", {}, ""},
        };
        StoreEnrollment enrollment(*_host);
        enrollment.onStage([this](const std::string& stage) { _stages.push_back(stage); });
        return enrollment.enroll(_plugin, "wix", fields,
                                 {{"site_id", "https://manage.wix.com/dashboard/abc/home"}},
                                 {{"api_key", kKey}});
    }

    std::int64_t count(const std::string& table) {
        Poco::Int64 n = 0;
        _db->session() << "SELECT COUNT(*) FROM " + table, into(n), now;
        return n;
    }

    void expectNothingStored() {
        EXPECT_EQ(count("stores"), 0);
        EXPECT_EQ(count("store_secrets"), 0);
        EXPECT_EQ(count("jobs"), 0);
    }

    estore::test::TempDir _dir;
    HostConfig _config;
    std::unique_ptr<Database> _db;
    std::unique_ptr<HostServiceSet> _host;
    ScriptedStore _plugin;
    std::vector<std::string> _stages;
};

}  // namespace

TEST_F(Enrollment, StoresTheNormalizedSettingsSecretsApartAndTheJobs) {
    auto result = enroll();
    ASSERT_TRUE(result.ok()) << result.outcome.code << " " << result.outcome.detail;
    EXPECT_EQ(result.stage, "done");
    EXPECT_EQ(result.store.id, "wix-1");
    EXPECT_EQ(result.store.settings.at("site_id"), "abc");
    EXPECT_EQ(result.store.settings.count("api_key"), 0u) << "a secret must never be a setting";
    EXPECT_EQ(result.store.shop.name, "Trgovina Lipa");
    EXPECT_EQ(_plugin.secretsSeenInValidate.at("api_key"), kKey);
    EXPECT_EQ(_plugin.secretSeenInActivate, kKey) << "activate reads the key in the same transaction";
    ASSERT_EQ(result.jobs.size(), 1u);
    EXPECT_EQ(result.jobs[0].job, "orders.import");
    EXPECT_EQ(result.jobs[0].intervalSeconds, 3600);

    auto stored = StoreRepository(*_db).find("wix-1");
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->status, "active");
    EXPECT_EQ(stored->shop.currency, "EUR");
    auto activity = _host->activity().list("wix-1");
    ASSERT_FALSE(activity.empty());
    EXPECT_EQ(activity.front().code, "store.added");
}

TEST_F(Enrollment, TellsItsStagesAsTheyBeginForProgress) {
    ASSERT_TRUE(enroll().ok());
    EXPECT_EQ(_stages, (std::vector<std::string>{"validate", "activate"}));
    _stages.clear();
    _plugin.validation.outcome = Outcome::failure(ErrorCategory::Auth, "wix.auth.invalid_key",
                                                  {"Napačen ključ", "Wrong key"}, "", "api_key");
    EXPECT_FALSE(enroll().ok());
    EXPECT_EQ(_stages, (std::vector<std::string>{"validate"})) << "a refused store is never activated";
}

TEST_F(Enrollment, AFailedValidationStoresNothing) {
    _plugin.validation.outcome =
        Outcome::failure(ErrorCategory::Auth, "wix.auth.invalid_key",
                         {"Napačen ključ " + kKey, "Wrong key " + kKey}, "", "api_key");
    auto result = enroll();
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.stage, "validate");
    EXPECT_EQ(result.outcome.field, "api_key");
    EXPECT_EQ(result.outcome.message.en.find(kKey), std::string::npos) << "the host scrubs secrets, too";
    expectNothingStored();
}

TEST_F(Enrollment, FieldErrorsAloneAlsoStopIt) {
    _plugin.validation.fieldErrors = {{"site_id", "wix.site_id.invalid", {"Napačen ID", "Bad Site ID"}}};
    auto result = enroll();
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.outcome.field, "site_id");
    EXPECT_EQ(result.outcome.category, ErrorCategory::Config);
    expectNothingStored();
}

TEST_F(Enrollment, AFailedActivationRollsBackTheStoreItsSecretsAndItsJobs) {
    _plugin.activation = Outcome::failure(ErrorCategory::Transient, "wix.webhook", {"x", "y"});
    auto result = enroll();
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.stage, "activate");
    expectNothingStored();
    EXPECT_FALSE(_db->inTransaction());
    // The next store still works and gets a fresh id.
    _plugin.activation = Outcome::success();
    auto next = enroll();
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(count("stores"), 1);
}

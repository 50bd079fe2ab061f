// add-store against wix-sandbox, end to end: the happy path survives restarts; every failure cause makes
// add-store exit 2, names the field and the cause, keeps the key secret and stores nothing.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "e2e_fixture.h"

using estore::test::HostE2E;
using estore::test::ProcessResult;

namespace {

const std::string kUnknownSite = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

Poco::JSON::Object::Ptr findJob(const Poco::JSON::Array::Ptr& jobs, const std::string& name) {
    for (std::size_t i = 0; jobs && i < jobs->size(); ++i)
        if (jobs->getObject(i)->getValue<std::string>("job") == name) return jobs->getObject(i);
    return nullptr;
}

}  // namespace

class AddStoreE2E : public HostE2E {
protected:
    /// add-store must fail with `exitCode` (5 the shop refused the credentials, 4 a setting is wrong, 2 the
    /// shop or the network failed), name the field and the cause, leak nothing and store nothing.
    void expectRefused(const ProcessResult& result, int exitCode, const std::string& field,
                       const std::string& cause, const std::string& secret) {
        EXPECT_EQ(result.exitCode, exitCode) << result.describe();
        if (!field.empty()) {
            EXPECT_NE(result.err.find("Polje: " + field), std::string::npos) << result.err;
        }
        EXPECT_NE(result.err.find(cause), std::string::npos) << "cause '" << cause << "' not named:\n"
                                                             << result.err;
        expectNoSecret(result, secret);
        EXPECT_EQ(storesJson()->size(), 0u) << "nothing may be stored";
        EXPECT_EQ(jobsJson()->size(), 0u) << "no job may be registered";
    }
};

TEST_F(AddStoreE2E, AddsTheSeededShopAndItsJobsSurviveARestart) {
    startSandbox();
    auto added = addStore(_identity.apiKey, dashboardUrl(_identity.siteId), true);
    ASSERT_EQ(added.exitCode, 0) << added.describe();
    expectNoSecret(added, _identity.apiKey);
    auto root = json(added);
    EXPECT_TRUE(root->getValue<bool>("ok"));
    auto store = root->getObject("store");
    const std::string storeId = store->getValue<std::string>("id");
    EXPECT_FALSE(store->getObject("shop")->getValue<std::string>("name").empty());
    EXPECT_FALSE(store->getObject("shop")->getValue<std::string>("currency").empty());
    EXPECT_EQ(store->getObject("settings")->getValue<std::string>("site_id"), _identity.siteId)
        << "the bare Site ID is stored, not the pasted URL";
    ASSERT_TRUE(findJob(root->getArray("jobs"), "orders.import"));

    // A new process on the same database: the job is still there, hourly.
    auto jobs = jobsJson();
    auto import = findJob(jobs, "orders.import");
    ASSERT_TRUE(import);
    EXPECT_EQ(import->getValue<std::string>("store_id"), storeId);
    EXPECT_EQ(import->getValue<int>("interval_seconds"), 3600);

    auto stores = host({"stores", "--json"});
    expectNoSecret(stores, _identity.apiKey);
    ASSERT_EQ(json(stores)->getArray("stores")->size(), 1u);
    EXPECT_EQ(json(stores)->getArray("stores")->getObject(0)->getValue<std::string>("status"), "active");
    auto text = host({"stores"});
    expectNoSecret(text, _identity.apiKey);
    auto activity = host({"activity", storeId, "--json"});
    EXPECT_EQ(activity.exitCode, 0);
    expectNoSecret(activity, _identity.apiKey);
    EXPECT_NE(activity.out.find("store.added"), std::string::npos) << activity.out;
}

TEST_F(AddStoreE2E, RunOnceRunsTheDueImportAndPlansTheNextOne) {
    startSandbox();
    auto added = addStore(_identity.apiKey, _identity.siteId, true);
    ASSERT_EQ(added.exitCode, 0) << added.describe();
    const std::string storeId = json(added)->getObject("store")->getValue<std::string>("id");

    auto run = host({"run", "--once", "--worker", "e2e"});
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    expectNoSecret(run, _identity.apiKey);
    auto import = findJob(jobsJson(), "orders.import");
    ASSERT_TRUE(import);
    EXPECT_FALSE(import->isNull("last_status")) << "the run is recorded";
    EXPECT_TRUE(import->isNull("lease_owner")) << "and its lease released";
    const auto lastRun = import->getValue<Poco::Int64>("last_run_at");
    EXPECT_GT(import->getValue<Poco::Int64>("next_run_at"), lastRun);
    auto activity = host({"activity", storeId, "--json"});
    expectNoSecret(activity, _identity.apiKey);
    EXPECT_GE(json(activity)->getArray("activity")->size(), 2u) << activity.out;
}

TEST_F(AddStoreE2E, TheKeyFromTheEnvironmentIsSealedInAPrivateDatabaseAndSurvivesAKeyRotation) {
    ESTORE_SQLITE_ONLY("the database and key files' modes and bytes");
    startSandbox();
    // The API key never on the command line: ESTORE_SECRET_API_KEY.
    auto added = host({"add-store", "--platform", "wix", "--set", "site_id=" + _identity.siteId, "--set",
                       "warehouse=GLAVNO", "--set", "cost_center=SPLET", "--json"},
                      {{"ESTORE_SECRET_API_KEY", _identity.apiKey}});
    ASSERT_EQ(added.exitCode, 0) << added.describe();
    expectNoSecret(added, _identity.apiKey);
    const std::string storeId = json(added)->getObject("store")->getValue<std::string>("id");

    // Every file the host made is this account's alone, and no byte of the database holds the key.
    namespace fs = std::filesystem;
    const fs::path dbFile = _db;
    const fs::path keyFile = dbFile.parent_path() / "secret.key";
    for (const fs::path& file : {dbFile, keyFile}) {
        ASSERT_TRUE(fs::exists(file)) << file;
        EXPECT_EQ(static_cast<unsigned>(fs::status(file).permissions() & fs::perms::all), 0600u) << file;
    }
    for (const auto& entry : fs::directory_iterator(dbFile.parent_path()))
        if (entry.path().filename().string().rfind("estore.db", 0) == 0) {  // the database, its WAL, …
            EXPECT_EQ(static_cast<unsigned>(entry.status().permissions() &
                                            (fs::perms::group_all | fs::perms::others_all)),
                      0u)
                << entry.path();
            std::ifstream in(entry.path(), std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            EXPECT_EQ(bytes.find(_identity.apiKey), std::string::npos)
                << "the key in clear in " << entry.path();
        }

    auto rotated = host({"secrets", "rotate-key", "--json"});
    ASSERT_EQ(rotated.exitCode, 0) << rotated.describe();
    EXPECT_EQ(json(rotated)->getValue<int>("secrets_resealed"), 1);
    EXPECT_NE(json(rotated)->getValue<std::string>("key_id"),
              json(rotated)->getValue<std::string>("old_key_id"));
    expectNoSecret(rotated, _identity.apiKey);
    // The store still talks to Wix with its key, opened with the new one.
    auto synced = host({"sync", storeId, "orders.import"});
    EXPECT_EQ(synced.exitCode, 0) << synced.describe();
    expectNoSecret(synced, _identity.apiKey);
}

TEST_F(AddStoreE2E, RemoveStoreDeletesJobsAndSecretsButKeepsTheLog) {
    startSandbox();
    auto added = addStore(_identity.apiKey, _identity.siteId, true);
    ASSERT_EQ(added.exitCode, 0) << added.describe();
    const std::string storeId = json(added)->getObject("store")->getValue<std::string>("id");
    auto removed = host({"remove-store", storeId});
    EXPECT_EQ(removed.exitCode, 0) << removed.describe();
    EXPECT_EQ(storesJson()->size(), 0u);
    EXPECT_EQ(jobsJson()->size(), 0u);
    auto activity = host({"activity", storeId});
    EXPECT_NE(activity.out.find("store.removed"), std::string::npos) << activity.out;
    EXPECT_EQ(host({"remove-store", storeId}).exitCode, 2) << "already gone";
}

TEST_F(AddStoreE2E, TheEnvironmentOverridesTheConfiguredBaseUrl) {
    startSandbox();
    const std::string sandboxUrl = _sandbox->baseUrl();
    writeConfig("http://127.0.0.1:1");  // the file points nowhere
    auto result =
        host({"add-store", "--platform", "wix", "--set", "api_key=" + _identity.apiKey, "--set",
              "site_id=" + _identity.siteId, "--set", "warehouse=GLAVNO", "--set", "cost_center=SPLET"},
             {{"WIX_API_BASE_URL", sandboxUrl}});
    EXPECT_EQ(result.exitCode, 0) << result.describe();
}

TEST_F(AddStoreE2E, AWrongKeyIsRefused) {
    startSandbox();
    const std::string wrong = "IST.eyJraWQiOiJ3cm9uZy1rZXkifQ.not-a-real-key-1234567890";
    expectRefused(addStore(wrong, _identity.siteId), 5, "api_key", "wix.auth.invalid_key", wrong);
}

TEST_F(AddStoreE2E, ARevokedKeyIsRefused) {
    startSandbox();
    const std::string key = newKey(defaultAccountId());
    _sandbox->post("/_sandbox/keys/revoke", "{\"key\":\"" + key + "\"}");
    expectRefused(addStore(key, _identity.siteId), 5, "api_key", "wix.auth.invalid_key", key);
}

TEST_F(AddStoreE2E, AKeyWithoutPermissionsIsRefused) {
    startSandbox();
    const std::string key = newKey(defaultAccountId(), "[]");
    expectRefused(addStore(key, _identity.siteId), 5, "api_key", "permission", key);
}

TEST_F(AddStoreE2E, AKeyOfAnotherAccountIsRefused) {
    startSandbox();
    const std::string key = newKey("some-other-account");
    expectRefused(addStore(key, _identity.siteId), 5, "api_key", "wix.permission.site", key);
}

TEST_F(AddStoreE2E, AnUnknownSiteIsRefused) {
    startSandbox();
    expectRefused(addStore(_identity.apiKey, dashboardUrl(kUnknownSite)), 4, "site_id", "wix.site.not_found",
                  _identity.apiKey);
}

TEST_F(AddStoreE2E, SomethingThatIsNoSiteIdIsRefused) {
    startSandbox();
    expectRefused(addStore(_identity.apiKey, "https://example.com/not/a/dashboard"), 4, "site_id", "site_id",
                  _identity.apiKey);
}

TEST_F(AddStoreE2E, ASiteWithoutWixStoresIsRefused) {
    startSandbox();
    Poco::JSON::Parser parser;
    auto reply = parser.parse(_sandbox->post("/_sandbox/sites", R"({"catalogVersion":"NONE"})"))
                     .extract<Poco::JSON::Object::Ptr>();
    auto site = reply->getObject("site");
    const std::string key = newKey(site->getValue<std::string>("accountId"));
    expectRefused(addStore(key, site->getValue<std::string>("siteId")), 4, "", "wix.stores_not_installed",
                  key);
}

TEST_F(AddStoreE2E, A428IsRefused) {
    startSandbox();
    injectFault(R"({"path":"*","status":428,"count":-1})");
    expectRefused(addStore(_identity.apiKey, _identity.siteId), 2, "", "wix.precondition", _identity.apiKey);
}

TEST_F(AddStoreE2E, WixBusyIsRefusedAsRateLimited) {
    startSandbox();
    injectFault(R"({"path":"*","status":429,"count":-1})");
    expectRefused(addStore(_identity.apiKey, _identity.siteId), 2, "", "rate_limited", _identity.apiKey);
}

TEST_F(AddStoreE2E, WixDownWithAnHtmlPageIsRefusedAsTransient) {
    startSandbox();
    injectFault(
        R"({"path":"*","status":503,"count":-1,"contentType":"text/html","body":"<html><body><h1>503 Service Unavailable</h1></body></html>"})");
    expectRefused(addStore(_identity.apiKey, _identity.siteId), 2, "", "transient", _identity.apiKey);
}

TEST_F(AddStoreE2E, ADroppedConnectionIsRefusedAsTransient) {
    startSandbox();
    injectFault(R"({"path":"*","drop":true,"count":-1})");
    expectRefused(addStore(_identity.apiKey, _identity.siteId), 2, "", "transient", _identity.apiKey);
}

TEST_F(AddStoreE2E, AnUnreachableWixIsRefused) {
    writeConfig("http://127.0.0.1:1");
    const std::string key = "IST.eyJraWQiOiJ1bnJlYWNoYWJsZSJ9.some-key-value-123456";
    expectRefused(addStore(key, kUnknownSite), 2, "", "wix.unreachable", key);
}

TEST_F(AddStoreE2E, AnUntrustedCertificateIsRefused) {
    const auto cert = _dir.path() / "cert.pem";
    const auto key = _dir.path() / "key.pem";
    const std::string openssl =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout " + key.string() +
        " -out " + cert.string() + " >/dev/null 2>&1";
    if (std::system(openssl.c_str()) != 0) GTEST_SKIP() << "openssl is not available to make a certificate";
    startSandbox({"--tls-cert", cert.string(), "--tls-key", key.string()}, "https");
    const std::string apiKey = "IST.eyJraWQiOiJ0bHMifQ.some-key-value-123456";
    expectRefused(addStore(apiKey, kUnknownSite), 2, "", "wix.tls", apiKey);
}

TEST_F(AddStoreE2E, TheDemoAddsTheSandboxShopAndStopsTheSandbox) {
    ESTORE_SQLITE_ONLY("the demo always makes its own SQLite database in estore-demo/ and ignores --db");
    // The demo finds wix-sandbox next to estore-host and the plugins in <bin>/../plugins.
    if (std::filesystem::path(ESTORE_HOST_EXE).parent_path() !=
        std::filesystem::path(WIX_SANDBOX_EXE).parent_path())
        GTEST_SKIP() << "wix-sandbox is not next to estore-host";
    auto result = estore::test::runProcess(ESTORE_HOST_EXE, {"demo"}, _dir.path().string());
    ASSERT_EQ(result.exitCode, 0) << result.describe();
    EXPECT_NE(result.out.find("orders.import"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("estore-demo"), std::string::npos) << result.out;
    // The cash-paid order's invoice is verified by furs-sandbox: its EOR is a UUID, printed on it.
    EXPECT_NE(result.out.find("Stanje / state: davčno potrjen / fiscally verified"), std::string::npos)
        << result.out;
    EXPECT_TRUE(
        std::regex_search(result.out, std::regex("EOR: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
                                                 "[0-9a-f]{12}\n")))
        << result.out;
    EXPECT_TRUE(std::filesystem::exists(_dir.path() / "estore-demo" / "estore.db"));
    // Its own words in one language: Slovenian by default, English with --lang en.
    EXPECT_NE(result.out.find("\n[4/7] Povzetek:\n   Uvoženih: "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Peskovnik je ustavljen.\n"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("The sandbox has been stopped"), std::string::npos) << result.out;
    auto again = estore::test::runProcess(ESTORE_HOST_EXE, {"--lang", "en", "demo"}, _dir.path().string());
    EXPECT_EQ(again.exitCode, 0) << "the demo database is replaced on each run\n" << again.describe();
    EXPECT_NE(again.out.find("\n[4/7] Summary:\n   Imported: "), std::string::npos) << again.out;
    EXPECT_NE(again.out.find("The sandbox has been stopped.\n"), std::string::npos) << again.out;
    EXPECT_EQ(again.out.find("Peskovnik je ustavljen"), std::string::npos) << again.out;

    // --json: instead of the walk-through, one object with each step's result and what the demo made.
    auto json = estore::test::runProcess(ESTORE_HOST_EXE, {"demo", "--json"}, _dir.path().string());
    ASSERT_EQ(json.exitCode, 0) << json.describe();
    Poco::JSON::Object::Ptr report;
    ASSERT_NO_THROW(report = Poco::JSON::Parser().parse(json.out).extract<Poco::JSON::Object::Ptr>())
        << "stdout is the JSON alone: " << json.out;
    EXPECT_TRUE(report->getValue<bool>("ok"));
    EXPECT_NE(json.err.find("Dodajanje trgovine: "), std::string::npos) << "progress goes to stderr: " << json.err;
    std::vector<std::string> steps;
    for (const auto& step : *report->getArray("steps")) {
        const auto object = step.extract<Poco::JSON::Object::Ptr>();
        steps.push_back(object->getValue<std::string>("step"));
        EXPECT_TRUE(object->getValue<bool>("ok")) << steps.back();
    }
    EXPECT_EQ(steps, (std::vector<std::string>{"sandbox", "add_store", "import_orders", "webhook",
                                               "invoicing", "stock_push"}));
    const auto stores = report->getArray("stores");
    ASSERT_EQ(stores->size(), 1u) << json.out;
    const auto store = stores->getObject(0);
    EXPECT_EQ(store->getValue<std::string>("id"), "wix-1");
    EXPECT_GE(store->getValue<int>("orders"), 5) << "3 seeded, 1 by webhook, 1 paid for the invoice";
    std::size_t verified = 0;
    for (const auto& invoice : *store->getArray("invoices")) {
        const auto object = invoice.extract<Poco::JSON::Object::Ptr>();
        EXPECT_TRUE(object->has("order_number")) << "snake_case keys";
        if (std::regex_match(object->getObject("fiscal")->getValue<std::string>("eor"),
                             std::regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")))
            ++verified;
    }
    EXPECT_GE(verified, 1u) << json.out;
}

#pragma once
// A temp folder, a wix-sandbox process and helpers to run estore-host against both, as a user would:
// every call is a new process on the same database: an SQLite file in the temp folder, or in the
// PostgreSQL run (ESTORE_TEST_POSTGRES) a database of its own on the test cluster.
#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>

#include <memory>
#include <string>
#include <vector>

#include "estore/host/demo/sandbox_process.h"
#include "host_process.h"
#include "test_support.h"

namespace estore::test {

class HostE2E : public ::testing::Test {
protected:
    /// Skips the test, saying why, when this run's database is not available (the PostgreSQL run without
    /// a server). A fixture that overrides SetUp calls this first and returns if IsSkipped().
    void SetUp() override;
    void TearDown() override;

    /// Starts wix-sandbox (seed 1) and points the host's config file at it.
    void startSandbox(const std::vector<std::string>& extraArgs = {}, const std::string& scheme = "http");
    /// Writes host.properties with this Wix base URL (and short timeouts, no retries).
    void writeConfig(const std::string& wixBaseUrl, const std::vector<std::string>& extraLines = {});

    /// estore-host --db … --plugins … --config … ARGS, in the temp folder.
    ProcessResult host(std::vector<std::string> args, const std::map<std::string, std::string>& env = {});
    /// add-store for the Wix platform with the given key and site, warehouse GLAVNO, cost centre SPLET.
    ProcessResult addStore(const std::string& apiKey, const std::string& siteId, bool json = false);

    /// add-store --json of the seeded shop importing orders since 2020 and invoicing paid ones on the
    /// premise SPLET1, device 1 (cash-paid ones fiscal, once FURS is configured).
    ProcessResult addStoreInvoicingOnSplet1();

    Poco::JSON::Object::Ptr json(const ProcessResult& result);
    Poco::JSON::Array::Ptr storesJson();
    Poco::JSON::Array::Ptr jobsJson();

    /// Control API of the sandbox.
    Poco::JSON::Object::Ptr sandboxState();
    std::string defaultAccountId();
    /// Registers a key (POST /_sandbox/keys) and returns its value.
    std::string newKey(const std::string& accountId, const std::string& permissionsJson = "");
    void injectFault(const std::string& faultJson);

    /// The result must not contain the secret anywhere.
    static void expectNoSecret(const ProcessResult& result, const std::string& secret);

    static std::string dashboardUrl(const std::string& siteId) {
        return "https://manage.wix.com/dashboard/" + siteId + "/home";
    }

    TempDir _dir;
    std::unique_ptr<host::SandboxProcess> _sandbox;
    host::SandboxIdentity _identity;
    std::string _db;  ///< the test's database: an SQLite file path or a postgresql:// URL
    std::string _config;
};

}  // namespace estore::test

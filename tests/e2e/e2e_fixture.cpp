#include "e2e_fixture.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <fstream>

namespace estore::test {

void HostE2E::SetUp() {
    ESTORE_REQUIRE_TEST_DATABASE();
}

void HostE2E::TearDown() {
    if (_sandbox) _sandbox->stop();
}

void HostE2E::startSandbox(const std::vector<std::string>& extraArgs, const std::string& scheme) {
    std::vector<std::string> args = {"--seed", "1"};
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    _sandbox = std::make_unique<host::SandboxProcess>(WIX_SANDBOX_EXE, args, _dir.path() / "sandbox.log");
    _sandbox->setScheme(scheme);
    _sandbox->start();
    if (scheme == "http") _identity = _sandbox->seededIdentity();
    writeConfig(_sandbox->baseUrl());
}

void HostE2E::writeConfig(const std::string& wixBaseUrl, const std::vector<std::string>& extraLines) {
    _db = _dir.database();
    _config = _dir.file("host.properties");
    std::ofstream out(_config);
    out << "wix.api_base_url = " << wixBaseUrl << "\n"
        << "wix.timeout_ms = 3000\n"
        << "wix.retry_attempts = 1\n";
    for (const auto& line : extraLines) out << line << "\n";
}

ProcessResult HostE2E::host(std::vector<std::string> args, const std::map<std::string, std::string>& env) {
    if (_db.empty()) writeConfig("http://127.0.0.1:1");
    std::vector<std::string> full = {"--db", _db, "--plugins", ESTORE_PLUGIN_DIR, "--config", _config};
    full.insert(full.end(), args.begin(), args.end());
    return runProcess(ESTORE_HOST_EXE, full, _dir.path().string(), env);
}

ProcessResult HostE2E::addStore(const std::string& apiKey, const std::string& siteId, bool asJson) {
    std::vector<std::string> args = {"add-store",
                                     "--platform",
                                     "wix",
                                     "--set",
                                     "api_key=" + apiKey,
                                     "--set",
                                     "site_id=" + siteId,
                                     "--set",
                                     "warehouse=GLAVNO",
                                     "--set",
                                     "cost_center=SPLET"};
    if (asJson) args.push_back("--json");
    return host(args);
}

ProcessResult HostE2E::addStoreInvoicingOnSplet1() {
    return host({"add-store", "--platform",
                 "wix",       "--json",
                 "--set",     "api_key=" + _identity.apiKey,
                 "--set",     "site_id=" + _identity.siteId,
                 "--set",     "warehouse=GLAVNO",
                 "--set",     "cost_center=SPLET",
                 "--set",     "import_since=2020-01-01",
                 "--set",     "auto_invoice=paid",
                 "--set",     "business_premise=SPLET1",
                 "--set",     "electronic_device=1"});
}

Poco::JSON::Object::Ptr HostE2E::json(const ProcessResult& result) {
    try {
        Poco::JSON::Parser parser;
        return parser.parse(result.out).extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "not JSON: " << e.what() << "\n" << result.describe();
        return new Poco::JSON::Object;
    }
}

Poco::JSON::Array::Ptr HostE2E::storesJson() {
    auto result = host({"stores", "--json"});
    EXPECT_EQ(result.exitCode, 0) << result.describe();
    auto array = json(result)->getArray("stores");
    return array ? array : Poco::JSON::Array::Ptr(new Poco::JSON::Array);
}

Poco::JSON::Array::Ptr HostE2E::jobsJson() {
    auto result = host({"jobs", "--json"});
    EXPECT_EQ(result.exitCode, 0) << result.describe();
    auto array = json(result)->getArray("jobs");
    return array ? array : Poco::JSON::Array::Ptr(new Poco::JSON::Array);
}

Poco::JSON::Object::Ptr HostE2E::sandboxState() {
    Poco::JSON::Parser parser;
    return parser.parse(_sandbox->get("/_sandbox/state")).extract<Poco::JSON::Object::Ptr>();
}

std::string HostE2E::defaultAccountId() {
    auto state = sandboxState();
    auto sites = state->getArray("sites");
    for (std::size_t i = 0; sites && i < sites->size(); ++i) {
        auto site = sites->getObject(i);
        if (site->getValue<std::string>("siteId") == _identity.siteId)
            return site->getValue<std::string>("accountId");
    }
    ADD_FAILURE() << "the seeded site is not in the sandbox state";
    return {};
}

std::string HostE2E::newKey(const std::string& accountId, const std::string& permissionsJson) {
    std::string body = "{\"accountId\":\"" + accountId + "\",\"sites\":\"all\"";
    if (!permissionsJson.empty()) body += ",\"permissions\":" + permissionsJson;
    body += "}";
    Poco::JSON::Parser parser;
    auto reply = parser.parse(_sandbox->post("/_sandbox/keys", body)).extract<Poco::JSON::Object::Ptr>();
    return reply->getObject("key")->getValue<std::string>("key");
}

void HostE2E::injectFault(const std::string& faultJson) {
    _sandbox->post("/_sandbox/faults", faultJson);
}

void HostE2E::expectNoSecret(const ProcessResult& result, const std::string& secret) {
    ASSERT_FALSE(secret.empty());
    EXPECT_EQ(result.out.find(secret), std::string::npos) << "secret in stdout:\n" << result.out;
    EXPECT_EQ(result.err.find(secret), std::string::npos) << "secret in stderr:\n" << result.err;
}

}  // namespace estore::test

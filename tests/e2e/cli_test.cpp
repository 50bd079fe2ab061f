// estore-host's command line as a process: the platform menu, usage errors, exit codes, the schema guard.
#include <Poco/JSON/Array.h>

#include <fstream>
#include <sstream>

#include "e2e_fixture.h"
#include "estore/host/storage/database.h"
#include "static_http_server.h"

using estore::test::HostE2E;

TEST_F(HostE2E, PlatformsListsWixWithSlovenianAndEnglishNamesWithoutLoadingIt) {
    auto result = host({"platforms", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.describe();
    auto platforms = json(result)->getArray("platforms");
    ASSERT_TRUE(platforms);
    bool found = false;
    for (std::size_t i = 0; i < platforms->size(); ++i) {
        auto p = platforms->getObject(i);
        if (p->optValue<std::string>("id", "") != "wix") continue;
        found = true;
        EXPECT_TRUE(p->getValue<bool>("usable")) << result.out;
        EXPECT_EQ(p->getObject("name")->getValue<std::string>("sl"), "Wix");
        EXPECT_EQ(p->getObject("name")->getValue<std::string>("en"), "Wix");
        EXPECT_FALSE(p->getValue<std::string>("version").empty());
    }
    EXPECT_TRUE(found) << result.out;

    auto text = host({"platforms"});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_NE(text.out.find("wix"), std::string::npos) << text.out;
}

TEST_F(HostE2E, UsageErrorsExitWithOne) {
    EXPECT_EQ(host({}).exitCode, 1);
    EXPECT_EQ(host({"frobnicate"}).exitCode, 1);
    EXPECT_EQ(host({"stores", "--no-such-option"}).exitCode, 1);
    EXPECT_EQ(host({"add-store"}).exitCode, 1) << "no --platform";
    EXPECT_EQ(host({"activity"}).exitCode, 1) << "no STORE_ID";
    EXPECT_EQ(host({"add-store", "--platform", "wix", "--set", "novalue"}).exitCode, 1);
    EXPECT_EQ(host({"--help"}).exitCode, 0);
}

TEST_F(HostE2E, VersionNamesTheProjectAndTheHostApi) {
    auto text = host({"--version"});
    EXPECT_EQ(text.exitCode, 0) << text.describe();
    EXPECT_EQ(text.out, "estore-host " ESTORE_PROJECT_VERSION " (host API 1.5)\n");
    auto json = host({"--version", "--json"});
    EXPECT_EQ(json.out, R"({"version":")" ESTORE_PROJECT_VERSION R"(","host_api":"1.5"})"
                        "\n");
}

TEST_F(HostE2E, AnUnloadablePluginExitsWithThree) {
    auto result = host({"add-store", "--platform", "shopify", "--set", "x=y"});
    EXPECT_EQ(result.exitCode, 3) << result.describe();
    EXPECT_NE(result.err.find("shopify"), std::string::npos) << result.err;
}

TEST_F(HostE2E, UnknownFieldsAreNamedAndNothingIsStored) {
    auto result = host({"add-store", "--platform", "wix", "--set", "api_key=IST.x", "--set", "colour=red",
                        "--set", "size=xl"});
    EXPECT_EQ(result.exitCode, 2) << result.describe();
    EXPECT_NE(result.err.find("colour"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("size"), std::string::npos) << result.err;
    EXPECT_EQ(storesJson()->size(), 0u);
}

TEST_F(HostE2E, MissingRequiredFieldsAreNamedWhenNobodyCanBeAsked) {
    auto result = host({"add-store", "--platform", "wix", "--set", "warehouse=GLAVNO"});
    EXPECT_EQ(result.exitCode, 2) << result.describe();
    EXPECT_NE(result.err.find("api_key"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("site_id"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("cost_center"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("warehouse ("), std::string::npos) << "warehouse was given";
    EXPECT_EQ(storesJson()->size(), 0u);
}

TEST_F(HostE2E, ADatabaseFromANewerHostIsRefused) {
    ASSERT_EQ(host({"stores"}).exitCode, 0);  // creates it
    {
        estore::host::Database db(_db);
        db.execute("INSERT INTO schema_version (version, applied_at) VALUES (42, 0)");
    }
    auto result = host({"stores"});
    EXPECT_EQ(result.exitCode, 2) << result.describe();
    EXPECT_NE(result.err.find("schema version 42"), std::string::npos) << result.err;
}

TEST_F(HostE2E, RunOnceWithNothingDueExitsCleanly) {
    auto result = host({"run", "--once", "--worker", "w1"});
    EXPECT_EQ(result.exitCode, 0) << result.describe();
    EXPECT_NE(result.out.find("w1"), std::string::npos);
}

TEST_F(HostE2E, RatesAreFetchedFromTheConfiguredUrlByRunAndByRatesFetch) {
    std::ifstream sampleFile(std::string(ESTORE_TEST_DATA) + "/ecb/eurofxref-sample.xml");
    std::stringstream sample;
    sample << sampleFile.rdbuf();
    estore::test::StaticHttpServer ecb(
        {{"/stats/eurofxref/eurofxref-daily.xml", {200, "text/xml", sample.str()}}});
    // Not configured: run fetches nothing, rates fetch says what is missing.
    auto unconfigured = host({"rates", "fetch"});
    EXPECT_EQ(unconfigured.exitCode, 2) << unconfigured.describe();
    EXPECT_NE(unconfigured.err.find("rates.ecb_url is not configured"), std::string::npos)
        << unconfigured.err;

    writeConfig("http://127.0.0.1:1", {"rates.ecb_url = " + ecb.url("/stats/eurofxref/eurofxref-daily.xml")});
    // The database has no rates at all, so the run loop's first look fetches.
    auto run = host({"run", "--once", "--worker", "w1"});
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_NE(run.out.find("ECB: tečaji do / rates up to 2025-03-14 (8)"), std::string::npos) << run.out;
    EXPECT_EQ(ecb.requests(), 1);

    auto fetched = host({"rates", "fetch", "--json"});
    ASSERT_EQ(fetched.exitCode, 0) << fetched.describe();
    auto report = json(fetched);
    EXPECT_EQ(report->getValue<int>("rates"), 8);
    EXPECT_EQ(report->getValue<std::string>("newest_day"), "2025-03-14");
    EXPECT_EQ(report->getValue<int>("invoices_issued"), 0);

    writeConfig("http://127.0.0.1:1", {"rates.ecb_url = " + ecb.url("/nothing-here.xml")});
    auto failed = host({"rates", "fetch", "--json"});
    EXPECT_EQ(failed.exitCode, 2) << failed.describe();
    EXPECT_FALSE(json(failed)->getValue<bool>("ok"));
    EXPECT_NE(json(failed)->getValue<std::string>("error").find("status 404"), std::string::npos)
        << failed.out;
}

TEST_F(HostE2E, RatesImportStoresTheEcbFileOrNothingOfIt) {
    const std::string sample = std::string(ESTORE_TEST_DATA) + "/ecb/eurofxref-sample.xml";
    auto imported = host({"rates", "import", sample, "--json"});
    ASSERT_EQ(imported.exitCode, 0) << imported.describe();
    auto report = json(imported);
    EXPECT_EQ(report->getValue<int>("rates"), 8);
    EXPECT_EQ(report->getValue<int>("days"), 2);
    EXPECT_EQ(report->getValue<int>("currencies"), 4);
    EXPECT_EQ(report->getValue<std::string>("last_day"), "2025-03-14");
    EXPECT_EQ(report->getValue<int>("invoices_issued"), 0);
    auto text = host({"rates", "import", sample});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_NE(
        text.out.find("ECB rates imported: 8 (4 valut / currencies, 2 dni / days, 2025-03-13 – 2025-03-14)"),
        std::string::npos)
        << text.out;

    const std::string broken = _dir.file("broken.xml");
    std::ofstream(broken) << "<Cube><Cube time='2025-03-17'><Cube currency='CHF' rate='0.95'/>"
                             "<Cube currency='USD' rate='x'/></Cube></Cube>";
    auto refused = host({"rates", "import", broken});
    EXPECT_EQ(refused.exitCode, 2) << refused.describe();
    EXPECT_NE(refused.err.find("nothing was stored"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("rate='x'"), std::string::npos) << refused.err;
    EXPECT_EQ(host({"rates", "import"}).exitCode, 1);
    EXPECT_EQ(host({"rates", "import", _dir.file("missing.xml")}).exitCode, 2);
}

// sync, orders and configure against wix-sandbox, each a new estore-host process on one database: orders
// are imported once however often sync runs; revoked credentials pause the store until configure fixes
// them; a configure that fails changes nothing.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "e2e_fixture.h"
#include "estore/host/config/host_config.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"

using estore::test::HostE2E;
using estore::test::ProcessResult;

class SyncE2E : public HostE2E {
protected:
    /// Adds the seeded shop importing everything since 2020 (its orders are from 2025); returns its id.
    std::string addSeededStore(const std::string& apiKey) {
        auto added = host({"add-store", "--platform", "wix", "--json", "--set", "api_key=" + apiKey, "--set",
                           "site_id=" + _identity.siteId, "--set", "warehouse=GLAVNO", "--set",
                           "cost_center=SPLET", "--set", "import_since=2020-01-01"});
        EXPECT_EQ(added.exitCode, 0) << added.describe();
        return json(added)->getObject("store")->getValue<std::string>("id");
    }

    Poco::JSON::Array::Ptr orders(const std::string& storeId) {
        auto result = host({"orders", storeId, "--json"});
        EXPECT_EQ(result.exitCode, 0) << result.describe();
        auto array = json(result)->getArray("orders");
        return array ? array : Poco::JSON::Array::Ptr(new Poco::JSON::Array);
    }

    Poco::JSON::Object::Ptr store(const std::string& storeId) {
        auto stores = storesJson();
        for (std::size_t i = 0; i < stores->size(); ++i)
            if (stores->getObject(i)->getValue<std::string>("id") == storeId) return stores->getObject(i);
        ADD_FAILURE() << "no store " << storeId;
        return new Poco::JSON::Object;
    }

    std::string storedSecret(const std::string& storeId) {
        estore::host::Database db(_db);
        estore::host::HostConfig config;
        estore::host::HostServiceSet host(db, config);  // opens it with the host's key, as estore-host does
        return host.secrets().read(storeId, "api_key").value_or("");
    }

    void makeJobsDue() {
        estore::host::Database db(_db);
        db.execute("UPDATE jobs SET next_run_at = 0");
    }

    void revoke(const std::string& key) {
        _sandbox->post("/_sandbox/keys/revoke", "{\"key\":\"" + key + "\"}");
    }
};

TEST_F(SyncE2E, SyncImportsEveryOrderOnceAndASecondSyncAddsNone) {
    startSandbox();
    const std::string storeId = addSeededStore(_identity.apiKey);

    auto first = host({"sync", storeId, "orders.import", "--json"});
    ASSERT_EQ(first.exitCode, 0) << first.describe();
    expectNoSecret(first, _identity.apiKey);
    auto report = json(first);
    EXPECT_TRUE(report->getValue<bool>("ok"));
    auto counts = report->getObject("counts");
    const auto created = counts->getValue<Poco::Int64>("created");
    EXPECT_GT(created, 0);
    EXPECT_EQ(counts->getValue<Poco::Int64>("failed"), 0);
    EXPECT_FALSE(report->getObject("summary")->getValue<std::string>("en").empty());
    EXPECT_NE(first.err.find("orders.import: "), std::string::npos) << "progress, on stderr beside --json";
    ASSERT_EQ(static_cast<Poco::Int64>(orders(storeId)->size()), created);

    auto second = host({"sync", storeId, "orders.import"});
    ASSERT_EQ(second.exitCode, 0) << second.describe();
    EXPECT_TRUE(std::regex_search(second.out,
                                  std::regex("(^|\n)orders\\.import: strani: [0-9.]+, naročila: [0-9.]+")))
        << "plain progress lines, in Slovenian:\n"
        << second.out;
    EXPECT_NE(second.out.find("created 0"), std::string::npos) << second.out;
    EXPECT_EQ(static_cast<Poco::Int64>(orders(storeId)->size()), created) << "no order twice";

    // Recorded like a scheduled run: the job row and the activity log.
    auto jobs = jobsJson();
    ASSERT_EQ(jobs->size(), 1u) << "the store's own row was used, no one-off left behind";
    auto job = jobs->getObject(0);
    EXPECT_EQ(job->getValue<std::string>("last_status"), "ok");
    EXPECT_TRUE(job->isNull("lease_owner"));
    EXPECT_GT(job->getObject("last_counts")->getValue<Poco::Int64>("orders"), 0);
    auto activity = host({"activity", storeId});
    EXPECT_NE(activity.out.find("job.completed"), std::string::npos) << activity.out;
}

TEST_F(SyncE2E, OrdersJsonGivesTheWholeDocuments) {
    startSandbox();
    const std::string storeId = addSeededStore(_identity.apiKey);
    ASSERT_EQ(host({"sync", storeId, "orders.import"}).exitCode, 0);
    auto result = host({"orders", storeId, "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.describe();
    auto root = json(result);
    EXPECT_EQ(root->getValue<std::string>("store_id"), storeId);
    auto list = root->getArray("orders");
    ASSERT_GT(list->size(), 0u);
    auto order = list->getObject(0);
    // snake_case keys, as everything the command line prints (the stored document is camelCase).
    for (const char* key : {"external_id", "number", "dates", "currency", "statuses", "buyer", "lines",
                            "vat_breakdown", "totals", "flags"})
        EXPECT_TRUE(order->has(key)) << key;
    EXPECT_FALSE(order->has("externalId"));
    EXPECT_FALSE(order->getObject("dates")->getValue<std::string>("created").empty());
    EXPECT_FALSE(order->getObject("buyer")->getValue<std::string>("name").empty());
    auto line = order->getArray("lines")->getObject(0);
    for (const char* key : {"sku", "name", "quantity", "unit_price", "vat_rate", "net", "vat", "gross"})
        EXPECT_TRUE(line->has(key)) << key;
    EXPECT_TRUE(order->getObject("totals")->get("gross").isString()) << "money is decimal text";

    auto text = host({"orders", storeId});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_NE(text.out.find("Naročil: " + std::to_string(list->size()) + " (za pregled: "), std::string::npos)
        << text.out;
    auto english = host({"--lang", "en", "orders", storeId});
    EXPECT_EQ(english.exitCode, 0);
    EXPECT_NE(english.out.find("Orders: " + std::to_string(list->size()) + " (for review: "),
              std::string::npos)
        << english.out;
    EXPECT_EQ(english.out.find("Naročil"), std::string::npos) << english.out;
    EXPECT_NE(text.out.find(order->getValue<std::string>("number")), std::string::npos);
    EXPECT_EQ(host({"orders", "wix-99"}).exitCode, 2);
}

TEST_F(SyncE2E, RevokedCredentialsPauseTheStoreUntilConfigureFixesThem) {
    startSandbox();
    const std::string account = defaultAccountId();
    const std::string oldKey = newKey(account);
    const std::string storeId = addSeededStore(oldKey);
    revoke(oldKey);

    auto failed = host({"sync", storeId, "orders.import"});
    EXPECT_EQ(failed.exitCode, 5) << "the shop refused the key: " << failed.describe();
    EXPECT_NE(failed.err.find("auth"), std::string::npos) << failed.err;
    expectNoSecret(failed, oldKey);
    auto paused = store(storeId);
    EXPECT_EQ(paused->getValue<std::string>("status"), "needs_attention");
    EXPECT_EQ(paused->getObject("status_reason")->getValue<std::string>("category"), "auth");
    EXPECT_NE(paused->getObject("what_to_do")->getValue<std::string>("en").find("configure " + storeId),
              std::string::npos);
    auto listing = host({"stores"});
    EXPECT_NE(listing.out.find(storeId + ": POTREBUJE POZORNOST, opravila so ustavljena"), std::string::npos)
        << listing.out;
    EXPECT_NE(listing.out.find("configure " + storeId), std::string::npos) << listing.out;

    // Paused: neither the scheduler nor a plain sync runs it, due or not.
    makeJobsDue();
    auto before = jobsJson()->getObject(0)->getValue<Poco::Int64>("last_run_at");
    ASSERT_EQ(host({"run", "--once", "--worker", "e2e"}).exitCode, 0);
    EXPECT_EQ(jobsJson()->getObject(0)->getValue<Poco::Int64>("last_run_at"), before) << "not run";
    auto refused = host({"sync", storeId, "orders.import"});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_NE(refused.err.find("Trgovina " + storeId + " potrebuje pozornost; njena opravila so ustavljena."),
              std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("(--force zažene opravilo kljub temu)"), std::string::npos) << refused.err;

    // A key that does not work either: nothing changes.
    const std::string badKey = newKey(account);
    revoke(badKey);
    auto stillBad = host({"configure", storeId, "--set", "api_key=" + badKey, "--set", "import_rule=paid"});
    EXPECT_EQ(stillBad.exitCode, 5) << "the shop refused the key: " << stillBad.describe();
    expectNoSecret(stillBad, badKey);
    EXPECT_EQ(storedSecret(storeId), oldKey);
    EXPECT_EQ(store(storeId)->getValue<std::string>("status"), "needs_attention");
    EXPECT_EQ(store(storeId)->getObject("settings")->getValue<std::string>("import_rule"), "approved");

    // A working key: stored, the store active again, its job due now.
    const std::string goodKey = newKey(account);
    auto fixed = host({"configure", storeId, "--set", "api_key=" + goodKey, "--set", "import_rule=paid"});
    ASSERT_EQ(fixed.exitCode, 0) << fixed.describe();
    expectNoSecret(fixed, goodKey);
    EXPECT_EQ(storedSecret(storeId), goodKey);
    auto active = store(storeId);
    EXPECT_EQ(active->getValue<std::string>("status"), "active");
    EXPECT_TRUE(active->isNull("status_reason"));
    EXPECT_EQ(active->getObject("settings")->getValue<std::string>("import_rule"), "paid");
    auto activity = host({"activity", storeId});
    EXPECT_NE(activity.out.find("store.needs_attention"), std::string::npos) << activity.out;
    EXPECT_NE(activity.out.find("store.configured"), std::string::npos) << activity.out;
    ASSERT_EQ(host({"run", "--once", "--worker", "e2e"}).exitCode, 0);
    EXPECT_EQ(jobsJson()->getObject(0)->getValue<std::string>("last_status"), "ok") << "resumed";
}

TEST_F(SyncE2E, RunOnceSaysWhenJobsFailedInItsExitCodeAndLogsThemAsWarnings) {
    // Issue 18: a cron job running `run --once` sees failed jobs (exit 6); each event is one log line with
    // its time and level, a failed job a Warning; --log-level warning keeps only those; logging.* sends
    // the log to a file instead.
    startSandbox();
    const std::string key = newKey(defaultAccountId());
    const std::string storeId = addSeededStore(key);
    revoke(key);
    makeJobsDue();
    auto run = host({"run", "--once", "--worker", "e2e"});
    EXPECT_EQ(run.exitCode, 6) << run.describe();
    const std::regex failedLine("\\n\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d Warning " + storeId +
                                "  orders\\.import  ");
    EXPECT_TRUE(std::regex_search(run.out, failedLine)) << run.out;
    EXPECT_NE(run.out.find(" Information Izvedenih opravil: "), std::string::npos) << run.out;
    expectNoSecret(run, key);

    makeJobsDue();
    auto quiet = host({"run", "--once", "--worker", "e2e", "--log-level", "warning"});
    EXPECT_EQ(quiet.out.find("Information"), std::string::npos) << "only warnings and worse: " << quiet.out;
    EXPECT_EQ(host({"run", "--once", "--log-level", "loud"}).exitCode, 1);

    const std::string logFile = _dir.file("run.log");
    writeConfig(_sandbox->baseUrl(),
                {"logging.loggers.root.channel = file", "logging.channels.file.class = FileChannel",
                 "logging.channels.file.path = " + logFile,
                 "logging.channels.file.formatter.class = PatternFormatter",
                 "logging.channels.file.formatter.pattern = %p|%t"});
    // The store is paused now (its key was refused), so nothing runs: the log has the run's own lines.
    // In English this time: the log's own lines follow --lang too.
    auto toFile = host({"--lang", "en", "run", "--once", "--worker", "e2e"});
    EXPECT_EQ(toFile.exitCode, 0) << toFile.describe();
    EXPECT_EQ(toFile.out.find("Jobs run"), std::string::npos) << "the log went to the file: " << toFile.out;
    std::ifstream in(logFile);
    std::stringstream logged;
    logged << in.rdbuf();
    EXPECT_NE(logged.str().find("Information|Jobs run: 0 (ok 0, failed 0)"), std::string::npos)
        << logged.str();
    EXPECT_EQ(logged.str().find("Izvedenih opravil: "), std::string::npos)
        << "one language at a time: " << logged.str();
    EXPECT_EQ(logged.str().find(key), std::string::npos) << "no secret in the log";
}

TEST_F(SyncE2E, ConfigureRefusesBadSettingsAndChangesNothing) {
    startSandbox();
    const std::string storeId = addSeededStore(_identity.apiKey);
    const std::string before = host({"stores", "--json"}).out;
    auto bad = host({"--lang", "en", "configure", storeId, "--set", "site_id=not-a-site"});
    EXPECT_EQ(bad.exitCode, 4) << "validation: " << bad.describe();
    EXPECT_NE(bad.err.find("Field: site_id"), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("The settings cannot be changed; nothing was changed."), std::string::npos)
        << bad.err;
    EXPECT_EQ(bad.err.find("nič ni spremenjeno"), std::string::npos) << "English only: " << bad.err;
    EXPECT_EQ(host({"stores", "--json"}).out, before);
    EXPECT_EQ(host({"configure", storeId, "--set", "no_such_field=1"}).exitCode, 4);
    EXPECT_EQ(host({"configure", "wix-99"}).exitCode, 2);
    EXPECT_EQ(host({"sync", storeId, "no.such.job"}).exitCode, 1);
    EXPECT_EQ(host({"sync", "wix-99", "orders.import"}).exitCode, 2);
}

TEST_F(SyncE2E, RunJsonWritesOneObjectPerEventWithItsTimeAndLevel) {
    startSandbox();
    const std::string key = newKey(defaultAccountId());
    const std::string storeId = addSeededStore(key);
    revoke(key);
    makeJobsDue();
    auto run = host({"run", "--once", "--worker", "e2e", "--json"});
    EXPECT_EQ(run.exitCode, 6) << run.describe();
    std::istringstream lines(run.out);
    int events = 0, warnings = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        Poco::JSON::Object::Ptr event;
        ASSERT_NO_THROW(event = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>()) << line;
        EXPECT_TRUE(std::regex_match(event->getValue<std::string>("time"),
                                     std::regex("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")))
            << line;
        const std::string level = event->getValue<std::string>("level");
        EXPECT_TRUE(level == "information" || level == "warning") << line;
        if (level == "warning" &&
            event->getValue<std::string>("message").find(storeId + "  orders.import") == 0)
            ++warnings;
        ++events;
    }
    EXPECT_GT(events, 1);
    EXPECT_EQ(warnings, 1) << "the failed job, as a warning: " << run.out;
    expectNoSecret(run, key);
}

// estore-host's command line as a process: the platform menu, usage errors, exit codes, the schema guard.
#include <Poco/JSON/Array.h>

#include <cstdlib>
#include <filesystem>
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
    // A malformed --set is named by what precedes "=", never by its value (it may be a secret).
    auto keyless = host({"add-store", "--platform", "wix", "--set", "=hunter2-secret-value"});
    EXPECT_EQ(keyless.exitCode, 1);
    EXPECT_EQ(keyless.err.find("hunter2"), std::string::npos) << keyless.err;
    EXPECT_EQ(host({"--help"}).exitCode, 0);
}

TEST_F(HostE2E, EveryCommandHasItsOwnHelpAndRefusesOptionsItDoesNotTake) {
    // Issue 18: `COMMAND --help` (usage, the options it takes, examples), from the same table as --help.
    auto help = host({"sync", "--help"});
    ASSERT_EQ(help.exitCode, 0) << help.describe();
    EXPECT_NE(help.out.find("estore-host sync STORE_ID JOB [--json] [--force] [--worker NAME]"),
              std::string::npos)
        << help.out;
    EXPECT_NE(help.out.find("--force"), std::string::npos) << help.out;
    EXPECT_NE(help.out.find("Primeri:\n  estore-host sync wix-1 orders.import"), std::string::npos)
        << help.out;
    EXPECT_NE(help.out.find("zažene eno opravilo trgovine zdaj in kaže napredek"), std::string::npos)
        << help.out;
    EXPECT_EQ(help.out.find("Examples"), std::string::npos) << "one language at a time: " << help.out;
    EXPECT_EQ(help.out.find("--webhook-port"), std::string::npos) << "only the options sync takes";
    EXPECT_EQ(host({"help", "rates"}).out, host({"rates", "--help"}).out);
    for (const char* command :
         {"platforms", "add-store", "stores", "configure", "remove-store", "jobs", "activity", "orders",
          "invoices", "invoice", "stock", "run", "webhook", "fiscal", "secrets", "demo", "ui", "user"}) {
        auto one = host({command, "--help"});
        EXPECT_EQ(one.exitCode, 0) << command;
        EXPECT_NE(one.out.find(std::string("estore-host ") + command), std::string::npos) << one.out;
    }

    // An option a command does not take is refused, not ignored, and nothing runs.
    auto refused = host({"stores", "--once"});
    EXPECT_EQ(refused.exitCode, 1) << refused.describe();
    EXPECT_NE(refused.err.find("možnost --once ne velja za ukaz stores"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("estore-host stores --help"), std::string::npos) << refused.err;
    EXPECT_EQ(host({"activity", "wix-1", "--force"}).exitCode, 1);
    EXPECT_EQ(host({"platforms", "--set", "a=b"}).exitCode, 1);
    EXPECT_EQ(host({"stores", "--version"}).exitCode, 1);
    // The global ones go with any command: host() gives every command --db, --plugins and --config.
    EXPECT_EQ(host({"platforms"}).exitCode, 0);
    EXPECT_EQ(host({"--lang", "en", "platforms"}).exitCode, 0);
}

TEST_F(HostE2E, WithJsonEveryFailureIsAnErrorObjectInBothLanguages) {
    // {"ok": false, "error": {"code", "category", "message": {"sl", "en"}, "field", "exit_code"}} on stdout.
    const auto expectError = [&](const estore::test::ProcessResult& result, int exitCode,
                                 const std::string& code, const std::string& field) {
        EXPECT_EQ(result.exitCode, exitCode) << result.describe();
        auto root = json(result);
        EXPECT_FALSE(root->getValue<bool>("ok"));
        auto error = root->getObject("error");
        ASSERT_TRUE(error) << result.out;
        EXPECT_EQ(error->getValue<std::string>("code"), code);
        EXPECT_EQ(error->getValue<std::string>("field"), field);
        EXPECT_EQ(error->getValue<int>("exit_code"), exitCode);
        EXPECT_FALSE(error->getObject("message")->getValue<std::string>("sl").empty());
        EXPECT_FALSE(error->getObject("message")->getValue<std::string>("en").empty());
    };
    expectError(host({"stores", "--once", "--json"}), 1, "usage.option_not_taken", "once");
    expectError(host({"frobnicate", "--json"}), 1, "usage.unknown_command", "");
    expectError(host({"activity", "--json"}), 1, "usage", "");
    expectError(host({"sync", "wix-9", "orders.import", "--json"}), 2, "store.unknown", "store_id");
    expectError(host({"remove-store", "wix-9", "--json"}), 2, "store.unknown", "store_id");
    expectError(host({"webhook", "wix-9", "--revoke", "--json"}), 2, "store.unknown", "store_id");
}

TEST_F(HostE2E, HelpIsInOneLanguageChosenByLangOrTheLocale) {
    // Issue 18: Slovenian by default (the harness runs with LANG=C.UTF-8), English from --lang en or an
    // English locale, --lang winning over the locale and LC_ALL over LANG (POSIX's order).
    const std::string sl = "zažene eno opravilo trgovine zdaj in kaže napredek";
    const std::string en = "run one job of a store now, showing progress";
    const auto expectOnly = [](const estore::test::ProcessResult& run, const std::string& wanted,
                               const std::string& other) {
        ASSERT_EQ(run.exitCode, 0) << run.describe();
        EXPECT_NE(run.out.find(wanted), std::string::npos) << run.out;
        EXPECT_EQ(run.out.find(other), std::string::npos) << run.out;
    };
    expectOnly(host({"sync", "--help"}), sl, en);
    expectOnly(host({"--lang", "en", "sync", "--help"}), en, sl);
    expectOnly(host({"sync", "--help"}, {{"LANG", "en_GB.UTF-8"}}), en, sl);
    expectOnly(host({"--lang", "sl", "sync", "--help"}, {{"LANG", "en_US.UTF-8"}}), sl, en);
    expectOnly(host({"sync", "--help"}, {{"LANG", "en_US.UTF-8"}, {"LC_ALL", "sl_SI.UTF-8"}}), sl, en);
    expectOnly(host({"sync", "--help"}, {{"LANG", "de_DE.UTF-8"}}), sl, en);
    auto english = host({"--lang", "en", "sync", "--help"});
    EXPECT_NE(english.out.find("Examples:\n  estore-host sync wix-1 orders.import"), std::string::npos)
        << english.out;
    // An error too, and one refused by the option parser before --lang was handled.
    auto unknown = host({"--lang", "en", "frobnicate"});
    EXPECT_NE(unknown.err.find("unknown command 'frobnicate'"), std::string::npos) << unknown.err;
    EXPECT_EQ(unknown.err.find("neznan ukaz"), std::string::npos) << unknown.err;
    auto refused = host({"--lang", "en", "stores", "--no-such-option"});
    EXPECT_NE(refused.err.find("Help: estore-host --help"), std::string::npos) << refused.err;
    EXPECT_EQ(refused.err.find("Pomoč"), std::string::npos) << refused.err;
    // A command's own usage error too; its JSON object keeps both languages.
    auto usage = host({"sync", "wix-1"});
    EXPECT_NE(usage.err.find("sync potrebuje dva argumenta: STORE_ID JOB"), std::string::npos) << usage.err;
    EXPECT_NE(usage.err.find("Pomoč: estore-host --help"), std::string::npos) << usage.err;
    auto usageEn = host({"--lang", "en", "sync", "wix-1"});
    EXPECT_NE(usageEn.err.find("sync needs two arguments: STORE_ID JOB"), std::string::npos) << usageEn.err;
    EXPECT_EQ(usageEn.err.find("potrebuje"), std::string::npos) << usageEn.err;
    auto usageJson = host({"--lang", "en", "sync", "wix-1", "--json"});
    const auto message = json(usageJson)->getObject("error")->getObject("message");
    EXPECT_EQ(message->getValue<std::string>("sl"),
              "Napačna uporaba: sync potrebuje dva argumenta: STORE_ID JOB");
    EXPECT_EQ(message->getValue<std::string>("en"), "Wrong usage: sync needs two arguments: STORE_ID JOB");
    // A language it does not have is a usage error, not a silent fallback.
    auto wrong = host({"--lang", "de", "stores"});
    EXPECT_EQ(wrong.exitCode, 1) << wrong.describe();
    EXPECT_NE(wrong.err.find("--lang potrebuje sl ali en, podano 'de'"), std::string::npos) << wrong.err;
    // Poco's own refusals too, in the language asked for in any of the forms Poco takes.
    auto unknownOption = host({"stores", "--no-such-option"});
    EXPECT_NE(unknownOption.err.find("neznana možnost"), std::string::npos) << unknownOption.err;
    auto unknownOptionEn = host({"--lang=en", "stores", "--no-such-option"});
    EXPECT_NE(unknownOptionEn.err.find("unknown option"), std::string::npos) << unknownOptionEn.err;
    auto badPort = host({"--lang:en", "run", "--webhook-port", "99999"});
    EXPECT_EQ(badPort.exitCode, 1);
    EXPECT_NE(badPort.err.find("--webhook-port needs a port number 0-65535, got '99999'"), std::string::npos)
        << badPort.err;
    EXPECT_NE(host({"sync", "--help"}, {{"LANG", "en-US"}}).out.find(en), std::string::npos) << "BCP 47 form";
}

TEST_F(HostE2E, TheManPageAndTheBashCompletionComeFromTheSameTable) {
    // One page per language, as the packages install them (man1 and sl/man1).
    for (const auto& [lang, exitStatus] : {std::pair{"en", ".SH EXIT STATUS"}, {"sl", ".SH IZHODNE KODE"}}) {
        auto man = host({"--lang", lang, "help", "man"});
        ASSERT_EQ(man.exitCode, 0) << man.describe();
        EXPECT_EQ(man.out.rfind(".TH ESTORE-HOST 1", 0), 0u) << man.out.substr(0, 200);
        EXPECT_NE(man.out.find(".B sync STORE_ID JOB"), std::string::npos);
        EXPECT_NE(man.out.find(exitStatus), std::string::npos) << man.out;
        // groff renders it (UTF-8 through preconv, as man does) without a warning, where groff is installed.
        const std::string page = _dir.file(std::string("estore-host.") + lang + ".1");
        std::ofstream(page) << man.out;
        if (std::system("command -v groff >/dev/null 2>&1") == 0) {
            const std::string command =
                "groff -k -man -Tutf8 -ww -z " + page + " 2>" + _dir.file("groff.err");
            EXPECT_EQ(std::system(command.c_str()), 0);
            std::ifstream errors(_dir.file("groff.err"));
            std::stringstream text;
            text << errors.rdbuf();
            EXPECT_EQ(text.str(), "") << "groff warns on the " << lang << " page";
        }
    }

    auto completion = host({"help", "completion"});
    ASSERT_EQ(completion.exitCode, 0) << completion.describe();
    const std::string script = _dir.file("estore-host.bash");
    std::ofstream(script) << completion.out;
    // Bash reads it, and completing "estore-host sy" and "estore-host sync wix-1 --f" gives what the table
    // says.
    const std::string probe = _dir.file("probe.sh");
    std::ofstream(probe)
        << "source " << script << "\n"
        << "COMP_WORDS=(estore-host sy); COMP_CWORD=1; _estore_host; echo \"${COMPREPLY[*]}\"\n"
        << "COMP_WORDS=(estore-host sync wix-1 --f); COMP_CWORD=3; _estore_host; echo "
           "\"${COMPREPLY[*]}\"\n"
        << "COMP_WORDS=(estore-host stock s); COMP_CWORD=2; _estore_host; echo \"${COMPREPLY[*]}\"\n";
    auto completed = estore::test::runProcess("/bin/bash", {probe}, _dir.path().string());
    ASSERT_EQ(completed.exitCode, 0) << completed.describe();
    EXPECT_EQ(completed.out, "sync\n--force\nset\n") << completed.out;
}

TEST_F(HostE2E, ConfigCheckListsEveryKeyWithItsOriginAndRefusesATypoWithTheNearestName) {
    writeConfig("http://127.0.0.1:1",
                {"host.webhok_port = 9090", "mail.smtp_password = hunter2-secret",
                 "host.job_interval.orders.import = 600", "rates.ecb_url = https://ecb.example"});
    auto checked = host({"--lang", "en", "config", "check"});
    EXPECT_EQ(checked.exitCode, 4) << checked.describe();
    EXPECT_NE(checked.err.find("unknown key 'host.webhok_port'"), std::string::npos) << checked.err;
    EXPECT_NE(checked.err.find("did you mean host.webhook_port?"), std::string::npos) << checked.err;
    EXPECT_EQ(checked.err.find("neznan ključ"), std::string::npos) << "English only: " << checked.err;
    EXPECT_NE(checked.out.find("rates.ecb_url = https://ecb.example   (" + _config + ")"), std::string::npos)
        << checked.out;
    EXPECT_NE(checked.out.find("host.webhook_port = 8080   (default)"), std::string::npos) << checked.out;
    EXPECT_NE(checked.out.find("host.job_interval.orders.import = 600"), std::string::npos) << checked.out;
    // wix.* is the Wix plugin's: listed, not checked by the host.
    EXPECT_NE(checked.out.find("wix.timeout_ms = 3000   (" + _config + "; plugin wix)"), std::string::npos)
        << checked.out;
    expectNoSecret(checked, "hunter2-secret");
    // Slovenian by default.
    auto slovenian = host({"config", "check"});
    EXPECT_EQ(slovenian.exitCode, 4) << slovenian.describe();
    EXPECT_NE(slovenian.err.find("neznan ključ 'host.webhok_port'"), std::string::npos) << slovenian.err;
    EXPECT_NE(slovenian.err.find("ste mislili host.webhook_port?"), std::string::npos) << slovenian.err;
    EXPECT_NE(slovenian.out.find("host.webhook_port = 8080   (privzeto)"), std::string::npos)
        << slovenian.out;
    EXPECT_NE(slovenian.out.find("wix.timeout_ms = 3000   (" + _config + "; vtičnik wix)"), std::string::npos)
        << slovenian.out;
    auto json = host({"config", "check", "--json"});
    EXPECT_EQ(json.exitCode, 4);
    auto report = this->json(json);
    EXPECT_FALSE(report->getValue<bool>("ok"));
    EXPECT_EQ(report->getArray("unknown")->getObject(0)->getValue<std::string>("nearest"),
              "host.webhook_port");
    expectNoSecret(json, "hunter2-secret");

    // The commented sample the package installs as /etc/estore-host/host.properties has no unknown key.
    writeConfig("http://127.0.0.1:1");
    _config = std::string(ESTORE_SOURCE_DIR) + "/sdk/package/debian/host.properties";
    auto sample = host({"config", "check"});
    EXPECT_EQ(sample.exitCode, 0) << sample.describe();
}

TEST_F(HostE2E, WithoutConfigTheUsersConfigurationFileIsRead) {
    const std::string xdg = _dir.file("xdg");
    std::filesystem::create_directories(xdg + "/estore-host");
    std::ofstream(xdg + "/estore-host/host.properties") << "host.webhook_port = 9191\n";
    auto checked =
        estore::test::runProcess(ESTORE_HOST_EXE, {"--plugins", ESTORE_PLUGIN_DIR, "config", "check"},
                                 _dir.path().string(), {{"XDG_CONFIG_HOME", xdg}});
    ASSERT_EQ(checked.exitCode, 0) << checked.describe();
    EXPECT_NE(checked.out.find("Datoteke: " + xdg + "/estore-host/host.properties"), std::string::npos)
        << checked.out;
    EXPECT_NE(checked.out.find("host.webhook_port = 9191   (" + xdg + "/estore-host/host.properties)"),
              std::string::npos)
        << checked.out;
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
    EXPECT_EQ(result.exitCode, 4) << "validation: " << result.describe();
    EXPECT_NE(result.err.find("colour"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("size"), std::string::npos) << result.err;
    EXPECT_EQ(storesJson()->size(), 0u);
}

TEST_F(HostE2E, MissingRequiredFieldsAreNamedWhenNobodyCanBeAsked) {
    auto result = host({"add-store", "--platform", "wix", "--set", "warehouse=GLAVNO"});
    EXPECT_EQ(result.exitCode, 4) << "validation: " << result.describe();
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
    EXPECT_NE(unconfigured.err.find("Nastavitev rates.ecb_url ni nastavljena."), std::string::npos)
        << unconfigured.err;

    writeConfig("http://127.0.0.1:1", {"rates.ecb_url = " + ecb.url("/stats/eurofxref/eurofxref-daily.xml")});
    // The database has no rates at all, so the run loop's first look fetches.
    auto run = host({"run", "--once", "--worker", "w1"});
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_NE(run.out.find("ECB: tečaji do 2025-03-14 (8)"), std::string::npos) << run.out;
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
    const auto error = json(failed)->getObject("error");
    EXPECT_EQ(error->getValue<std::string>("code"), "rates.fetch_failed");
    EXPECT_NE(error->getObject("message")->getValue<std::string>("en").find("status 404"), std::string::npos)
        << failed.out;
    EXPECT_NE(error->getObject("message")->getValue<std::string>("sl").find("404"), std::string::npos)
        << failed.out;
    // Without --json, one language.
    auto said = host({"rates", "fetch"});
    EXPECT_EQ(said.exitCode, 2) << said.describe();
    EXPECT_NE(said.err.find("Tečajev ECB ni bilo mogoče prenesti: "), std::string::npos) << said.err;
    EXPECT_EQ(said.err.find("could not be fetched"), std::string::npos) << said.err;
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
    auto text = host({"--lang", "en", "rates", "import", sample});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_NE(text.out.find("ECB rates imported: 8 (4 currencies, 2 days, 2025-03-13 – 2025-03-14)\n"
                            "Invoices issued that waited for a rate: 0\n"),
              std::string::npos)
        << text.out;
    auto slovenian = host({"rates", "import", sample});
    EXPECT_EQ(slovenian.exitCode, 0);
    EXPECT_NE(slovenian.out.find("Uvoženih tečajev ECB: 8 (valute: 4, dnevi: 2, 2025-03-13 – 2025-03-14)"),
              std::string::npos)
        << slovenian.out;

    const std::string broken = _dir.file("broken.xml");
    std::ofstream(broken) << "<Cube><Cube time='2025-03-17'><Cube currency='CHF' rate='0.95'/>"
                             "<Cube currency='USD' rate='x'/></Cube></Cube>";
    auto refused = host({"rates", "import", broken});
    EXPECT_EQ(refused.exitCode, 2) << refused.describe();
    EXPECT_NE(refused.err.find("ni datoteka tečajev ECB; nič ni shranjeno"), std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("rate='x'"), std::string::npos) << refused.err;
    EXPECT_EQ(host({"rates", "import"}).exitCode, 1);
    EXPECT_EQ(host({"rates", "import", _dir.file("missing.xml")}).exitCode, 2);
}

TEST_F(HostE2E, AFiscalSettingThatCannotBeUsedIsAValidationErrorInOneLanguage) {
    // No fiscal.certificate configured: `fiscal echo` cannot sign, and says so as the user's to fix.
    auto said = host({"fiscal", "echo"});
    EXPECT_EQ(said.exitCode, 4) << said.describe();
    EXPECT_NE(said.err.find("ni nastavljena (fiscal.certificate)"), std::string::npos) << said.err;
    EXPECT_EQ(said.err.find(" / "), std::string::npos) << "one language: " << said.err;
    auto json = host({"fiscal", "echo", "--json"});
    EXPECT_EQ(json.exitCode, 4);
    const auto error = this->json(json)->getObject("error");
    EXPECT_EQ(error->getValue<std::string>("code"), "fiscal.config");
    EXPECT_EQ(error->getValue<std::string>("field"), "fiscal.certificate");
    EXPECT_NE(
        error->getObject("message")->getValue<std::string>("en").find("is not set (fiscal.certificate)"),
        std::string::npos);
}

// estore-plugin-check PLUGIN_FOLDER [--config key=value …] [--set field=value …] [gtest options]
//
// The conformance suite every ElectronicStore plugin must pass, whatever its platform: it loads the
// plugin from its folder as a host does and checks the contract's rules that need no live shop (see
// host_api/README.md): the manifest and describe() agree, every text is in Slovenian and English, bad
// input gets clear per-field errors and never a crash or an exception, unknown jobs are refused, jobs
// scheduled on activation are declared and cancelled on deactivation, webhooks with garbage are answered,
// and no secret ever comes back in an outcome or the activity log. Installed with the SDK, so a plugin
// built outside this tree runs the same suite the Wix plugin runs.
//
// --config key=value sets a host configuration key the plugin reads (for example a base URL on 127.0.0.1
// with nothing listening, so a live check fails fast and nothing reaches a real shop).
// --set field=value gives a dialog field a value that passes the plugin's local checks (a well-formed shop
// id, say), so the secret checks reach the plugin's live check too. The fake host offers the warehouse
// GLAVNO and the cost centre SPLET for host choices.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "estore/sdk/fake_host.h"
#include "estore/sdk/plugin_loader.h"
#include "estore/sdk/settings_check.h"

namespace {

using namespace estore::host_api;
namespace fs = std::filesystem;

fs::path gPluginFolder;
std::vector<std::pair<std::string, std::string>> gConfig;
Settings gSettings;

/// Never in anything a plugin returns or logs (a secret's stand-in).
const std::string kCanary = "CANARY-7f3c9e21-secret-d0-not-echo";

std::vector<std::string> weirdValues() {
    return {"",
            " ",
            std::string(4096, 'x'),
            "line\r\nInjected: header",
            "ščžŠČŽ ☃ 🙂",
            "-1",
            "../../../../etc/passwd",
            "{\"json\":true}",
            "%zz%00",
            "0x7fffffffffffffff"};
}

class PluginConformance : public ::testing::Test {
protected:
    void SetUp() override {
        auto loaded = estore::sdk::PluginLoader().load(gPluginFolder);
        ASSERT_TRUE(loaded.ok()) << loaded.error->message;
        _plugin = loaded.plugin;
        _manifest = _plugin->manifest();
        _store = _plugin->createStore();
        ASSERT_NE(_store, nullptr) << "estore_create returned null";
        for (const auto& [key, value] : gConfig) _host.setConfig(key, value);
        _host.setWarehouses({{"GLAVNO", "Glavno skladišče"}});
        _host.setCostCenters({{"SPLET", "Spletna prodaja"}});
    }

    StoreRef storeRef(Settings settings = {}) const {
        return {"conformance-1", _manifest.id, std::move(settings)};
    }

    /// The settings a new store gets: the manifest's defaults and the values given with --set.
    Settings defaults() {
        Settings given = gSettings;
        return estore::sdk::withDefaults(_manifest.descriptor.fields, given,
                                         estore::sdk::isoDate(_host.nowEpochMillis()));
    }

    std::vector<std::string> secretFields() const {
        std::vector<std::string> ids;
        for (const auto& f : _manifest.descriptor.fields)
            if (f.secret || f.kind == FieldKind::Secret) ids.push_back(f.id);
        return ids;
    }

    static void expectExplained(const Outcome& o, const std::string& where) {
        if (o.ok()) return;
        EXPECT_FALSE(o.code.empty()) << where << ": an error without a code";
        EXPECT_FALSE(o.message.sl.empty()) << where << " " << o.code << ": no Slovenian message";
        EXPECT_FALSE(o.message.en.empty()) << where << " " << o.code << ": no English message";
    }

    void expectNoCanary(const std::string& text, const std::string& where) const {
        EXPECT_EQ(text.find(kCanary), std::string::npos) << where << " carries the secret: " << text;
        EXPECT_EQ(text.find(kCanary.substr(0, 12)), std::string::npos)
            << where << " carries part of the secret";
    }

    void expectNoCanary(const Outcome& o, const std::string& where) const {
        for (const std::string* text : {&o.message.sl, &o.message.en, &o.detail, &o.code, &o.field})
            expectNoCanary(*text, where);
    }

    std::shared_ptr<estore::sdk::LoadedPlugin> _plugin;
    estore::sdk::Manifest _manifest;
    estore::sdk::StoreHandle _store;
    estore::sdk::FakeHost _host;
};

TEST_F(PluginConformance, ItsApiVersionIsOneThisHostServes) {
    const ApiVersion v = _plugin->libraryApiVersion();
    EXPECT_EQ(v.major, kApiVersion.major);
    EXPECT_LE(v.minor, kApiVersion.minor);
    EXPECT_EQ(v.major, _manifest.hostApiMin.major) << "the manifest's host_api range";
}

TEST_F(PluginConformance, DescribeAgreesWithTheManifest) {
    const StoreDescriptor d = _store->describe();
    EXPECT_EQ(d.platformId, _manifest.id);
    ASSERT_EQ(d.fields.size(), _manifest.descriptor.fields.size());
    for (std::size_t i = 0; i < d.fields.size(); ++i) {
        EXPECT_EQ(d.fields[i].id, _manifest.descriptor.fields[i].id);
        EXPECT_EQ(d.fields[i].kind, _manifest.descriptor.fields[i].kind) << d.fields[i].id;
        EXPECT_EQ(d.fields[i].required, _manifest.descriptor.fields[i].required) << d.fields[i].id;
        EXPECT_EQ(d.fields[i].secret, _manifest.descriptor.fields[i].secret) << d.fields[i].id;
    }
    ASSERT_EQ(d.jobs.size(), _manifest.descriptor.jobs.size());
    for (std::size_t i = 0; i < d.jobs.size(); ++i) EXPECT_EQ(d.jobs[i].id, _manifest.descriptor.jobs[i].id);
    EXPECT_EQ(d.capabilities, _manifest.descriptor.capabilities);
}

TEST_F(PluginConformance, EveryTextAPersonSeesIsInSlovenianAndEnglish) {
    const StoreDescriptor d = _store->describe();
    EXPECT_FALSE(d.name.sl.empty());
    EXPECT_FALSE(d.name.en.empty());
    for (const auto& f : d.fields) {
        EXPECT_FALSE(f.label.sl.empty()) << f.id;
        EXPECT_FALSE(f.label.en.empty()) << f.id;
        for (const auto& c : f.choices) EXPECT_FALSE(c.label.sl.empty() || c.label.en.empty()) << f.id;
    }
    for (const auto& j : d.jobs) EXPECT_FALSE(j.name.sl.empty() || j.name.en.empty()) << j.id;
}

TEST_F(PluginConformance, ValidatingNothingNamesEveryRequiredField) {
    const Validation v = _store->validate({}, {}, _host.services());
    EXPECT_FALSE(v.outcome.ok() && v.fieldErrors.empty()) << "an empty dialog passed";
    expectExplained(v.outcome, "validate({})");
    std::vector<std::string> named;
    for (const auto& e : v.fieldErrors) {
        named.push_back(e.field);
        EXPECT_NE(_manifest.field(e.field), nullptr) << "an error about an unknown field '" << e.field << "'";
        EXPECT_FALSE(e.code.empty()) << e.field;
        EXPECT_FALSE(e.message.sl.empty() || e.message.en.empty()) << e.field << " " << e.code;
    }
    if (!v.outcome.field.empty()) named.push_back(v.outcome.field);
    for (const auto& f : _manifest.descriptor.fields)
        if (f.required && f.kind != FieldKind::Action) {
            EXPECT_NE(std::find(named.begin(), named.end(), f.id), named.end())
                << "required field '" << f.id << "' left empty without an error naming it";
        }
}

TEST_F(PluginConformance, StrangeInputGetsAnAnswerNeverACrash) {
    for (const auto& value : weirdValues()) {
        Settings settings = defaults();
        Settings secrets;
        for (const auto& f : _manifest.descriptor.fields) (f.secret ? secrets : settings)[f.id] = value;
        const Validation v = _store->validate(settings, secrets, _host.services());
        expectExplained(v.outcome, "validate(" + value.substr(0, 20) + ")");
        for (const auto& e : v.fieldErrors)
            EXPECT_FALSE(e.message.sl.empty() || e.message.en.empty()) << e.code;
    }
}

TEST_F(PluginConformance, AnUnknownJobIsRefusedAndNotRetried) {
    const JobReport r =
        _store->runJob({storeRef(defaults()), "conformance.no_such_job", {}}, _host.services());
    EXPECT_FALSE(r.outcome.ok());
    EXPECT_FALSE(r.outcome.retryable()) << "retrying an unknown job never helps";
    expectExplained(r.outcome, "runJob(unknown)");
}

TEST_F(PluginConformance, EveryJobWithoutItsSettingsStopsWithAReasonNotARetry) {
    for (const auto& job : _manifest.descriptor.jobs) {
        const JobReport r = _store->runJob({storeRef(), job.id, {}}, _host.services());
        EXPECT_FALSE(r.outcome.ok()) << job.id << " ran without the store's settings";
        EXPECT_FALSE(r.outcome.retryable()) << job.id << ": missing settings do not pass by themselves";
        expectExplained(r.outcome, job.id);
    }
}

TEST_F(PluginConformance, ActivationSchedulesOnlyDeclaredJobsAndDeactivationCancelsThem) {
    const Outcome on = _store->activate(storeRef(defaults()), _host.services());
    expectExplained(on, "activate");
    for (const auto& s : _host.scheduled()) {
        EXPECT_EQ(s.storeId, "conformance-1");
        EXPECT_NE(_manifest.job(s.schedule.jobId), nullptr)
            << "scheduled an undeclared job " << s.schedule.jobId;
        EXPECT_GE(s.schedule.everySeconds, 0) << s.schedule.jobId;
    }
    const Outcome off = _store->deactivate(storeRef(defaults()), _host.services());
    EXPECT_TRUE(off.ok()) << off.code << ": " << off.message.en;
    EXPECT_TRUE(_host.scheduled().empty()) << "a deactivated store still has scheduled jobs";
}

TEST_F(PluginConformance, AGarbageWebhookIsAnsweredWithAnHttpStatus) {
    const std::vector<std::string> bodies = {"", "{not json", std::string(70000, '{'), "\x01\x02\xff"};
    for (const auto& body : bodies) {
        WebhookRequest request{"POST", "application/json", {{"content-type", "application/json"}}, body};
        const WebhookAck ack = _store->onWebhook(storeRef(defaults()), request, _host.services());
        EXPECT_GE(ack.httpStatus, 100);
        EXPECT_LE(ack.httpStatus, 599);
        EXPECT_TRUE(!ack.outcome.ok() || ack.httpStatus < 300) << "an error answered as success";
        expectExplained(ack.outcome, "onWebhook");
    }
}

TEST_F(PluginConformance, NoSecretComesBackInAnOutcomeOrTheActivityLog) {
    Settings secrets;
    for (const auto& id : secretFields()) {
        secrets[id] = kCanary;
        _host.setSecret("conformance-1", id, kCanary);
    }
    const Validation v = _store->validate(defaults(), secrets, _host.services());
    expectNoCanary(v.outcome, "validate");
    for (const auto& e : v.fieldErrors) {
        expectNoCanary(e.message.sl + e.message.en, "a field error");
    }
    for (const auto& [key, value] : v.normalized) expectNoCanary(value, "normalized setting " + key);
    for (const auto& job : _manifest.descriptor.jobs) {
        const JobReport r = _store->runJob({storeRef(defaults()), job.id, {}}, _host.services());
        expectNoCanary(r.outcome, job.id);
        expectNoCanary(r.summary.sl + r.summary.en, job.id + " summary");
    }
    for (const auto& entry : _host.activity())
        expectNoCanary(entry.message.sl + entry.message.en + entry.detail, "activity " + entry.code);
}

}  // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if ((arg == "--config" || arg == "--set") && i + 1 < argc) {
            const std::string kv = argv[++i];
            const auto eq = kv.find('=');
            if (eq == std::string::npos) {
                std::cerr << "estore-plugin-check: " << arg << " needs key=value, got '" << kv << "'\n";
                return 1;
            }
            if (arg == "--config")
                gConfig.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
            else
                gSettings[kv.substr(0, eq)] = kv.substr(eq + 1);
        } else if (gPluginFolder.empty()) {
            gPluginFolder = arg;
        } else {
            std::cerr << "estore-plugin-check: unexpected argument '" << arg << "'\n";
            return 1;
        }
    }
    if (gPluginFolder.empty()) {
        std::cerr
            << "usage: estore-plugin-check PLUGIN_FOLDER [--config key=value ...] [--set field=value ...]\n"
               "                           [gtest options]\n"
               "  PLUGIN_FOLDER holds manifest.json and the library it names\n";
        return 1;
    }
    return RUN_ALL_TESTS();
}

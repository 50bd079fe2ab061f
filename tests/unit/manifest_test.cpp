#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "estore/sdk/manifest.h"

using estore::sdk::ManifestReader;

namespace {

std::string projectManifest() {
    std::ifstream in(ESTORE_SOURCE_DIR "/manifest.json");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A minimal valid manifest with `extra` spliced in (replacing keys by later duplicates is not JSON, so
/// tests build the variant they need).
std::string manifestWith(const std::string& id = "\"shop\"",
                         const std::string& hostApi = R"({"min":"1.0","max":"1.0"})",
                         const std::string& fields = "[]", const std::string& jobs = "[]",
                         const std::string& library = R"({"linux":"libshop.so"})") {
    return "{\"id\":" + id +
           R"(,"interface":"ElectronicStore/1","name":{"sl":"Trgovina","en":"Shop"},"version":"1.0.0",)" +
           "\"host_api\":" + hostApi + ",\"library\":" + library + ",\"fields\":" + fields +
           ",\"jobs\":" + jobs + "}";
}

bool hasErrorAt(const estore::sdk::ManifestResult& r, const std::string& path) {
    for (const auto& e : r.errors)
        if (e.path == path) return true;
    return false;
}

}  // namespace

TEST(Manifest, TheWixManifestReadsWithEveryDialogFieldAndJob) {
    auto r = ManifestReader::parse(projectManifest(), "/plugins/wix");
    ASSERT_TRUE(r.ok()) << r.errorText();
    const auto& m = *r.manifest;
    EXPECT_EQ(m.id, "wix");
    EXPECT_EQ(m.name.sl, "Wix");
    EXPECT_EQ(m.libraryPath(), "/plugins/wix/libestore_wix.so");
    for (const char* field :
         {"api_key", "site_id", "warehouse", "cost_center", "import_orders", "import_since", "import_rule",
          "sync_stock", "stock_quantity", "payment_methods", "auto_invoice", "email_invoice", "webhook"})
        EXPECT_NE(m.field(field), nullptr) << field;
    EXPECT_TRUE(m.field("api_key")->secret);
    EXPECT_FALSE(m.field("site_id")->secret);
    EXPECT_EQ(m.field("stock_quantity")->defaultValue, "on_hand_minus_reserved");
    EXPECT_EQ(m.field("sync_stock")->defaultValue, "false");
    EXPECT_EQ(m.field("import_since")->defaultValue, "today");
    ASSERT_NE(m.job("orders.import"), nullptr);
    EXPECT_EQ(m.job("orders.import")->defaultIntervalSeconds, 3600);
    EXPECT_EQ(m.job("stock.push")->defaultIntervalSeconds, 900);
    EXPECT_EQ(m.job("stock.push")->enabledBy, "sync_stock");
    EXPECT_FALSE(m.permissions.empty());
}

TEST(Manifest, NotJsonIsRefusedAsSuch) {
    auto r = ManifestReader::parse("{\"id\": \"wix\",", "/");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.errorText().find("not valid JSON"), std::string::npos) << r.errorText();
    EXPECT_FALSE(ManifestReader::parse("[1,2]", "/").ok());
}

TEST(Manifest, EveryMissingRequiredKeyIsNamed) {
    auto r = ManifestReader::parse("{}", "/");
    ASSERT_FALSE(r.ok());
    for (const char* key : {"id", "interface", "name", "version", "host_api", "library", "fields", "jobs"})
        EXPECT_TRUE(hasErrorAt(r, key)) << key << " in " << r.errorText();
}

TEST(Manifest, MalformedValuesAreReportedWithTheirPath) {
    EXPECT_TRUE(hasErrorAt(ManifestReader::parse(manifestWith("\"Wix Store\""), "/"), "id"));
    EXPECT_TRUE(
        hasErrorAt(ManifestReader::parse(manifestWith("\"shop\"", R"({"min":"one","max":"1.0"})"), "/"),
                   "host_api.min"));
    EXPECT_TRUE(hasErrorAt(
        ManifestReader::parse(manifestWith("\"shop\"", R"({"min":"1.2","max":"1.0"})"), "/"), "host_api"));
    EXPECT_TRUE(hasErrorAt(
        ManifestReader::parse(manifestWith("\"shop\"", R"({"min":"1.0","max":"1.0"})",
                                           R"([{"id":"a","kind":"slider","label":{"sl":"A","en":"A"}}])"),
                              "/"),
        "fields[0].kind"));
    EXPECT_TRUE(
        hasErrorAt(ManifestReader::parse(
                       manifestWith("\"shop\"", R"({"min":"1.0","max":"1.0"})",
                                    R"([{"id":"a","kind":"choice","default":"x","label":{"sl":"A","en":"A"},
                                               "choices":[{"value":"y","label":{"sl":"Y","en":"Y"}}]}])"),
                       "/"),
                   "fields[0].default"));
    EXPECT_TRUE(hasErrorAt(
        ManifestReader::parse(manifestWith("\"shop\"", R"({"min":"1.0","max":"1.0"})", "[]",
                                           R"([{"id":"orders.import","name":{"sl":"U","en":"I"}}])"),
                              "/"),
        "jobs[0].interval_seconds"));
    EXPECT_TRUE(hasErrorAt(
        ManifestReader::parse(
            manifestWith(
                "\"shop\"", R"({"min":"1.0","max":"1.0"})", "[]",
                R"([{"id":"x","name":{"sl":"U","en":"I"},"interval_seconds":60,"enabled_by":"nope"}])"),
            "/"),
        "jobs[0].enabled_by"));
    EXPECT_TRUE(hasErrorAt(ManifestReader::parse(manifestWith("\"shop\"", R"({"min":"1.0","max":"1.0"})",
                                                              "[]", "[]", R"({"linux":"../../etc/evil.so"})"),
                                                 "/"),
                           "library.linux"));
}

TEST(Manifest, ATextWithoutItsSlovenianIsRefused) {
    std::string json = manifestWith();
    json.replace(json.find(R"({"sl":"Trgovina","en":"Shop"})"), 29, R"({"en":"Shop"})");
    auto r = ManifestReader::parse(json, "/");
    EXPECT_TRUE(hasErrorAt(r, "name.sl")) << r.errorText();
}

TEST(Manifest, AMinimalManifestIsAccepted) {
    auto r = ManifestReader::parse(manifestWith(), "/x");
    ASSERT_TRUE(r.ok()) << r.errorText();
    EXPECT_EQ(r.manifest->hostApiMin.major, 1u);
}

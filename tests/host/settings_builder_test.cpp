// Building a store's settings from the platform's dialog fields.
#include <gtest/gtest.h>

#include "estore/host/enrollment/settings_builder.h"

using namespace estore::host;
using namespace estore::host_api;

namespace {

std::vector<FieldSpec> wixLikeFields() {
    return {
        {"api_key", FieldKind::Secret, {"API ključ", "API key"}, {}, true, true, "", {}, ""},
        {"site_id", FieldKind::Text, {"ID strani", "Site ID"}, {}, true, false, "", {}, ""},
        {"warehouse",
         FieldKind::HostChoice,
         {"Skladišče", "Warehouse"},
         {},
         true,
         false,
         "",
         {},
         "warehouses"},
        {"import_orders", FieldKind::Flag, {}, {}, false, false, "true", {}, ""},
        {"import_since", FieldKind::Date, {}, {}, false, false, "today", {}, ""},
        {"webhook", FieldKind::Action, {}, {}, false, false, "", {}, ""},
    };
}

}  // namespace

TEST(SettingsBuilder, DefaultsTodayAndSecretsApart) {
    SettingsBuilder builder(wixLikeFields(), "2025-03-14");
    EXPECT_EQ(builder.settings().at("import_orders"), "true");
    EXPECT_EQ(builder.settings().at("import_since"), "2025-03-14");
    EXPECT_TRUE(builder.set("api_key", "IST.secret"));
    EXPECT_TRUE(builder.set("import_orders", "false"));
    EXPECT_EQ(builder.secrets().at("api_key"), "IST.secret");
    EXPECT_EQ(builder.settings().count("api_key"), 0u);
    EXPECT_EQ(builder.settings().at("import_orders"), "false");
}

TEST(SettingsBuilder, UnknownKeysAndActionsAreNotSettable) {
    SettingsBuilder builder(wixLikeFields(), "2025-03-14");
    EXPECT_FALSE(builder.set("colour", "red"));
    EXPECT_FALSE(builder.set("webhook", "x"));
    EXPECT_EQ(builder.settableKeys().size(), 5u);
}

TEST(SettingsBuilder, NamesTheMissingRequiredFieldsInDialogOrder) {
    SettingsBuilder builder(wixLikeFields(), "2025-03-14");
    builder.set("site_id", "");
    builder.set("warehouse", "GLAVNO");
    auto missing = builder.missingRequired();
    ASSERT_EQ(missing.size(), 2u);
    EXPECT_EQ(missing[0].id, "api_key");
    EXPECT_EQ(missing[1].id, "site_id");
}

TEST(SettingsBuilder, ParsesAssignments) {
    std::string key, value;
    EXPECT_TRUE(SettingsBuilder::parseAssignment("site_id=https://x/y?a=b", key, value));
    EXPECT_EQ(key, "site_id");
    EXPECT_EQ(value, "https://x/y?a=b");
    EXPECT_FALSE(SettingsBuilder::parseAssignment("novalue", key, value));
    EXPECT_FALSE(SettingsBuilder::parseAssignment("=x", key, value));
}

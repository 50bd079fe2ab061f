#include <gtest/gtest.h>

#include "estore/sdk/settings_check.h"

using namespace estore::sdk;

TEST(SettingsCheck, IsoDates) {
    EXPECT_TRUE(isIsoDate("2026-11-29"));
    EXPECT_TRUE(isIsoDate("2024-02-29"));
    EXPECT_FALSE(isIsoDate("2025-02-29"));
    EXPECT_FALSE(isIsoDate("2026-13-01"));
    EXPECT_FALSE(isIsoDate("29.11.2026"));
    EXPECT_FALSE(isIsoDate("2026-11-2"));
    EXPECT_EQ(isoDate(0), "1970-01-01");
    EXPECT_EQ(isoDate(1'764'000'000'000), "2025-11-24");
}

TEST(SettingsCheck, DefaultsFillOnlyWhatIsMissingAndTodayBecomesADate) {
    estore::host_api::FieldSpec since;
    since.id = "import_since";
    since.kind = estore::host_api::FieldKind::Date;
    since.defaultValue = "today";
    estore::host_api::FieldSpec flag;
    flag.id = "sync_stock";
    flag.kind = estore::host_api::FieldKind::Flag;
    flag.defaultValue = "false";
    auto s = withDefaults({since, flag}, {{"sync_stock", "true"}}, "2026-11-29");
    EXPECT_EQ(s["import_since"], "2026-11-29");
    EXPECT_EQ(s["sync_stock"], "true");
}

TEST(SettingsCheck, FlagsAreNormalised) {
    estore::host_api::FieldSpec flag;
    flag.id = "f";
    flag.kind = estore::host_api::FieldKind::Flag;
    flag.label = {"Zastavica", "Flag"};
    estore::host_api::Settings s{{"f", "DA"}};
    EXPECT_TRUE(checkFields({flag}, s, nullptr).empty());
    EXPECT_EQ(s["f"], "true");
    s["f"] = "perhaps";
    auto errors = checkFields({flag}, s, nullptr);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "f");
    EXPECT_NE(errors[0].message.sl.find("Zastavica"), std::string::npos);
}

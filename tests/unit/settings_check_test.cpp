#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

#include "estore/sdk/int_setting.h"
#include "estore/sdk/settings_check.h"
#include "estore/sdk/text.h"

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

namespace {

class MapConfig final : public estore::host_api::Config {
public:
    explicit MapConfig(std::map<std::string, std::string> values) : _values(std::move(values)) {}
    std::optional<std::string> get(const std::string& key) override {
        auto it = _values.find(key);
        return it == _values.end() ? std::nullopt : std::optional<std::string>(it->second);
    }

private:
    std::map<std::string, std::string> _values;
};

}  // namespace

TEST(IntSetting, WholeNumbersAreReadAndAnAbsentKeyIsTheFallback) {
    MapConfig config({{"wix.timeout_ms", "2500"}, {"host.lease_seconds", "-3"}});
    EXPECT_EQ(readIntSetting(&config, "wix.timeout_ms", 1).value, 2500);
    EXPECT_EQ(readIntSetting(&config, "host.lease_seconds", 1).value, -3);
    const IntSetting absent = readIntSetting(&config, "wix.retry_attempts", 5);
    EXPECT_TRUE(absent.ok());
    EXPECT_EQ(absent.value, 5);
    EXPECT_EQ(readIntSetting(nullptr, "wix.retry_attempts", 7).value, 7);
}

TEST(IntSetting, AWholeNumberOutsideItsRangeIsRefusedAndTheFallbackKept) {
    MapConfig config(std::map<std::string, std::string>{{"wix.retry_attempts", "0"}});
    const IntSetting low = readIntSetting(&config, "wix.retry_attempts", 5, 1, 20);
    EXPECT_FALSE(low.ok());
    EXPECT_EQ(low.value, 5);
    EXPECT_EQ(low.failure().code, "host.config.out_of_range");
    EXPECT_NE(low.problem->en.find("wix.retry_attempts = 0 is not between 1"), std::string::npos);
    EXPECT_FALSE(low.problem->sl.empty());
    MapConfig top(std::map<std::string, std::string>{{"wix.retry_attempts", "20"}});
    EXPECT_TRUE(readIntSetting(&top, "wix.retry_attempts", 5, 1, 20).ok()) << "the ends count";
    MapConfig word(std::map<std::string, std::string>{{"wix.retry_attempts", "x"}});
    EXPECT_EQ(readIntSetting(&word, "wix.retry_attempts", 5, 1, 20).failure().code,
              "host.config.not_a_number");
}

TEST(IntSetting, AnythingButAWholeNumberIsRefusedNamingTheKey) {
    // std::stoi read "30s" as 30 and "1e3" as 1; each of these is refused and keeps the fallback.
    for (const std::string junk :
         {"30s", "1e3", "1,000", "1 000", "", "abc", "2.5", "99999999999999999999"}) {
        MapConfig config({{"wix.timeout_ms", junk}});
        const IntSetting setting = readIntSetting(&config, "wix.timeout_ms", 3000);
        ASSERT_FALSE(setting.ok()) << junk;
        EXPECT_EQ(setting.value, 3000) << junk;
        EXPECT_NE(
            setting.problem->en.find("host setting wix.timeout_ms = '" + junk + "' is not a whole number"),
            std::string::npos)
            << setting.problem->en;
        EXPECT_NE(setting.problem->sl.find("wix.timeout_ms"), std::string::npos) << setting.problem->sl;
        const auto failure = setting.failure();
        EXPECT_EQ(failure.category, estore::host_api::ErrorCategory::Config);
        EXPECT_EQ(failure.code, "host.config.not_a_number");
        EXPECT_EQ(failure.detail, "wix.timeout_ms");
    }
}

TEST(TextHelpers, TrimmedViewDropsAsciiWhiteSpaceOnly) {
    EXPECT_EQ(trimmedView(" \t\r\n abc d \v\f"), "abc d");
    EXPECT_EQ(trimmedView("   "), "");
    EXPECT_EQ(trimmedView("\xc2\xa0x"), "\xc2\xa0x");  // a no-break space is not ASCII white space
}

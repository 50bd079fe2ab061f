#include <gtest/gtest.h>

#include "settings/site_id.h"

using estore::wix::parseSiteId;
using estore::wix::SiteIdProblem;

namespace {
const std::string kGuid = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
}

TEST(SiteId, AcceptsBareGuidInAnyCaseAndTrimsWhitespace) {
    EXPECT_EQ(parseSiteId(kGuid).siteId, kGuid);
    EXPECT_EQ(parseSiteId("0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D").siteId, kGuid);
    EXPECT_EQ(parseSiteId("  " + kGuid + "\n").siteId, kGuid);
    EXPECT_EQ(parseSiteId("\t" + kGuid + " \r\n").siteId, kGuid);
}

TEST(SiteId, TakesTheSegmentAfterDashboardFromEveryDashboardUrlForm) {
    // Routes from the reference (wix-api.md §1): home, orders, order details, products, product, inventory,
    // app.
    const std::vector<std::string> urls = {
        "https://manage.wix.com/dashboard/" + kGuid,
        "https://manage.wix.com/dashboard/" + kGuid + "/",
        "https://manage.wix.com/dashboard/" + kGuid + "/home",
        "https://manage.wix.com/dashboard/" + kGuid + "/ecom-platform/orders-list",
        "https://manage.wix.com/dashboard/" + kGuid +
            "/ecom-platform/order-details/11111111-2222-3333-4444-555555555555",
        "https://manage.wix.com/dashboard/" + kGuid + "/wix-stores/products",
        "https://manage.wix.com/dashboard/" + kGuid +
            "/wix-stores/products/product/99999999-8888-7777-6666-555555555555",
        "https://manage.wix.com/dashboard/" + kGuid + "/wix-stores/inventory",
        "https://manage.wix.com/dashboard/" + kGuid + "/app/215238eb-22a5-4c36-9e7b-e7c08025e04e",
        "https://manage.wix.com/dashboard/" + kGuid + "/home?referralInfo=sidebar#section",
        "http://manage.wix.com/dashboard/" + kGuid + "/home",
        "manage.wix.com/dashboard/" + kGuid + "/home",
        "HTTPS://MANAGE.WIX.COM/DASHBOARD/" + std::string("0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D") + "/HOME",
        "https://www.wix.com/dashboard/" + kGuid + "/home",
        "  https://manage.wix.com/dashboard/" + kGuid + "/home  ",
    };
    for (const auto& url : urls) {
        auto parsed = parseSiteId(url);
        EXPECT_TRUE(parsed.ok()) << url;
        EXPECT_EQ(parsed.siteId, kGuid) << url;
    }
}

TEST(SiteId, AcceptsTheEditorsMetaSiteIdParameter) {
    auto parsed = parseSiteId(
        "https://editor.wix.com/html/editor/web/renderer/edit/"
        "11111111-2222-3333-4444-555555555555?metaSiteId=" +
        kGuid + "&editorSessionId=x");
    EXPECT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.siteId, kGuid);
}

TEST(SiteId, RefusesEachKindOfGarbageWithItsOwnReason) {
    EXPECT_EQ(parseSiteId("").problem, SiteIdProblem::Empty);
    EXPECT_EQ(parseSiteId("   \n").problem, SiteIdProblem::Empty);
    EXPECT_EQ(parseSiteId("hello").problem, SiteIdProblem::NotGuid);
    EXPECT_EQ(parseSiteId("0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d").problem, SiteIdProblem::NotGuid);  // no dashes
    EXPECT_EQ(parseSiteId("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4").problem,
              SiteIdProblem::NotGuid);  // one short
    EXPECT_EQ(parseSiteId("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4dd").problem, SiteIdProblem::NotGuid);
    EXPECT_EQ(parseSiteId("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4g").problem,
              SiteIdProblem::NotGuid);  // not hex
    EXPECT_EQ(parseSiteId("{" + kGuid + "}").problem, SiteIdProblem::NotGuid);
    EXPECT_EQ(parseSiteId("https://example.com/dashboard/" + kGuid + "/home").problem,
              SiteIdProblem::NotWixUrl);
    EXPECT_EQ(parseSiteId("https://manage.wix.com.evil.example/dashboard/" + kGuid).problem,
              SiteIdProblem::NotWixUrl);
    EXPECT_EQ(parseSiteId("https://evilwix.com/dashboard/" + kGuid).problem, SiteIdProblem::NotWixUrl);
    EXPECT_EQ(parseSiteId("https://manage.wix.com/account/api-keys").problem, SiteIdProblem::AccountPage);
    EXPECT_EQ(parseSiteId("https://manage.wix.com/account/sites").problem, SiteIdProblem::AccountPage);
    EXPECT_EQ(parseSiteId("https://manage.wix.com/dashboard/").problem, SiteIdProblem::NoSiteInUrl);
    EXPECT_EQ(parseSiteId("https://manage.wix.com/").problem, SiteIdProblem::NoSiteInUrl);
    EXPECT_EQ(parseSiteId("https://manage.wix.com/dashboard/home/" + kGuid).problem, SiteIdProblem::NotGuid);
    EXPECT_EQ(parseSiteId("https://manage.wix.com/dashboard/my-site/home").problem, SiteIdProblem::NotGuid);
}

TEST(SiteId, RefusesUnicodeAndControlCharacters) {
    EXPECT_EQ(parseSiteId("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3č4d").problem, SiteIdProblem::NotText);
    EXPECT_EQ(parseSiteId("０a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d").problem,
              SiteIdProblem::NotText);  // full-width 0
    EXPECT_EQ(parseSiteId("https://manage.wix.com/dashboard/" + kGuid + "/domača-stran").problem,
              SiteIdProblem::NotText);
    EXPECT_EQ(parseSiteId(std::string("0a1b2c3d-4e5f-4a6b\0-8c7d-9e0f1a2b3c4d", 37)).problem,
              SiteIdProblem::NotText);
    EXPECT_EQ(parseSiteId("0a1b2c3d-4e5f 4a6b-8c7d-9e0f1a2b3c4d").problem, SiteIdProblem::NotText);
    EXPECT_EQ(parseSiteId("\xff\xfe" + kGuid).problem, SiteIdProblem::NotText);
}

TEST(SiteId, RefusesVeryLongInputWithoutScanningIt) {
    EXPECT_EQ(parseSiteId(std::string(5000, 'a')).problem, SiteIdProblem::TooLong);
    EXPECT_EQ(parseSiteId("https://manage.wix.com/dashboard/" + kGuid + "/" + std::string(3000, 'x')).problem,
              SiteIdProblem::TooLong);
    // Long but within the limit still works.
    EXPECT_TRUE(parseSiteId("https://manage.wix.com/dashboard/" + kGuid + "/" + std::string(1500, 'x')).ok());
}

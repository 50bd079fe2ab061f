// The admin pages in real headless Chromium against wix-sandbox: what a person signing in and adding a
// Wix store sees, with screenshots of every step kept in the test output.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "admin_fixture.h"

namespace estore::test {

namespace {

const std::string kUnknownSite = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const std::string kWrongKey = "IST.eyJraWQiOiJ3cm9uZy1rZXkifQ.not-a-real-key-1234567890";

}  // namespace

TEST_F(AdminPagesTest, AWrongPasswordIsRefusedAndTheRightOneOpensTheStoreList) {
    auto& b = browser();
    b.open(url("/"));
    EXPECT_NE(b.url().find("/signin"), std::string::npos) << b.url();
    screenshot("1-signin");
    b.type("#name", kUser);
    b.type("#password", "not-the-password");
    b.clickAndWait("#signin");
    EXPECT_NE(b.text("#signin-error").find("Napačno ime ali geslo"), std::string::npos) << b.text("main");
    EXPECT_EQ(b.evaluate("document.querySelector('#name').value"), kUser);
    EXPECT_EQ(b.evaluate("document.querySelector('#password').value"), "");
    screenshot("2-wrong-password");
    b.type("#password", kPassword);
    b.clickAndWait("#signin");
    EXPECT_EQ(b.url(), url("/"));
    EXPECT_NE(b.text("#no-stores").find("Povezana ni še nobena spletna trgovina"), std::string::npos);
    screenshot("3-no-stores");
}

TEST_F(AdminPagesTest, AddingAStoreShowsEachErrorNextToItsFieldAndStoresNothingUntilTheValuesAreRight) {
    signInWithBrowser();
    auto& b = browser();
    std::vector<std::string> pages;  // every page's HTML, to look for the key afterwards
    b.clickAndWait("#add-store");
    EXPECT_NE(b.text("#platform-wix").find("Wix"), std::string::npos) << b.text("main");
    screenshot("1-platforms");
    b.clickAndWait("#platform-wix");
    // The form is the manifest's: labels, help, the host's warehouses and cost centres, defaults.
    EXPECT_EQ(b.text("label[for=f_api_key]"), "API ključ*");
    EXPECT_NE(b.text("#help-site_id").find("manage.wix.com/dashboard"), std::string::npos);
    EXPECT_NE(b.text("#f_warehouse").find("GLAVNO · Glavno skladišče"), std::string::npos);
    EXPECT_EQ(b.evaluate("document.querySelector('#f_import_orders').checked"), "true");
    EXPECT_EQ(b.evaluate("document.querySelector('#f_import_rule').value"), "approved");
    EXPECT_EQ(b.evaluate("document.querySelector('[name=\"f_payment_methods.k0\"]').value"), "WixPayments");
    screenshot("2-form");

    auto fill = [&](const std::string& key, const std::string& site) {
        b.type("#f_api_key", key);
        b.type("#f_site_id", site);
        b.select("#f_warehouse", "GLAVNO");
        b.select("#f_cost_center", "SPLET");
        b.clickAndWait("#submit");
        pages.push_back(b.html());
    };

    // A wrong key: its error next to the key, none next to the Site ID, nothing stored.
    fill(kWrongKey, _identity.siteId);
    EXPECT_NE(b.text("#form-error").find("nič ni shranjeno"), std::string::npos) << b.text("main");
    EXPECT_FALSE(b.text("#field-api_key .error").empty()) << b.text("main");
    EXPECT_NE(b.text("#field-api_key .error").find("API ključ"), std::string::npos);
    EXPECT_FALSE(b.exists("#field-site_id .error"));
    EXPECT_EQ(b.evaluate("document.querySelector('#f_api_key').value"), "") << "a secret is never sent back";
    EXPECT_EQ(b.evaluate("document.querySelector('#f_site_id').value"), _identity.siteId)
        << "typed values stay";
    EXPECT_EQ(b.evaluate("document.querySelector('#f_warehouse').value"), "GLAVNO");
    screenshot("3-wrong-key");
    EXPECT_EQ(storesJson()->size(), 0u);

    // The right key and a site that does not exist: the error is the Site ID's.
    fill(_identity.apiKey, dashboardUrl(kUnknownSite));
    EXPECT_FALSE(b.text("#field-site_id .error").empty()) << b.text("main");
    EXPECT_FALSE(b.exists("#field-api_key .error"));
    screenshot("4-wrong-site");
    EXPECT_EQ(storesJson()->size(), 0u);

    // The right values, the Site ID pasted as the dashboard's address: the store and its jobs.
    fill(_identity.apiKey, dashboardUrl(_identity.siteId));
    EXPECT_NE(b.url().find("/stores/wix-1?added=1"), std::string::npos) << b.text("main");
    EXPECT_NE(b.text("#added").find("Trgovina je dodana"), std::string::npos);
    EXPECT_TRUE(b.exists("#jobs tr[data-job=\"orders.import\"]")) << b.text("#jobs");
    EXPECT_NE(b.text("#jobs").find("Uvoz naročil"), std::string::npos);
    EXPECT_NE(b.text("#settings").find(_identity.siteId), std::string::npos) << "the bare Site ID is stored";
    EXPECT_NE(b.text("#settings").find("nastavljeno"), std::string::npos) << "the key shows as set";
    screenshot("5-added");
    ASSERT_EQ(storesJson()->size(), 1u);

    b.open(url("/"));
    pages.push_back(b.html());
    EXPECT_NE(b.text("#store-wix-1").find("Deluje"), std::string::npos) << b.text("main");
    screenshot("6-store-list");

    for (const auto& page : pages) EXPECT_EQ(page.find(_identity.apiKey), std::string::npos);
    EXPECT_EQ(uiLog().find(_identity.apiKey), std::string::npos);
}

TEST_F(AdminPagesTest, TheLanguageSwitchShowsThePagesInEnglishAndBack) {
    signInWithBrowser();
    auto& b = browser();
    b.clickAndWait("#lang-switch");
    EXPECT_EQ(b.url(), url("/"));
    EXPECT_NE(b.text("#add-store").find("Add electronic store"), std::string::npos) << b.text("main");
    b.open(url("/stores/new?platform=wix"));
    EXPECT_EQ(b.text("label[for=f_api_key]"), "API key*");
    EXPECT_NE(b.text("#help-warehouse").find("The warehouse orders are booked on"), std::string::npos);
    screenshot("1-english-form");
    b.clickAndWait("#lang-switch");
    EXPECT_EQ(b.text("label[for=f_api_key]"), "API ključ*");
}

}  // namespace estore::test

// Rate limiting (reference §10): per site, 429 RESOURCE_EXHAUSTED, no Retry-After, window slides.

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "test_client.h"

namespace sandbox_test {
namespace {

wix_sandbox::SandboxOptions limited(int perWindow, int windowMs) {
    wix_sandbox::SandboxOptions options = SandboxHarness::defaultOptions();
    options.rateLimitPerMinute = perWindow;
    options.rateLimitWindowMs = windowMs;
    return options;
}

HttpResult version(const SandboxHarness& harness, const std::string& siteId) {
    return harness.client().wix("GET", "/stores/v3/provision/version", "", harness.key(), siteId);
}

TEST(RateLimitTest, DefaultIs200PerMinutePerSite) {
    wix_sandbox::SandboxOptions options = SandboxHarness::defaultOptions();
    options.rateLimitPerMinute = wix_sandbox::SandboxOptions{}.rateLimitPerMinute;
    ASSERT_EQ(options.rateLimitPerMinute, 200);
    SandboxHarness harness(options);
    for (int i = 0; i < 200; ++i) ASSERT_EQ(version(harness, harness.site().siteId).status, 200) << i;
    HttpResult limitedResult = version(harness, harness.site().siteId);
    EXPECT_EQ(limitedResult.status, 429);
    EXPECT_EQ(
        limitedResult.body,
        R"({"message":"Resource exhausted","details":{"applicationError":{"code":"RESOURCE_EXHAUSTED"}}})");
    EXPECT_FALSE(limitedResult.headers.has("Retry-After"));
}

TEST(RateLimitTest, SitesHaveSeparateBudgetsAndTheWindowSlides) {
    SandboxHarness harness(limited(3, 400));
    wix_sandbox::SiteInfo other = harness.addSite(wix_sandbox::CatalogVersion::V3);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(version(harness, harness.site().siteId).status, 200);
    EXPECT_EQ(version(harness, harness.site().siteId).status, 429);
    EXPECT_EQ(version(harness, other.siteId).status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(450));
    EXPECT_EQ(version(harness, harness.site().siteId).status, 200);
}

TEST(RateLimitTest, ZeroTurnsItOff) {
    SandboxHarness harness(limited(0, 60000));
    for (int i = 0; i < 250; ++i) ASSERT_EQ(version(harness, harness.site().siteId).status, 200) << i;
}

}  // namespace
}  // namespace sandbox_test

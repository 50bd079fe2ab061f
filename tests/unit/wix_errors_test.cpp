#include <gtest/gtest.h>

#include "client/wix_errors.h"

using estore::host_api::ErrorCategory;
using estore::sdk::HttpResult;
using estore::sdk::TransportFailure;
using estore::wix::outcomeFromHttp;
using estore::wix::WixCall;

namespace {

HttpResult answer(int status, std::string body, std::string contentType = "application/json") {
    HttpResult r;
    r.response.status = status;
    r.response.body = std::move(body);
    r.response.contentType = std::move(contentType);
    return r;
}

HttpResult transport(TransportFailure f) {
    HttpResult r;
    r.failure = f;
    r.detail = "simulated";
    return r;
}

void expectUserFacing(const estore::host_api::Outcome& o) {
    EXPECT_FALSE(o.message.sl.empty());
    EXPECT_FALSE(o.message.en.empty());
    EXPECT_NE(o.message.sl, o.message.en);
    EXPECT_FALSE(o.code.empty());
}

}  // namespace

TEST(WixErrors, SuccessIsOk) {
    EXPECT_TRUE(outcomeFromHttp(answer(200, "{}"), WixCall::SiteProperties).ok());
}

TEST(WixErrors, EachStatusMapsToItsCauseAndField) {
    struct Case {
        int status;
        const char* body;
        WixCall call;
        ErrorCategory category;
        const char* code;
        const char* field;
    };
    const Case cases[] = {
        {401, "", WixCall::SiteProperties, ErrorCategory::Auth, "wix.auth.invalid_key", "api_key"},
        {401, "<html><body>Unauthorized</body></html>", WixCall::OrdersSearch, ErrorCategory::Auth,
         "wix.auth.invalid_key", "api_key"},
        {403, R"({"message":"","details":{"applicationError":{"code":"FORBIDDEN","description":""}}})",
         WixCall::SiteProperties, ErrorCategory::Permission, "wix.permission.site", "api_key"},
        {403, "", WixCall::CatalogVersion, ErrorCategory::Permission, "wix.permission.catalog", "api_key"},
        {403, "", WixCall::OrdersSearch, ErrorCategory::Permission, "wix.permission.orders", "api_key"},
        {403, "", WixCall::InventoryRead, ErrorCategory::Permission, "wix.permission.inventory", "api_key"},
        {404, R"({"message":"Entity not found","details":{"applicationError":{"code":"NOT_FOUND"}}})",
         WixCall::SiteProperties, ErrorCategory::NotFound, "wix.site.not_found", "site_id"},
        {400, R"({"message":"bad","details":{"validationError":{"fieldViolations":[]}}})",
         WixCall::SiteProperties, ErrorCategory::NotFound, "wix.site.not_found", "site_id"},
        {428,
         R"({"message":"Wix Stores app is not installed for site","details":{"applicationError":{"code":"REQUIRED_APP_NOT_INSTALLED"}}})",
         WixCall::OrdersSearch, ErrorCategory::Config, "wix.stores_not_installed", "site_id"},
        {428,
         R"({"message":"wrong","details":{"applicationError":{"code":"CATALOG_V1_SITE_CALLING_CATALOG_V3_API"}}})",
         WixCall::InventoryRead, ErrorCategory::Permanent, "wix.precondition", ""},
        {429, "<html>Too many</html>", WixCall::OrdersSearch, ErrorCategory::RateLimited, "wix.rate_limited",
         ""},
        {500, R"({"message":"","details":{}})", WixCall::SiteProperties, ErrorCategory::Transient,
         "wix.unavailable", ""},
        {503, "<html>Service Unavailable</html>", WixCall::SiteProperties, ErrorCategory::Transient,
         "wix.unavailable", ""},
        {504, "", WixCall::OrdersSearch, ErrorCategory::Transient, "wix.unavailable", ""},
        {409, "", WixCall::OrdersSearch, ErrorCategory::Permanent, "wix.unexpected_status", ""},
    };
    for (const auto& c : cases) {
        auto o = outcomeFromHttp(answer(c.status, c.body), c.call);
        SCOPED_TRACE(std::to_string(c.status) + " " + c.body);
        EXPECT_EQ(o.category, c.category);
        EXPECT_EQ(o.code, c.code);
        EXPECT_EQ(o.field, c.field);
        expectUserFacing(o);
        EXPECT_NE(o.detail.find(std::to_string(c.status)), std::string::npos) << o.detail;
    }
}

TEST(WixErrors, RateLimitsAndOutagesCarryARetryHint) {
    EXPECT_GT(outcomeFromHttp(answer(429, ""), WixCall::OrdersSearch).retryAfterSeconds, 0);
    EXPECT_GT(outcomeFromHttp(answer(503, ""), WixCall::OrdersSearch).retryAfterSeconds, 0);
    EXPECT_TRUE(outcomeFromHttp(answer(503, ""), WixCall::OrdersSearch).retryable());
    EXPECT_FALSE(outcomeFromHttp(answer(401, ""), WixCall::OrdersSearch).retryable());
}

TEST(WixErrors, TransportFailuresHaveTheirOwnCodes) {
    EXPECT_EQ(outcomeFromHttp(transport(TransportFailure::Unreachable), WixCall::SiteProperties).code,
              "wix.unreachable");
    EXPECT_EQ(outcomeFromHttp(transport(TransportFailure::Timeout), WixCall::SiteProperties).code,
              "wix.timeout");
    EXPECT_EQ(outcomeFromHttp(transport(TransportFailure::Dropped), WixCall::SiteProperties).code,
              "wix.dropped");
    EXPECT_EQ(outcomeFromHttp(transport(TransportFailure::Tls), WixCall::SiteProperties).code, "wix.tls");
    EXPECT_EQ(outcomeFromHttp(transport(TransportFailure::InvalidUrl), WixCall::SiteProperties).category,
              ErrorCategory::Config);
    for (auto f : {TransportFailure::Unreachable, TransportFailure::Timeout, TransportFailure::Dropped,
                   TransportFailure::Tls})
        expectUserFacing(outcomeFromHttp(transport(f), WixCall::SiteProperties));
}

TEST(WixErrors, LongOrBinaryBodiesAreShortenedInTheDetail) {
    std::string body(5000, 'x');
    body[10] = '\0';
    body[11] = '\n';
    auto o = outcomeFromHttp(answer(500, body, "text/html"), WixCall::SiteProperties);
    EXPECT_LT(o.detail.size(), 400u);
    EXPECT_EQ(o.detail.find('\0'), std::string::npos);
    EXPECT_EQ(o.detail.find('\n'), std::string::npos);
}

TEST(WixErrors, WixTipsWithoutATipIsNoTipAndWithoutThePermissionNamesIt) {
    // TIP_NOT_FOUND, and a site without Wix Tips: the order has no tip, nothing to fix.
    for (const int status : {404, 428}) {
        const auto none = outcomeFromHttp(
            answer(status, R"({"message":"","details":{"applicationError":{"code":"TIP_NOT_FOUND"}}})"),
            WixCall::Tips);
        EXPECT_EQ(none.category, ErrorCategory::NotFound) << status;
        EXPECT_EQ(none.code, "wix.tip.not_found") << status;
    }
    const auto refused = outcomeFromHttp(answer(403, "{}"), WixCall::Tips);
    EXPECT_EQ(refused.category, ErrorCategory::Permission);
    EXPECT_EQ(refused.code, "wix.permission.tips");
    EXPECT_NE(refused.message.en.find("Manage Wix Tips"), std::string::npos);
    expectUserFacing(refused);
    // Wix down is an outage like any other call's.
    EXPECT_EQ(outcomeFromHttp(answer(503, "{}"), WixCall::Tips).category, ErrorCategory::Transient);
}

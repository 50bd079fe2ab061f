#include <gtest/gtest.h>

#include "estore/sdk/fake_host.h"
#include "webhooks/webhook_payload.h"
#include "wix_store.h"

using estore::wix::readOrderReference;

namespace {

const std::string kId = "7001d34b-11a6-4a34-8746-dc8ababeca42";

void expectReference(const std::string& contentType, const std::string& body, const std::string& id,
                     const std::string& number) {
    auto r = readOrderReference(contentType, body);
    ASSERT_TRUE(r.reference.has_value()) << body << " -> " << r.problem;
    EXPECT_EQ(r.reference->orderId, id) << body;
    EXPECT_EQ(r.reference->orderNumber, number) << body;
}

void expectNone(const std::string& contentType, const std::string& body) {
    auto r = readOrderReference(contentType, body);
    EXPECT_FALSE(r.reference.has_value()) << body.substr(0, 80);
    EXPECT_FALSE(r.problem.empty());
}

}  // namespace

TEST(WebhookPayload, EveryShapeAllKeysAndValuesMayTake) {
    const std::string json = "application/json";
    expectReference(json, R"({"orderId":")" + kId + R"(","orderNumber":"10012"})", kId, "10012");
    expectReference(json, R"({"id":")" + kId + R"(","number":"10012","buyerInfo":{"email":"a@b.si"}})", kId,
                    "10012");
    expectReference(json, R"({"order":{"id":")" + kId + R"(","number":10012}})", kId, "10012");
    expectReference(json, R"({"data":{"order":{"id":")" + kId + R"(","number":"10012"}}})", kId, "10012");
    expectReference(json, R"({"data":{"orderId":")" + kId + R"("}})", kId, "");
    expectReference(json, R"({"data":{"number":"10012","contact":{"name":{"first":"Ana"}}}})", "", "10012");
    expectReference(json, R"({"order_number":10012,"contactId":"11111111-2222-3333-4444-555555555555"})", "",
                    "10012");
    expectReference(json, R"({"orderId":")" + std::string("7001D34B-11A6-4A34-8746-DC8ABABECA42") + R"("})",
                    kId, "");
    // A contact's or line's id is not the order's.
    expectReference(json,
                    R"({"order":{"number":"5","lineItems":[{"id":"00000000-0000-0000-0000-000000000001"}]}})",
                    "", "5");
}

TEST(WebhookPayload, FormEncodedBodies) {
    const std::string form = "application/x-www-form-urlencoded; charset=utf-8";
    expectReference(form, "orderId=" + kId + "&orderNumber=10012", kId, "10012");
    expectReference(form, "order%5Bid%5D=" + kId + "&order%5Bnumber%5D=77", kId, "77");
    expectReference(form, "data.order.number=10012&foo=bar", "", "10012");
    expectNone(form, "foo=bar&baz=%ZZ");
}

TEST(WebhookPayload, PayloadsWithoutAUsableReference) {
    expectNone("application/json", "{}");
    expectNone("application/json", R"({"orderId":"not-a-guid","number":"ten"})");
    expectNone("application/json", R"({"number":-5})");
    expectNone("application/json", R"({"number":1.5})");
    expectNone("application/json", R"({"number":true})");
    expectNone("text/plain", "hello");
    expectNone("application/json", "");
}

TEST(WebhookPayload, HostileInputIsRefusedQuickly) {
    expectNone("application/json", std::string(100000, '[') + std::string(100000, ']'));
    expectNone("application/json", std::string(50000, '{'));
    expectNone("application/json", R"({"number":123456789012345678901234567890})");
    expectNone("application/json", R"({"number":1e400})");
    expectNone("application/json", R"({"orderId":")" + kId.substr(0, 20));  // truncated
    expectNone("application/json", std::string("{\"number\":\"10\0\",\"x\":1}", 20));
    expectNone("application/json", "{\"number\":\"\xff\xfe\"}");
    expectNone("application/json", "\xef\xbb\xbf{\"number\": \"\xc3\x28\"}");
    // Many keys: bounded walk, still finds nothing wrong.
    std::string many = "{";
    for (int i = 0; i < 30000; ++i) many += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    many += "\"z\":0}";
    expectNone("application/json", many);
}

TEST(WebhookPayload, TheParsersDepthLimitBoundsTheNesting) {
    const auto nested = [](int levels) {
        std::string body;
        for (int i = 1; i < levels; ++i) body += R"({"x":)";
        body += R"({"orderId":")" + kId + R"("})";
        return body + std::string(static_cast<std::size_t>(levels - 1), '}');
    };
    expectReference("application/json", nested(20), kId, "");  // well within the limit of 32 levels
    const auto tooDeep = readOrderReference("application/json", nested(33));
    EXPECT_FALSE(tooDeep.reference.has_value());
    EXPECT_NE(tooDeep.problem.find("depth"), std::string::npos) << tooDeep.problem;
}

TEST(WebhookPayload, OnWebhookAsksForTheOrderAndNeverTrustsThePayload) {
    estore::wix::WixStore store;
    estore::sdk::FakeHost host;
    estore::host_api::StoreRef ref{"wix-1", "wix", {}};
    estore::host_api::WebhookRequest request{
        "POST", "application/json", {}, R"({"data":{"order":{"id":")" + kId + R"(","number":"10012"}}})"};
    auto ack = store.onWebhook(ref, request, host.services());
    ASSERT_TRUE(ack.outcome.ok()) << ack.outcome.detail;
    EXPECT_EQ(ack.httpStatus, 200);
    ASSERT_EQ(host.soon().size(), 1u);
    EXPECT_EQ(host.soon()[0].jobId, "orders.fetch");
    EXPECT_EQ(host.soon()[0].args.at("id"), kId);
    EXPECT_EQ(host.soon()[0].args.at("number"), "10012");

    request.body = R"({"hello":"world"})";
    ack = store.onWebhook(ref, request, host.services());
    EXPECT_EQ(ack.outcome.code, "wix.webhook.no_reference");
    EXPECT_EQ(host.soon().size(), 1u);
    ASSERT_FALSE(host.activity().empty());
    EXPECT_NE(host.activity().back().message.en.find("next hourly import"), std::string::npos);
}

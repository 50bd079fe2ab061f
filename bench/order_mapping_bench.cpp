// What reading and mapping a Wix order costs. The import reads every page with simdjson
// (client/json_document.h) and maps each order; the baseline is what parsing alone cost with Poco JSON
// before (issue 19: parse + map at least 30,000 orders a second on one core, from 5,200). Both figures come
// from the same run; bench/ratios.py prints the ratio.
#include <benchmark/benchmark.h>

#include <string>

#include "estore/sdk/json_access.h"
#include "orders/order_mapper.h"

namespace {

std::string money(const std::string& amount) {
    return R"({"amount": ")" + amount + R"(", "formattedAmount": ")" + amount + R"( €"})";
}

/// One line item shaped like Wix's documented ones (catalog reference, options, image, tax details):
/// a tax-inclusive 22 % line of 12.20 × (i + 1).
std::string lineItem(int i) {
    const std::string n = std::to_string(i + 1);
    const int grossCents = 1220 * (i + 1);
    const int vatCents = 220 * (i + 1);
    const auto amount = [](int cents) {
        return std::to_string(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") +
               std::to_string(cents % 100);
    };
    return R"({"id": "00000000-0000-0000-0000-00000000000)" + n + R"(",
      "productName": {"original": "Majica )" +
           n + R"(", "translated": "Majica )" + n + R"("},
      "catalogReference": {"catalogItemId": "df19c1f7-07d8-a265-42f8-e8dfa824cc6e",
        "appId": "215238eb-22a5-4c36-9e7b-e7c08025e04e",
        "options": {"options": {"Velikost": "L", "Barva": "Rdeča"}, "variantId": "2f430d69-9b75-4874-bfbd-c5f6fa5aff3d"}},
      "quantity": )" +
           n + R"(,
      "totalDiscount": )" +
           money("0") + R"(,
      "descriptionLines": [
        {"name": {"original": "Velikost", "translated": "Velikost"}, "plainText": {"original": "L", "translated": "L"}, "lineType": "PLAIN_TEXT"},
        {"name": {"original": "Barva", "translated": "Barva"}, "colorInfo": {"original": "Rdeča", "translated": "Rdeča", "code": "#cc0000"}, "lineType": "COLOR"}],
      "image": {"id": "3c76e2_bf235c38610f4d2a905db71095b351cf~mv2.jpg",
        "url": "https://static.wixstatic.com/media/3c76e2_bf235c38610f4d2a905db71095b351cf~mv2.jpg/v1/fit/w_1000,h_1000,q_90/file.jpg",
        "height": 1000, "width": 1000},
      "physicalProperties": {"sku": "MAJ-)" +
           n + R"(", "shippable": true},
      "itemType": {"preset": "PHYSICAL"},
      "refundQuantity": 0, "restockQuantity": 0,
      "price": )" +
           money("12.20") + R"(,
      "priceBeforeDiscounts": )" +
           money("12.20") + R"(,
      "totalPriceBeforeTax": )" +
           money(amount(grossCents - vatCents)) + R"(,
      "totalPriceAfterTax": )" +
           money(amount(grossCents)) + R"(,
      "paymentOption": "FULL_PAYMENT_ONLINE",
      "taxDetails": {"taxableAmount": )" +
           money(amount(grossCents - vatCents)) + R"(, "taxRate": "0.22", "totalTax": )" +
           money(amount(vatCents)) + R"(},
      "lineItemPrice": )" +
           money(amount(grossCents)) + "}";
}

/// A typical paid order of 5 lines (12.20 × 1 … × 5 = 183.00, VAT 33.00) with shipping 4.88 (VAT 0.88).
std::string typicalOrder() {
    std::string items;
    for (int i = 0; i < 5; ++i) items += (i ? ",\n" : "") + lineItem(i);
    const std::string address = R"({"country": "SI", "city": "Ljubljana", "postalCode": "1000",
        "addressLine": "Slovenska cesta 1", "countryFullname": "Slovenija"})";
    const std::string contact = R"({"firstName": "Ana", "lastName": "Novak", "phone": "+386 41 123 456"})";
    return R"({"id": "5f0e2a41-0c1d-4a55-9b7e-000000002001", "number": "10234",
  "createdDate": "2025-03-14T09:12:44.501Z", "updatedDate": "2025-03-14T09:15:02.120Z",
  "lineItems": [)" +
           items + R"(],
  "buyerInfo": {"contactId": "24de6f0b-60ce-4faa-9138-2e39f1415615", "email": "ana.novak@example.si",
    "visitorId": "887f5d8c-133d-413b-b8e7-097e58128bee"},
  "paymentStatus": "PAID", "fulfillmentStatus": "NOT_FULFILLED", "buyerLanguage": "sl", "weightUnit": "KG",
  "currency": "EUR", "taxIncludedInPrices": true,
  "priceSummary": {"subtotal": )" +
           money("183.00") + R"(, "shipping": )" + money("4.88") + R"(, "tax": )" + money("33.88") +
           R"(, "discount": )" + money("0") + R"(, "total": )" + money("187.88") +
           R"(, "totalAdditionalFees": )" + money("0") + R"(},
  "billingInfo": {"address": )" +
           address + R"(, "contactDetails": )" + contact + R"(},
  "shippingInfo": {"carrierId": "c8a08776-c095-4dec-8553-8f9698d86adc", "code": "ed5bbce2-9533-dff4-7db0-13702fd139c5",
    "title": "Pošta Slovenije",
    "logistics": {"deliveryTime": "1-2 dni", "shippingDestination": {"address": )" +
           address + R"(, "contactDetails": )" + contact + R"(}},
    "cost": {"price": )" +
           money("4.88") + R"(, "totalPriceBeforeTax": )" + money("4.00") + R"(, "totalPriceAfterTax": )" +
           money("4.88") + R"(,
      "taxDetails": {"taxRate": "0.22", "totalTax": )" +
           money("0.88") + R"(}, "discount": )" + money("0") + R"(},
    "region": {"name": "Slovenija"}},
  "status": "APPROVED", "archived": false,
  "taxSummary": {"totalTax": )" +
           money("33.88") + R"(},
  "appliedDiscounts": [],
  "activities": [{"createdDate": "2025-03-14T09:12:44.501Z", "type": "ORDER_PLACED"},
                 {"createdDate": "2025-03-14T09:13:10.004Z", "type": "ORDER_PAID"}],
  "attributionSource": "UNSPECIFIED", "channelInfo": {"type": "WEB"}, "seenByAHuman": true,
  "checkoutId": "d118aa97-1bcb-462e-9265-3603f6e07df6", "customFields": [{"title": "Opomba", "value": "Hvala"}],
  "cartId": "1e61e838-d3a0-4ab7-8348-b37d1d954919",
  "balanceSummary": {"balance": )" +
           money("0") + R"(, "paid": )" + money("187.88") + R"(, "refunded": )" + money("0") + R"(},
  "additionalFees": []})";
}

const std::string& orderText() {
    static const std::string text = typicalOrder();
    return text;
}

/// Baseline: Poco parses the order JSON, as the job did for every order of a page before simdjson.
void BM_ParseOrderOnly(benchmark::State& state) {
    for (auto _ : state) {
        auto parsed = estore::sdk::parseJsonObject(orderText());
        benchmark::DoNotOptimize(parsed.object.get());
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(orderText().size()));
}
BENCHMARK(BM_ParseOrderOnly);

/// Reads the order into `document`; false (and the benchmark skipped with why) when it cannot.
bool readOrder(benchmark::State& state, estore::sdk::JsonDocument& document) {
    std::string why;
    if (document.parse(orderText(), why)) return true;
    state.SkipWithError(why.c_str());
    return false;
}

/// simdjson reads the order into a reused document, as the import reads a page.
void BM_ReadOrderSimdjson(benchmark::State& state) {
    estore::sdk::JsonDocument document;
    for (auto _ : state) {
        if (!readOrder(state, document)) return;
        benchmark::DoNotOptimize(document.root());
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(orderText().size()));
}
BENCHMARK(BM_ReadOrderSimdjson);

/// Read and map to the e-računi document, as the import does.
void BM_ParseAndMapOrder(benchmark::State& state) {
    const estore::wix::OrderMapper mapper;
    estore::sdk::JsonDocument document;
    for (auto _ : state) {
        if (!readOrder(state, document)) return;
        auto mapped = mapper.map(document.root(), "Stripe");
        if (!mapped.order || !mapped.order->flags.empty()) {
            state.SkipWithError("the benchmark order should map cleanly");
            return;
        }
        benchmark::DoNotOptimize(mapped.order->totalGross.units);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseAndMapOrder);

/// The mapping alone, on an order read once.
void BM_MapParsedOrder(benchmark::State& state) {
    const estore::wix::OrderMapper mapper;
    estore::sdk::JsonDocument document;
    if (!readOrder(state, document)) return;
    for (auto _ : state) {
        auto mapped = mapper.map(document.root(), "Stripe");
        benchmark::DoNotOptimize(mapped.order->totalGross.units);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MapParsedOrder);

}  // namespace

BENCHMARK_MAIN();

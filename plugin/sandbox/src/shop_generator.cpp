#include "wix_sandbox/shop_generator.h"

#include <algorithm>
#include <sstream>

#include <Poco/Base64Encoder.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/Timespan.h>

#include "wix_sandbox/json_body.h"
#include "wix_sandbox/money.h"

namespace wix_sandbox {

namespace {

const std::string kStoresAppId = "215238eb-22a5-4c36-9e7b-e7c08025e04e";  // reference §1
constexpr long kShippingCents = 390;
constexpr long kShippingTaxBp = 2200;
constexpr long kFreeShippingFromCents = 5000;

struct Shop {
    const char* name;
    const char* domain;
    const char* street;
    const char* city;
    const char* postalCode;
};

const std::vector<Shop> kShops = {
    {"Trgovina Lipa d.o.o.", "trgovina-lipa.si", "Trubarjeva cesta 14", "Ljubljana", "1000"},
    {"Čebelarstvo Medeni cvet s.p.", "medenicvet.si", "Partizanska cesta 31", "Maribor", "2000"},
    {"Zeliščarna Arnika d.o.o.", "arnika.si", "Mariborska cesta 7", "Celje", "3000"},
    {"Keramika Pohorje d.o.o.", "keramika-pohorje.si", "Koroška cesta 52", "Kranj", "4000"},
    {"Darila Triglav d.o.o.", "darila-triglav.si", "Pristaniška ulica 3", "Koper", "6000"},
};

struct Person {
    const char* firstName;
    const char* lastName;
    const char* emailLocal;
};

const std::vector<Person> kPeople = {
    {"Ana", "Novak", "ana.novak"},         {"Marko", "Horvat", "marko.horvat"},
    {"Maja", "Kranjc", "maja.kranjc"},     {"Luka", "Zupančič", "luka.zupancic"},
    {"Nina", "Potočnik", "nina.potocnik"}, {"Jure", "Kovačič", "jure.kovacic"},
    {"Eva", "Mlakar", "eva.mlakar"},       {"Matej", "Vidmar", "matej.vidmar"},
    {"Tina", "Golob", "tina.golob"},       {"Rok", "Turk", "rok.turk"},
};

const std::vector<std::string> kMailDomains = {"gmail.com", "siol.net", "t-2.net", "amis.net", "outlook.com"};
const std::vector<std::string> kMobilePrefixes = {"31", "40", "41", "51", "70"};

struct Place {
    const char* street;
    const char* city;
    const char* postalCode;
};

const std::vector<Place> kPlaces = {
    {"Slovenska cesta", "Ljubljana", "1000"}, {"Gosposvetska cesta", "Maribor", "2000"},
    {"Ljubljanska cesta", "Celje", "3000"},   {"Cesta Staneta Žagarja", "Kranj", "4000"},
    {"Prešernova ulica", "Velenje", "3320"},  {"Glavni trg", "Novo mesto", "8000"},
    {"Kidričeva ulica", "Koper", "6000"},     {"Cankarjeva ulica", "Murska Sobota", "9000"},
};

std::string base64Url(const std::string& text) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder.rdbuf()->setLineLength(0);
    encoder << text;
    encoder.close();
    return out.str();
}

/// Rounded half up; amounts here are never negative.
long divideRounded(long numerator, long denominator) {
    return (2 * numerator + denominator) / (2 * denominator);
}

/// Basis points as Wix writes rates: 2200 -> "0.22", 950 -> "0.095".
std::string rateText(long basisPoints) {
    std::string digits = std::to_string(basisPoints);
    digits.insert(0, 4 - std::min<std::size_t>(4, digits.size()), '0');
    std::string text = "0." + digits;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text += '0';
    return text;
}

struct TaxSplit {
    long beforeTax;
    long tax;
    long afterTax;
};

/// Gross prices contain the tax; net prices get it added.
TaxSplit splitTax(long amount, long rateBp, bool taxIncluded) {
    if (taxIncluded) {
        long tax = divideRounded(amount * rateBp, 10000 + rateBp);
        return {amount - tax, tax, amount};
    }
    long tax = divideRounded(amount * rateBp, 10000);
    return {amount, tax, amount + tax};
}

Poco::JSON::Object::Ptr taxDetails(const TaxSplit& split, long rateBp, const std::string& currency) {
    Poco::JSON::Object::Ptr details = JsonBody::object();
    details->set("taxableAmount", Money::toJson(split.beforeTax, currency));
    details->set("taxRate", rateText(rateBp));
    details->set("totalTax", Money::toJson(split.tax, currency));
    return details;
}

Poco::JSON::Object::Ptr translatable(const std::string& text) {
    Poco::JSON::Object::Ptr name = JsonBody::object();
    name->set("original", text);
    name->set("translated", text);
    return name;
}

Poco::JSON::Object::Ptr activity(const std::string& type, const std::string& date) {
    Poco::JSON::Object::Ptr entry = JsonBody::object();
    entry->set("type", type);
    entry->set("createdDate", date);
    return entry;
}

}  // namespace

ShopGenerator::ShopGenerator(unsigned seed) : _random(seed) {
    _products = makeProducts();
}

SiteInfo ShopGenerator::makeSite() {
    const Shop& shop = _random.pick(kShops);
    SiteInfo site;
    site.accountId = _random.guid();
    site.siteId = _random.guid();
    site.businessName = shop.name;
    site.currency = "EUR";
    // New sites get Catalog V3 (§6); older shops still run V1.
    site.catalogVersion = _random.between(0, 3) == 0 ? CatalogVersion::V1 : CatalogVersion::V3;
    site.taxIncludedInPrices = _random.between(0, 4) != 0;  // Slovenian B2C shops mostly show gross prices
    site.email = std::string("info@") + shop.domain;
    site.phone = "+386 1 " + std::to_string(_random.between(200, 599)) + " " +
                 std::to_string(_random.between(10, 99)) + " " + std::to_string(_random.between(10, 99));
    site.street = shop.street;
    site.city = shop.city;
    site.postalCode = shop.postalCode;
    site.propertiesVersion = static_cast<int>(_random.between(12, 320));
    return site;
}

ApiKeyInfo ShopGenerator::makeFullKey(const std::string& accountId) {
    ApiKeyInfo key;
    key.key = makeKeyValue(accountId);
    key.accountId = accountId;
    key.allSites = true;
    return key;
}

std::string ShopGenerator::makeKeyValue(const std::string& accountId) {
    // Shaped like Wix's keys: "IST." + a JWT-like header.payload.signature, all base64url.
    const std::string header = "{\"kid\":\"" + _random.base64Url(8) + "\",\"alg\":\"RS256\"}";
    const std::string data = "{\"id\":\"" + _random.guid() +
                             "\",\"identity\":{\"type\":\"application\",\"id\":\"" + _random.guid() +
                             "\"},\"tenant\":{\"type\":\"account\",\"id\":\"" + accountId + "\"}}";
    Poco::JSON::Object::Ptr payload = JsonBody::object();
    payload->set("data", data);
    payload->set("iat", 1700000000 + _random.between(0, 60000000));
    return "IST." + base64Url(header) + "." + base64Url(JsonBody::stringify(payload)) + "." +
           _random.base64Url(342);
}

std::string ShopGenerator::makeId() {
    return _random.guid();
}

Poco::JSON::Object::Ptr ShopGenerator::makeOrder(const SiteInfo& site, const std::string& number,
                                                 std::size_t index, const std::string& status) {
    // Orders are about 7 hours apart (index) with jitter, and updated a little after creation.
    const long createdMs = static_cast<long>(index) * 7 * 3600 * 1000 + _random.between(0, 5 * 3600 * 1000);
    const long updatedMs = createdMs + _random.between(20 * 1000, 3 * 3600 * 1000);
    const std::string created = dateAfterBase(createdMs);
    const std::string updated = dateAfterBase(updatedMs);
    const Buyer buyer = makeBuyer();
    const bool paid = status != "INITIALIZED" && _random.between(0, 3) != 0;

    Totals totals;
    Poco::JSON::Array::Ptr lineItems = makeLineItems(site, totals);
    Poco::JSON::Object::Ptr shipping = makeShipping(site, buyer, totals);
    Poco::JSON::Object::Ptr buyerInfo = JsonBody::object();
    buyerInfo->set("contactId", _random.guid());
    buyerInfo->set("email", buyer.email);
    Poco::JSON::Object::Ptr billing = JsonBody::object();
    billing->set("address", makeAddress(buyer));
    billing->set("contactDetails", makeContact(buyer));
    Poco::JSON::Object::Ptr taxSummary = JsonBody::object();
    taxSummary->set("totalTax", Money::toJson(totals.tax, site.currency));
    Poco::JSON::Object::Ptr channel = JsonBody::object();
    channel->set("type", "WEB");

    Poco::JSON::Object::Ptr order = JsonBody::object();
    order->set("id", _random.guid());
    order->set("number", number);
    order->set("createdDate", created);
    order->set("updatedDate", updated);
    order->set("lineItems", lineItems);
    order->set("buyerInfo", buyerInfo);
    order->set("paymentStatus", paid ? "PAID" : "NOT_PAID");
    order->set("fulfillmentStatus", "NOT_FULFILLED");
    order->set("buyerLanguage", "sl");
    order->set("weightUnit", "KG");
    order->set("currency", site.currency);
    order->set("taxIncludedInPrices", site.taxIncludedInPrices);
    order->set("siteLanguage", "sl");
    order->set("priceSummary", makePriceSummary(site, totals));
    order->set("billingInfo", billing);
    order->set("shippingInfo", shipping);
    order->set("status", status);
    order->set("archived", false);
    order->set("taxSummary", taxSummary);
    order->set("appliedDiscounts", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    order->set("activities", makeActivities(created, updated, paid));
    order->set("channelInfo", channel);
    order->set("seenByAHuman", false);
    order->set("checkoutId", _random.guid());
    order->set("balanceSummary", makeBalance(site, totalOf(site, totals), paid));
    order->set("recipientInfo", billing);
    return order;
}

Poco::JSON::Array::Ptr ShopGenerator::makeLineItems(const SiteInfo& site, Totals& totals) {
    Poco::JSON::Array::Ptr lineItems = new Poco::JSON::Array;
    const long lines = _random.between(1, 3);
    const long first = _random.between(0, static_cast<long>(_products.size()) - 1);
    for (long line = 0; line < lines; ++line) {
        // Consecutive catalog entries, so one order never lists a product twice.
        const Product& product = _products[static_cast<std::size_t>(first + line) % _products.size()];
        lineItems->add(
            makeLineItem(site, product, _random.between(1, 3), static_cast<int>(line + 1), totals));
    }
    return lineItems;
}

std::vector<ShopGenerator::Product> ShopGenerator::makeProducts() {
    // Slovenian VAT: 22 % general, 9.5 % food, 5 % books.
    std::vector<Product> products = {
        {"", "Cvetlični med 450 g", "MED-CVET-450", 890, 950, "0.6"},
        {"", "Gozdni med 900 g", "MED-GOZD-900", 1590, 950, "1.1"},
        {"", "Bučno olje 0,5 l", "OLJE-BUC-050", 1250, 950, "0.8"},
        {"", "Keramična skodelica Pohorje", "KER-SKOD-01", 1800, 2200, "0.35"},
        {"", "Lanena brisača", "TEX-LAN-BRI", 2490, 2200, "0.3"},
        {"", "Knjiga: Slovenske ljudske pravljice", "KNJ-PRAV-01", 2290, 500, "0.7"},
        {"", "Zeliščni čaj Arnika 50 g", "CAJ-ARN-050", 590, 950, "0.1"},
        {"", "Darilni paket Lipa", "DAR-LIPA-01", 3500, 2200, "1.5"},
    };
    for (Product& product : products) product.id = _random.guid();
    return products;
}

ShopGenerator::Buyer ShopGenerator::makeBuyer() {
    const Person& person = _random.pick(kPeople);
    const Place& place = _random.pick(kPlaces);
    Buyer buyer;
    buyer.firstName = person.firstName;
    buyer.lastName = person.lastName;
    buyer.email = std::string(person.emailLocal) + "@" + _random.pick(kMailDomains);
    buyer.phone = "+386 " + _random.pick(kMobilePrefixes) + " " + std::to_string(_random.between(100, 999)) +
                  " " + std::to_string(_random.between(100, 999));
    buyer.street = place.street;
    buyer.houseNumber = std::to_string(_random.between(1, 120));
    buyer.city = place.city;
    buyer.postalCode = place.postalCode;
    return buyer;
}

Poco::JSON::Object::Ptr ShopGenerator::makeLineItem(const SiteInfo& site, const Product& product,
                                                    long quantity, int lineNo, Totals& totals) {
    const std::string& currency = site.currency;
    const long lineAmount = product.priceCents * quantity;
    const TaxSplit split = splitTax(lineAmount, product.taxRateBp, site.taxIncludedInPrices);
    totals.subtotal += lineAmount;
    totals.tax += split.tax;

    std::string lineId = std::to_string(lineNo);
    lineId.insert(0, 12 - lineId.size(), '0');
    Poco::JSON::Object::Ptr catalogReference = JsonBody::object();
    catalogReference->set("catalogItemId", product.id);
    catalogReference->set("appId", kStoresAppId);
    Poco::JSON::Object::Ptr physical = JsonBody::object();
    physical->set("weight", std::stod(product.weight));
    physical->set("sku", product.sku);
    physical->set("shippable", true);
    Poco::JSON::Object::Ptr itemType = JsonBody::object();
    itemType->set("preset", "PHYSICAL");

    Poco::JSON::Object::Ptr item = JsonBody::object();
    item->set("id", "00000000-0000-0000-0000-" + lineId);
    item->set("productName", translatable(product.name));
    item->set("catalogReference", catalogReference);
    item->set("quantity", static_cast<int>(quantity));
    item->set("totalDiscount", Money::toJson(0, currency));
    item->set("descriptionLines", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    item->set("physicalProperties", physical);
    item->set("itemType", itemType);
    item->set("price", Money::toJson(product.priceCents, currency));
    item->set("priceBeforeDiscounts", Money::toJson(product.priceCents, currency));
    item->set("totalPriceBeforeTax", Money::toJson(split.beforeTax, currency));
    item->set("totalPriceAfterTax", Money::toJson(split.afterTax, currency));
    item->set("paymentOption", "FULL_PAYMENT_ONLINE");
    item->set("taxDetails", taxDetails(split, product.taxRateBp, currency));
    return item;
}

Poco::JSON::Object::Ptr ShopGenerator::makeShipping(const SiteInfo& site, const Buyer& buyer,
                                                    Totals& totals) {
    const long price = totals.subtotal >= kFreeShippingFromCents ? 0 : kShippingCents;
    const TaxSplit split = splitTax(price, kShippingTaxBp, site.taxIncludedInPrices);
    totals.shipping = price;
    totals.tax += split.tax;

    Poco::JSON::Object::Ptr destination = JsonBody::object();
    destination->set("address", makeAddress(buyer));
    destination->set("contactDetails", makeContact(buyer));
    Poco::JSON::Object::Ptr logistics = JsonBody::object();
    logistics->set("deliveryTime", "2-3 delovni dnevi");
    logistics->set("shippingDestination", destination);
    Poco::JSON::Object::Ptr cost = JsonBody::object();
    cost->set("price", Money::toJson(price, site.currency));
    cost->set("totalPriceBeforeTax", Money::toJson(split.beforeTax, site.currency));
    cost->set("totalPriceAfterTax", Money::toJson(split.afterTax, site.currency));
    cost->set("taxDetails", taxDetails(split, kShippingTaxBp, site.currency));
    cost->set("discount", Money::toJson(0, site.currency));

    Poco::JSON::Object::Ptr shipping = JsonBody::object();
    shipping->set("code", "posta-slovenije");
    shipping->set("title", "Pošta Slovenije");
    shipping->set("logistics", logistics);
    shipping->set("cost", cost);
    return shipping;
}

Poco::JSON::Object::Ptr ShopGenerator::makePriceSummary(const SiteInfo& site, const Totals& totals) {
    const long total = totalOf(site, totals);
    Poco::JSON::Object::Ptr summary = JsonBody::object();
    summary->set("subtotal", Money::toJson(totals.subtotal, site.currency));
    summary->set("shipping", Money::toJson(totals.shipping, site.currency));
    summary->set("tax", Money::toJson(totals.tax, site.currency));
    summary->set("discount", Money::toJson(0, site.currency));
    summary->set("total", Money::toJson(total, site.currency));
    summary->set("totalAdditionalFees", Money::toJson(0, site.currency));
    return summary;
}

Poco::JSON::Object::Ptr ShopGenerator::makeAddress(const Buyer& buyer) {
    Poco::JSON::Object::Ptr street = JsonBody::object();
    street->set("number", buyer.houseNumber);
    street->set("name", buyer.street);
    Poco::JSON::Object::Ptr address = JsonBody::object();
    address->set("country", "SI");
    address->set("city", buyer.city);
    address->set("postalCode", buyer.postalCode);
    address->set("addressLine", buyer.street + " " + buyer.houseNumber);
    address->set("streetAddress", street);
    address->set("countryFullname", "Slovenia");
    return address;
}

Poco::JSON::Object::Ptr ShopGenerator::makeContact(const Buyer& buyer) {
    Poco::JSON::Object::Ptr contact = JsonBody::object();
    contact->set("firstName", buyer.firstName);
    contact->set("lastName", buyer.lastName);
    contact->set("phone", buyer.phone);
    return contact;
}

long ShopGenerator::totalOf(const SiteInfo& site, const Totals& totals) {
    // Gross prices already contain the tax; net prices get it added on top.
    return site.taxIncludedInPrices ? totals.subtotal + totals.shipping
                                    : totals.subtotal + totals.shipping + totals.tax;
}

Poco::JSON::Object::Ptr ShopGenerator::makeBalance(const SiteInfo& site, long total, bool paid) {
    Poco::JSON::Object::Ptr balance = JsonBody::object();
    balance->set("balance", Money::toJson(paid ? 0 : total, site.currency));
    balance->set("paid", Money::toJson(paid ? total : 0, site.currency));
    return balance;
}

Poco::JSON::Array::Ptr ShopGenerator::makeActivities(const std::string& created, const std::string& updated,
                                                     bool paid) {
    Poco::JSON::Array::Ptr activities = new Poco::JSON::Array;
    activities->add(activity("ORDER_PLACED", created));
    if (paid) activities->add(activity("ORDER_PAID", updated));
    return activities;
}

std::string ShopGenerator::dateAfterBase(long milliseconds) {
    // A fixed epoch keeps the shop reproducible; early March 2025, 08:00 UTC.
    Poco::DateTime date(2025, 3, 3, 8, 0, 0);
    date += Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(milliseconds) * 1000);
    return Poco::DateTimeFormatter::format(date, "%Y-%m-%dT%H:%M:%S.%iZ");
}

}  // namespace wix_sandbox

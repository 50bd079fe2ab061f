#include "wix_sandbox/orders/shop_generator.h"

#include <sstream>

#include <Poco/Base64Encoder.h>

#include "wix_sandbox/core/json_body.h"

namespace wix_sandbox {

namespace {

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

std::string base64Url(const std::string& text) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder.rdbuf()->setLineLength(0);
    encoder << text;
    encoder.close();
    return out.str();
}

}  // namespace

ShopGenerator::ShopGenerator(unsigned seed)
    : _random(seed), _composer(std::make_shared<const OrderComposer>(_random.next())) {}

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
    const std::string resolved = resolveStatus(status);
    return JsonBody::parseObjectStrict(
        _composer->compose(site, number, index, resolved, _random.next()).json);
}

OrderRecord ShopGenerator::makeRecord(const std::shared_ptr<const SiteInfo>& site, const std::string& number,
                                      std::size_t index, const std::string& status) {
    OrderBlueprint blueprint{_composer, site, number, index, resolveStatus(status), _random.next()};
    OrderRecord record = _composer->compose(*site, number, index, blueprint.status, blueprint.seed);
    std::string().swap(record.json);  // composed again when read: 100,000 orders stay small
    record.blueprint = std::move(blueprint);
    return record;
}

OrderRecord ShopGenerator::placeOrder(const SiteInfo& site, const std::string& number, std::size_t index,
                                      std::int64_t epochMs) {
    return _composer->compose(site, number, index, "APPROVED", _random.next(), epochMs);
}

std::string ShopGenerator::resolveStatus(const std::string& status) {
    if (status != kMixedStatus) return status;
    const long roll = _random.between(0, 99);
    return roll < 94 ? "APPROVED" : roll < 99 ? "CANCELED" : "INITIALIZED";
}

}  // namespace wix_sandbox

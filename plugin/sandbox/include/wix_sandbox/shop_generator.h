#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "wix_sandbox/api_key_info.h"
#include "wix_sandbox/deterministic_random.h"
#include "wix_sandbox/site_info.h"

namespace wix_sandbox {

/// Makes a realistic Slovenian shop from a seed: the site, a Wix-looking API key and eCom orders
/// (reference §9.3 shape, EUR, 22 / 9.5 / 5 % VAT). Same seed, same call sequence -> same output.
/// Not thread-safe; Sandbox serialises access.
class ShopGenerator {
public:
    explicit ShopGenerator(unsigned seed);

    /// A new site of a new account (the first call gives the seeded default shop).
    SiteInfo makeSite();
    /// A key like Wix's ("IST." + three base64url parts, 300+ chars) with every permission the connector
    /// needs, on all sites of the account.
    ApiKeyInfo makeFullKey(const std::string& accountId);
    std::string makeKeyValue(const std::string& accountId);
    /// A fresh lower-case GUID for ids the caller left out.
    std::string makeId();
    /// Order number `number`, the `index`-th of its site (dates grow with the index).
    Poco::JSON::Object::Ptr makeOrder(const SiteInfo& site, const std::string& number, std::size_t index,
                                      const std::string& status);

private:
    struct Product {
        std::string id;
        std::string name;
        std::string sku;
        long priceCents;  // as shown in the shop: gross on tax-inclusive sites, net otherwise
        long taxRateBp;   // basis points: 2200 = 22 %
        std::string weight;
    };
    struct Buyer {
        std::string firstName;
        std::string lastName;
        std::string email;
        std::string phone;
        std::string street;
        std::string houseNumber;
        std::string city;
        std::string postalCode;
    };
    struct Totals {
        long subtotal = 0;
        long tax = 0;
        long shipping = 0;
    };

    std::vector<Product> makeProducts();
    Buyer makeBuyer();
    Poco::JSON::Array::Ptr makeLineItems(const SiteInfo& site, Totals& totals);
    Poco::JSON::Object::Ptr makeLineItem(const SiteInfo& site, const Product& product, long quantity,
                                         int lineNo, Totals& totals);
    Poco::JSON::Object::Ptr makeShipping(const SiteInfo& site, const Buyer& buyer, Totals& totals);
    Poco::JSON::Object::Ptr makePriceSummary(const SiteInfo& site, const Totals& totals);
    static Poco::JSON::Object::Ptr makeAddress(const Buyer& buyer);
    static Poco::JSON::Object::Ptr makeContact(const Buyer& buyer);
    static Poco::JSON::Object::Ptr makeBalance(const SiteInfo& site, long total, bool paid);
    static Poco::JSON::Array::Ptr makeActivities(const std::string& created, const std::string& updated,
                                                 bool paid);
    static long totalOf(const SiteInfo& site, const Totals& totals);
    static std::string dateAfterBase(long milliseconds);

    DeterministicRandom _random;
    std::vector<Product> _products;
};

}  // namespace wix_sandbox

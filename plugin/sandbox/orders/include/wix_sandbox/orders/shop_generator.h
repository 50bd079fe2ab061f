#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "wix_sandbox/core/api_key_info.h"
#include "wix_sandbox/core/deterministic_random.h"
#include "wix_sandbox/core/site_info.h"
#include "wix_sandbox/orders/order_composer.h"
#include "wix_sandbox/orders/order_record.h"

namespace wix_sandbox {

/// Makes a realistic Slovenian shop from a seed: the site, a Wix-looking API key and eCom orders
/// (reference §9.3 shape, EUR, composed by OrderComposer). Same seed, same call sequence -> same output.
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
    /// Order number `number`, the `index`-th of its site (dates grow with the index), composed in full.
    /// `status` kMixedStatus picks a realistic status; APPROVED orders get every payment status.
    Poco::JSON::Object::Ptr makeOrder(const SiteInfo& site, const std::string& number, std::size_t index,
                                      const std::string& status);
    /// The same order as a record that keeps only its blueprint (composed again when read).
    OrderRecord makeRecord(const std::shared_ptr<const SiteInfo>& site, const std::string& number,
                           std::size_t index, const std::string& status);
    /// A new APPROVED order placed at `epochMs` (NOT_PAID for manual payments, else PAID), kept as text.
    OrderRecord placeOrder(const SiteInfo& site, const std::string& number, std::size_t index,
                           std::int64_t epochMs);

    /// generateOrders' "status" for a realistic mix: mostly APPROVED, some CANCELED, a few INITIALIZED.
    static constexpr const char* kMixedStatus = "MIXED";

private:
    std::string resolveStatus(const std::string& status);

    DeterministicRandom _random;
    std::shared_ptr<const OrderComposer> _composer;
};

}  // namespace wix_sandbox

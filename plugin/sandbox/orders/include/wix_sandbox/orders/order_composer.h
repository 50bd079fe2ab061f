#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "wix_sandbox/core/deterministic_random.h"
#include "wix_sandbox/core/json_writer.h"
#include "wix_sandbox/core/site_info.h"
#include "wix_sandbox/orders/order_record.h"
#include "wix_sandbox/orders/payment_method.h"

namespace wix_sandbox {

/// Composes one realistic eCom order (reference §9.3) from a per-order seed: Slovenian and other EU
/// buyers, consumers and companies, VAT by destination (OSS), variants, discounts, coupons, shipping,
/// fees, every payment status. Wix's own numbers always add up: line amounts, taxes and priceSummary agree
/// to the cent. The result depends on the catalog seed and the arguments alone, and compose() is const
/// and thread-safe, so an order can be dropped and composed again instead of being kept as text.
class OrderComposer {
public:
    explicit OrderComposer(std::uint64_t catalogSeed);

    /// The order with its JSON. `placedAtMs` (Unix ms) makes a just-placed order: created and updated then,
    /// not yet fulfilled, refunded or archived; otherwise dates follow `index` (about 5 minutes apart
    /// from 2025-03-03).
    OrderRecord compose(const SiteInfo& site, const std::string& number, std::size_t index,
                        const std::string& status, std::uint64_t seed,
                        std::optional<std::int64_t> placedAtMs = std::nullopt) const;

private:
    struct Variant {
        std::string id;
        std::string sku;  ///< "" = the merchant left it empty
        std::vector<std::pair<std::string, std::string>> options;
        long extraCents;
    };
    struct Product {
        std::string id;
        std::string name;
        std::optional<std::string> sku;  ///< nullopt = no SKU at all
        long priceCents;                 ///< as shown: gross on tax-inclusive sites, net otherwise
        int rateClass;                   ///< 0 standard, 1 reduced, 2 super-reduced
        std::string weight;
        bool digital;
        std::vector<Variant> variants;
    };
    struct Line;
    struct Draft;

    static std::vector<Product> makeCatalog(DeterministicRandom& random);
    void decidePayment(Draft& draft, DeterministicRandom& random) const;
    void decideBuyer(Draft& draft, DeterministicRandom& random) const;
    void decideLines(Draft& draft, DeterministicRandom& random) const;
    static void applyCoupon(Draft& draft, DeterministicRandom& random);
    static void decideShipping(Draft& draft, DeterministicRandom& random);
    static void decideFees(Draft& draft, DeterministicRandom& random);
    static void computeTaxes(Draft& draft);
    static void decideMoneyFlow(Draft& draft);
    static void decideDates(Draft& draft, DeterministicRandom& random);

    void writeOrder(const Draft& draft, JsonWriter& out) const;
    void writeLine(const Draft& draft, const Line& line, JsonWriter& out) const;
    static void writeParty(const Draft& draft, bool recipient, JsonWriter& out);
    static void writeShipping(const Draft& draft, JsonWriter& out);
    static void writeFees(const Draft& draft, JsonWriter& out);
    static void writeDiscounts(const Draft& draft, JsonWriter& out);
    static void writeSummaries(const Draft& draft, JsonWriter& out);
    static void writeActivities(const Draft& draft, JsonWriter& out);

    std::vector<Product> _catalog;
};

}  // namespace wix_sandbox

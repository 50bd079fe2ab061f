#include "wix_sandbox/catalog/catalog_generator.h"

#include <algorithm>
#include <cstdio>

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include "wix_sandbox/catalog/site_catalog.h"

namespace wix_sandbox {

namespace {

struct Row {
    std::size_t product;
    std::size_t variant;
};

const std::vector<std::string> kNouns = {
    "Skodelica", "Krožnik",    "Vaza",   "Brisača",   "Majica",  "Nogavice", "Milo",        "Sveča",
    "Med",       "Čaj",        "Olje",   "Marmelada", "Torba",   "Šal",      "Kapa",        "Zvezek",
    "Košara",    "Predpasnik", "Lonček", "Podstavek", "Blazina", "Odeja",    "Razglednica", "Sol"};
const std::vector<std::string> kPlaces = {"Pohorje", "Bled",   "Kras",  "Piran",          "Lipa", "Triglav",
                                          "Soča",    "Bohinj", "Logar", "Velika planina", "Ptuj", "Idrija"};
const std::vector<std::string> kSizes = {"S", "M", "L", "XL"};
const std::vector<std::string> kColours = {"Modra", "Bela", "Zelena", "Rdeča"};

std::string isoDate(std::int64_t epochMs) {
    return Poco::DateTimeFormatter::format(Poco::Timestamp(epochMs * 1000), "%Y-%m-%dT%H:%M:%S.%iZ");
}

std::string numbered(const std::string& prefix, std::size_t number) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%06zu", number);
    return prefix + digits;
}

/// `count` distinct values of [0, n), in the order drawn (a partial Fisher-Yates shuffle).
std::vector<std::size_t> sample(DeterministicRandom& random, std::size_t n, std::size_t count) {
    std::vector<std::size_t> pool(n);
    for (std::size_t i = 0; i < n; ++i) pool[i] = i;
    count = std::min(count, n);
    for (std::size_t i = 0; i < count; ++i)
        std::swap(
            pool[i],
            pool[static_cast<std::size_t>(random.between(static_cast<long>(i), static_cast<long>(n) - 1))]);
    pool.resize(count);
    return pool;
}

/// The positions of [0, n) not marked in `excluded`.
std::vector<std::size_t> eligible(std::size_t n, const std::vector<bool>& excluded) {
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < n; ++i)
        if (!excluded[i]) positions.push_back(i);
    return positions;
}

/// Stock as shops have it: mostly a few dozen, some sold out.
long quantity(DeterministicRandom& random) {
    return random.between(0, 99) < 6 ? 0 : random.between(1, 60);
}

std::vector<Row> rowsOf(const std::vector<CatalogProduct>& products) {
    std::vector<Row> rows;
    for (std::size_t p = 0; p < products.size(); ++p)
        for (std::size_t v = 0; v < products[p].variants.size(); ++v) rows.push_back(Row{p, v});
    return rows;
}

/// A variant's SKU changed: a simple product's product-level SKU is the same value.
void setSku(CatalogProduct& product, std::size_t variant, const std::string& sku) {
    product.variants[variant].sku = sku;
    if (!product.manageVariants) product.sku = sku;
}

std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

}  // namespace

std::vector<CatalogProduct> CatalogGenerator::generate(int skuCount, const CatalogOptions& options,
                                                       std::uint64_t seed, CatalogVersion version) {
    DeterministicRandom random(seed);
    const std::size_t total = skuCount > 0 ? static_cast<std::size_t>(skuCount) : 0;
    std::vector<CatalogProduct> products;
    std::size_t rows = 0;
    while (rows < total) {
        products.push_back(makeProduct(random, options, products.size(), rows, total - rows));
        rows += products.back().variants.size();
    }
    if (skuCount >= kQuirkMinimum) addQuirks(products, random, options, version);
    return products;
}

CatalogProduct CatalogGenerator::makeProduct(DeterministicRandom& random, const CatalogOptions& options,
                                             std::size_t index, std::size_t firstRow, std::size_t remaining) {
    static const std::int64_t kFirstCreatedMs =
        Poco::DateTime(2023, 9, 4, 8, 0).timestamp().epochMicroseconds() / 1000;
    CatalogProduct product;
    product.id = random.guid();
    product.inventoryItemId = random.guid();
    product.name = random.pick(kNouns) + " " + random.pick(kPlaces);
    product.priceCents = random.between(2, 120) * 100 - std::vector<long>{1, 10, 50, 0}[random.between(0, 3)];
    const long weight = random.between(1, 25);
    product.weight = std::to_string(weight / 10) + "." + std::to_string(weight % 10);
    // About 37 minutes apart, then last changed some time within 90 days.
    const std::int64_t createdMs = kFirstCreatedMs + static_cast<std::int64_t>(index) * 37 * 60 * 1000;
    product.createdDate = isoDate(createdMs);
    product.lastUpdated = isoDate(createdMs + random.between(0, 90L * 24 * 3600) * 1000);
    product.manageVariants = options.variants && remaining >= 2 && random.between(0, 99) < 15;
    const std::size_t count =
        product.manageVariants
            ? std::min<std::size_t>(remaining, static_cast<std::size_t>(random.between(2, 4)))
            : 1;
    const bool bySize = random.between(0, 1) == 0;
    for (std::size_t v = 0; v < count; ++v) {
        CatalogVariant variant;
        variant.id = random.guid();
        variant.inventoryItemId = random.guid();
        variant.sku = numbered(options.skuPrefix, firstRow + v + 1);
        if (product.manageVariants) {
            variant.choices.emplace_back(bySize ? "Velikost" : "Barva", bySize ? kSizes[v] : kColours[v]);
            if (bySize && v == 3) variant.priceCents = product.priceCents + 200;  // XL costs more
        }
        variant.quantity = quantity(random);
        variant.revision = random.between(1, 6);
        variant.updatedDate = product.lastUpdated;
        product.variants.push_back(std::move(variant));
    }
    // A managed product's own SKU is no variant's: §12.4's trap for connectors reading product.sku.
    product.sku =
        product.manageVariants ? numbered(options.skuPrefix + "P", index + 1) : product.variants[0].sku;
    return product;
}

void CatalogGenerator::addQuirks(std::vector<CatalogProduct>& products, DeterministicRandom& random,
                                 const CatalogOptions& options, CatalogVersion version) {
    const std::vector<Row> rows = rowsOf(products);
    const std::size_t few = std::max<std::size_t>(1, rows.size() / 100);
    if (options.hiddenProducts)
        for (std::size_t p : sample(random, products.size(), std::max<std::size_t>(1, products.size() / 50)))
            products[p].visible = false;
    if (options.untracked) {
        for (std::size_t p :
             sample(random, products.size(), std::max<std::size_t>(1, products.size() * 3 / 100))) {
            for (CatalogVariant& variant : products[p].variants) {
                variant.trackQuantity = false;
                variant.quantity = 0;
                variant.inStock = random.between(0, 4) != 0;
            }
        }
    }
    std::vector<bool> changed(rows.size(), false);
    if (options.emptySkus) {
        for (std::size_t r : sample(random, rows.size(), few)) {
            setSku(products[rows[r].product], rows[r].variant, "");
            changed[r] = true;
        }
    }
    if (options.duplicateSkus) {
        // A copied product: the copy's variant takes the SKU of a variant of another product.
        const std::vector<std::size_t> targets = eligible(rows.size(), changed);
        for (std::size_t pick : sample(random, targets.size(), few)) {
            const std::size_t r = targets[pick];
            if (changed[r]) continue;  // became a source meanwhile
            for (int attempt = 0; attempt < 20; ++attempt) {
                const auto source =
                    static_cast<std::size_t>(random.between(0, static_cast<long>(rows.size()) - 1));
                if (changed[source] || rows[source].product == rows[r].product) continue;
                const std::string sku = products[rows[source].product].variants[rows[source].variant].sku;
                setSku(products[rows[r].product], rows[r].variant, sku);
                changed[r] = changed[source] = true;  // the source keeps its SKU, and is not copied over
                break;
            }
        }
    }
    if (options.negativeQuantities && version == CatalogVersion::V1) {
        // Oversold: V1 lets quantities go below zero (§7).
        std::vector<bool> untracked(rows.size(), false);
        for (std::size_t r = 0; r < rows.size(); ++r)
            untracked[r] = !products[rows[r].product].variants[rows[r].variant].trackQuantity;
        const std::vector<std::size_t> tracked = eligible(rows.size(), untracked);
        for (std::size_t pick : sample(random, tracked.size(), std::max<std::size_t>(1, rows.size() / 200))) {
            const Row& row = rows[tracked[pick]];
            products[row.product].variants[row.variant].quantity = -random.between(1, 3);
        }
    }
}

void CatalogGenerator::complete(std::vector<CatalogProduct>& products, DeterministicRandom& random,
                                const std::string& now) {
    // Given numericIds stay; the others continue after the largest (uniqueness is SiteCatalog's check).
    std::int64_t next = kNumericIdBase;
    for (const CatalogProduct& product : products) {
        if (product.numericId.empty()) continue;
        std::int64_t value = 0;
        if (!Poco::NumberParser::tryParse64(product.numericId, value) || value <= 0)
            throw Poco::InvalidArgumentException("numericId must be a positive integer", product.numericId);
        next = std::max(next, value);
    }
    for (std::size_t i = 0; i < products.size(); ++i) {
        CatalogProduct& product = products[i];
        if (product.numericId.empty()) product.numericId = std::to_string(next += 1000);
        completeProduct(product, i, random, now);
    }
}

void CatalogGenerator::completeProduct(CatalogProduct& product, std::size_t index,
                                       DeterministicRandom& random, const std::string& now) {
    product.id = product.id.empty() ? random.guid() : Poco::toLower(product.id);
    product.inventoryItemId =
        product.inventoryItemId.empty() ? random.guid() : Poco::toLower(product.inventoryItemId);
    if (product.name.empty()) product.name = "Izdelek " + std::to_string(index + 1);
    product.productType = Poco::toLower(product.productType);
    if (product.productType != "physical" && product.productType != "digital")
        throw Poco::InvalidArgumentException("productType must be physical or digital", product.productType);
    if (product.priceCents < 0) throw Poco::InvalidArgumentException("negative price", product.id);
    if (product.createdDate.empty()) product.createdDate = now;
    if (product.lastUpdated.empty()) product.lastUpdated = product.createdDate;
    if (product.manageVariants && product.variants.empty())
        throw Poco::InvalidArgumentException("a product with manageVariants needs variants", product.id);
    if (!product.manageVariants) {
        if (product.variants.size() > 1)
            throw Poco::InvalidArgumentException("several variants need manageVariants", product.id);
        if (product.variants.empty()) product.variants.emplace_back();
        CatalogVariant& only = product.variants.front();
        only.choices.clear();
        if (only.sku.empty()) only.sku = product.sku;
        if (product.sku.empty()) product.sku = only.sku;
        if (only.sku != product.sku)
            throw Poco::InvalidArgumentException("a simple product's variant SKU must be the product's SKU",
                                                 product.id);
    }
    for (CatalogVariant& variant : product.variants) {
        // V1's 00000000-… is a name, not an id: the variant gets a real one (V3 shows it).
        variant.id = variant.id.empty() || variant.id == SiteCatalog::kDefaultVariantId
                         ? random.guid()
                         : Poco::toLower(variant.id);
        variant.inventoryItemId =
            variant.inventoryItemId.empty() ? random.guid() : Poco::toLower(variant.inventoryItemId);
        if (variant.updatedDate.empty()) variant.updatedDate = product.lastUpdated;
        if (variant.revision < 1)
            throw Poco::InvalidArgumentException("revision must be at least 1", variant.id);
        if (variant.priceCents < -1) throw Poco::InvalidArgumentException("negative price", variant.id);
    }
}

std::uint64_t CatalogGenerator::seedFor(unsigned sandboxSeed, const std::string& siteId) {
    return fnv1a(Poco::toLower(siteId)) ^ (static_cast<std::uint64_t>(sandboxSeed) * 0x9e3779b97f4a7c15ULL);
}

std::string CatalogGenerator::locationIdFor(const std::string& siteId) {
    DeterministicRandom random(fnv1a("location:" + Poco::toLower(siteId)));
    return random.guid();
}

}  // namespace wix_sandbox

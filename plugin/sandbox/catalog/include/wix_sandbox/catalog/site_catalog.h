#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "wix_sandbox/catalog/catalog_options.h"
#include "wix_sandbox/catalog/catalog_product.h"
#include "wix_sandbox/catalog/stock_level.h"

namespace wix_sandbox {

/// One site's catalog with the indexes the routes need: products in numericId order, every variant
/// (= V3 inventory item) at a fixed "item position", and lookups by product id, inventory item id,
/// variant id and SKU, so a page of a 100,000-SKU catalog costs O(log N + page). Products are immutable
/// and shared: a change copies the product and swaps the pointer, so a reader that took pointers can
/// render them after the lock is gone. Not thread-safe by itself (CatalogStore guards it).
class SiteCatalog {
public:
    using ProductPtr = std::shared_ptr<const CatalogProduct>;
    struct ItemRef {
        std::size_t product = 0;  ///< position in numericId order
        std::size_t variant = 0;  ///< index in the product's variants
    };
    /// The implicit variant of a product without managed variants, as Catalog V1 names it (§5).
    static constexpr const char* kDefaultVariantId = "00000000-0000-0000-0000-000000000000";

    SiteCatalog() = default;
    /// `products` must be complete (CatalogGenerator::complete); they are sorted by numericId here.
    /// Throws Poco::InvalidArgumentException for a duplicate product, variant or inventory item id or
    /// numericId.
    SiteCatalog(std::vector<CatalogProduct> products, std::string locationId);

    std::size_t productCount() const { return _products.size(); }
    std::size_t itemCount() const { return _items.size(); }
    const ProductPtr& product(std::size_t position) const { return _products[position]; }
    const ItemRef& item(std::size_t position) const { return _items[position]; }
    std::size_t firstItem(std::size_t product) const { return _firstItem[product]; }
    std::int64_t numericId(std::size_t product) const { return _numericIds[product]; }
    /// The V3 location every inventory item is at (one per site: "default location").
    const std::string& locationId() const { return _locationId; }
    /// Visible products among the first `end` (for V1 counts without includeHiddenProducts).
    std::size_t visibleBefore(std::size_t end) const { return _visibleBefore[end]; }

    std::optional<std::size_t> findProduct(const std::string& productId) const;
    std::optional<std::size_t> findV1Item(const std::string& v1InventoryItemId) const;  ///< product position
    std::optional<std::size_t> findItem(const std::string& inventoryItemId) const;      ///< item position
    std::optional<std::size_t> findVariant(const std::string& variantId) const;         ///< item position
    /// Item positions of variants with this SKU, in catalog order ("" finds nothing).
    const std::vector<std::size_t>& itemsWithSku(const std::string& sku) const;
    /// Product positions whose product-level SKU or a variant's SKU is `sku`, ascending.
    const std::vector<std::size_t>& productsWithSku(const std::string& sku) const;
    /// The first product position whose numericId is >= value.
    std::size_t lowerBound(std::int64_t value) const;
    /// A variant of a product by the id Catalog V1 uses (00000000-… for the default variant) or its own.
    std::optional<std::size_t> variantIndex(std::size_t product, const std::string& variantId) const;
    /// The variant id as the site's catalog shows it.
    static std::string variantIdFor(const CatalogProduct& product, std::size_t variant, bool v1);

    /// An item's stock as a test reads it back; ids as the site's catalog (V1 or not) shows them.
    StockLevel stockLevel(std::size_t item, bool v1) const;

    /// Replaces a product by a changed copy (ids and SKUs must stay as they are).
    void change(std::size_t product, const std::function<void(CatalogProduct&)>& edit);
    /// Marks a variant changed at `now`: its revision and the product's move on.
    static void touch(CatalogProduct& product, std::size_t variant, const std::string& now);

    /// The next `count` V3 bulk updates of an item fail with `code` (-1 = until cleared); queued after
    /// failures injected before.
    void failNext(const std::string& inventoryItemId, const std::string& code, int count);
    /// The injected failure the next update of the item uses up, if any.
    std::optional<std::string> takeFailure(const std::string& inventoryItemId);
    void clearFailures() { _failures.clear(); }

    CatalogSummary summary() const;

private:
    void reserve(std::size_t products, std::size_t items);
    void index(std::size_t position, std::int64_t numericId);

    std::vector<ProductPtr> _products;
    std::vector<std::int64_t> _numericIds;
    std::vector<std::size_t> _firstItem;
    std::vector<std::size_t> _visibleBefore{0};  // size productCount() + 1
    std::vector<ItemRef> _items;
    std::string _locationId;
    std::unordered_map<std::string, std::size_t> _productById;
    std::unordered_map<std::string, std::size_t> _productByV1Item;
    std::unordered_map<std::string, std::size_t> _itemById;
    std::unordered_map<std::string, std::size_t> _itemByVariant;
    std::unordered_map<std::string, std::vector<std::size_t>> _itemsBySku;
    std::unordered_map<std::string, std::vector<std::size_t>> _productsBySku;
    struct InjectedFailure {
        std::string code;
        int remaining;  // -1 = until cleared
    };
    std::map<std::string, std::vector<InjectedFailure>> _failures;  // by item id, oldest first
};

}  // namespace wix_sandbox

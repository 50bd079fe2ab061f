#include "wix_sandbox/catalog/site_catalog.h"

#include <algorithm>

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>

namespace wix_sandbox {

namespace {

const std::vector<std::size_t> kNone;

std::int64_t numericValue(const CatalogProduct& product) {
    std::int64_t value = 0;
    Poco::NumberParser::tryParse64(product.numericId, value);
    return value;
}

void unique(bool inserted, const std::string& what, const std::string& id) {
    if (!inserted) throw Poco::InvalidArgumentException("duplicate " + what, id);
}

template <typename Map>
std::optional<std::size_t> findIn(const Map& map, const std::string& key) {
    auto found = map.find(key);
    if (found == map.end()) return std::nullopt;
    return found->second;
}

}  // namespace

SiteCatalog::SiteCatalog(std::vector<CatalogProduct> products, std::string locationId)
    : _locationId(std::move(locationId)) {
    // numericIds parsed once; generated and seeded catalogs usually come sorted already.
    std::vector<std::pair<std::int64_t, std::size_t>> order(products.size());
    std::size_t items = 0;
    for (std::size_t i = 0; i < products.size(); ++i) {
        order[i] = {numericValue(products[i]), i};
        items += products[i].variants.size();
    }
    if (!std::is_sorted(order.begin(), order.end())) std::stable_sort(order.begin(), order.end());
    for (std::size_t i = 1; i < order.size(); ++i)
        if (order[i].first == order[i - 1].first)
            throw Poco::InvalidArgumentException("duplicate numericId", std::to_string(order[i].first));
    reserve(products.size(), items);
    for (const auto& [numericId, from] : order) {
        _products.push_back(std::make_shared<const CatalogProduct>(std::move(products[from])));
        index(_products.size() - 1, numericId);
    }
}

void SiteCatalog::reserve(std::size_t products, std::size_t items) {
    _products.reserve(products);
    _numericIds.reserve(products);
    _firstItem.reserve(products);
    _visibleBefore.reserve(products + 1);
    _items.reserve(items);
    _productById.reserve(products);
    _productByV1Item.reserve(products);
    _productsBySku.reserve(products);
    _itemById.reserve(items);
    _itemByVariant.reserve(items);
    _itemsBySku.reserve(items);
}

void SiteCatalog::index(std::size_t position, std::int64_t numericId) {
    const CatalogProduct& product = *_products[position];
    _numericIds.push_back(numericId);
    _firstItem.push_back(_items.size());
    _visibleBefore.push_back(_visibleBefore.back() + (product.visible ? 1 : 0));
    unique(_productById.emplace(product.id, position).second, "product id", product.id);
    unique(_productByV1Item.emplace(product.inventoryItemId, position).second, "inventory item id",
           product.inventoryItemId);
    // A product is listed once per distinct SKU it has (its own and its variants').
    const auto addProductSku = [&](const std::string& sku) {
        if (sku.empty()) return;
        std::vector<std::size_t>& products = _productsBySku[sku];
        if (products.empty() || products.back() != position) products.push_back(position);
    };
    addProductSku(product.sku);
    for (std::size_t v = 0; v < product.variants.size(); ++v) {
        const CatalogVariant& variant = product.variants[v];
        const std::size_t item = _items.size();
        _items.push_back(ItemRef{position, v});
        unique(_itemById.emplace(variant.inventoryItemId, item).second, "inventory item id",
               variant.inventoryItemId);
        unique(_itemByVariant.emplace(variant.id, item).second, "variant id", variant.id);
        if (!variant.sku.empty()) _itemsBySku[variant.sku].push_back(item);
        addProductSku(variant.sku);
    }
}

std::optional<std::size_t> SiteCatalog::findProduct(const std::string& productId) const {
    return findIn(_productById, productId);
}

std::optional<std::size_t> SiteCatalog::findV1Item(const std::string& v1InventoryItemId) const {
    return findIn(_productByV1Item, v1InventoryItemId);
}

std::optional<std::size_t> SiteCatalog::findItem(const std::string& inventoryItemId) const {
    return findIn(_itemById, inventoryItemId);
}

std::optional<std::size_t> SiteCatalog::findVariant(const std::string& variantId) const {
    return findIn(_itemByVariant, variantId);
}

const std::vector<std::size_t>& SiteCatalog::itemsWithSku(const std::string& sku) const {
    auto found = _itemsBySku.find(sku);
    return found == _itemsBySku.end() ? kNone : found->second;
}

const std::vector<std::size_t>& SiteCatalog::productsWithSku(const std::string& sku) const {
    auto found = _productsBySku.find(sku);
    return found == _productsBySku.end() ? kNone : found->second;
}

std::size_t SiteCatalog::lowerBound(std::int64_t value) const {
    return static_cast<std::size_t>(std::lower_bound(_numericIds.begin(), _numericIds.end(), value) -
                                    _numericIds.begin());
}

std::optional<std::size_t> SiteCatalog::variantIndex(std::size_t product,
                                                     const std::string& variantId) const {
    const CatalogProduct& entry = *_products[product];
    if (!entry.manageVariants && variantId == kDefaultVariantId) return 0;
    for (std::size_t v = 0; v < entry.variants.size(); ++v)
        if (entry.variants[v].id == variantId) return v;
    return std::nullopt;
}

std::string SiteCatalog::variantIdFor(const CatalogProduct& product, std::size_t variant, bool v1) {
    return v1 && !product.manageVariants ? kDefaultVariantId : product.variants[variant].id;
}

StockLevel SiteCatalog::stockLevel(std::size_t item, bool v1) const {
    const ItemRef& ref = _items[item];
    const CatalogProduct& product = *_products[ref.product];
    const CatalogVariant& variant = product.variants[ref.variant];
    StockLevel level;
    level.productId = product.id;
    level.variantId = variantIdFor(product, ref.variant, v1);
    level.inventoryItemId = variant.inventoryItemId;
    level.v1InventoryItemId = product.inventoryItemId;
    level.sku = variant.sku;
    level.productName = product.name;
    level.tracked = variant.trackQuantity;
    level.quantity = variant.quantity;
    level.inStock = variant.trackQuantity ? variant.quantity > 0 : variant.inStock;
    level.revision = variant.revision;
    return level;
}

void SiteCatalog::change(std::size_t product, const std::function<void(CatalogProduct&)>& edit) {
    auto copy = std::make_shared<CatalogProduct>(*_products[product]);
    edit(*copy);
    _products[product] = std::move(copy);
}

void SiteCatalog::touch(CatalogProduct& product, std::size_t variant, const std::string& now) {
    ++product.variants[variant].revision;
    product.variants[variant].updatedDate = now;
    ++product.revision;
    product.lastUpdated = now;
}

void SiteCatalog::failNext(const std::string& inventoryItemId, const std::string& code, int count) {
    if (count == 0) return;
    _failures[inventoryItemId].push_back(InjectedFailure{code, count});
}

std::optional<std::string> SiteCatalog::takeFailure(const std::string& inventoryItemId) {
    auto found = _failures.find(inventoryItemId);
    if (found == _failures.end() || found->second.empty()) return std::nullopt;
    InjectedFailure& next = found->second.front();
    std::string code = next.code;
    if (next.remaining > 0 && --next.remaining == 0) found->second.erase(found->second.begin());
    if (found->second.empty()) _failures.erase(found);
    return code;
}

CatalogSummary SiteCatalog::summary() const {
    CatalogSummary summary;
    summary.products = _products.size();
    summary.variants = _items.size();
    summary.distinctSkus = _itemsBySku.size();
    for (const ProductPtr& product : _products) {
        if (product->manageVariants) ++summary.managedProducts;
        if (!product->visible) ++summary.hiddenProducts;
        for (const CatalogVariant& variant : product->variants) {
            if (!variant.trackQuantity) ++summary.untrackedVariants;
            if (variant.sku.empty()) ++summary.emptySkus;
        }
    }
    for (const auto& [sku, items] : _itemsBySku) {
        // Items are in catalog order, so another product shows up as a different product position.
        const bool shared =
            std::any_of(items.begin(), items.end(), [&, first = items.front()](std::size_t item) {
                return _items[item].product != _items[first].product;
            });
        if (shared) summary.duplicateSkus += items.size();
    }
    return summary;
}

}  // namespace wix_sandbox

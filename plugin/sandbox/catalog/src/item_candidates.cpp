#include "wix_sandbox/catalog/item_candidates.h"

#include <algorithm>

namespace wix_sandbox {

std::optional<std::vector<std::size_t>> ItemCandidates::of(const CatalogFilter& filter,
                                                           const SiteCatalog& catalog,
                                                           const std::string& itemIdField,
                                                           const std::string& variantIdField,
                                                           const std::string& productIdField) {
    std::vector<std::size_t> items;
    if (std::optional<std::vector<std::string>> ids =
            itemIdField.empty() ? std::nullopt : filter.lookup(itemIdField)) {
        for (const std::string& id : *ids)
            if (std::optional<std::size_t> item = catalog.findItem(id)) items.push_back(*item);
    } else if (std::optional<std::vector<std::string>> variants = filter.lookup(variantIdField)) {
        for (const std::string& id : *variants)
            if (std::optional<std::size_t> item = catalog.findVariant(id)) items.push_back(*item);
    } else if (std::optional<std::vector<std::string>> products = filter.lookup(productIdField)) {
        for (const std::string& id : *products) {
            std::optional<std::size_t> product = catalog.findProduct(id);
            if (!product) continue;
            const std::size_t first = catalog.firstItem(*product);
            for (std::size_t v = 0; v < catalog.product(*product)->variants.size(); ++v)
                items.push_back(first + v);
        }
    } else {
        return std::nullopt;
    }
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    return items;
}

}  // namespace wix_sandbox

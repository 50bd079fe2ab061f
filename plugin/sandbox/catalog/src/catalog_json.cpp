#include "wix_sandbox/catalog/catalog_json.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

#include "wix_sandbox/catalog/site_catalog.h"
#include "wix_sandbox/core/money.h"

namespace wix_sandbox {

namespace {

bool available(const CatalogVariant& variant) {
    return variant.trackQuantity ? variant.quantity > 0 : variant.inStock;
}

}  // namespace

std::string CatalogJson::slug(const std::string& name) {
    std::string result;
    bool dash = false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto byte = static_cast<unsigned char>(name[i]);
        char letter = 0;
        if (std::isalnum(byte) && byte < 0x80) {
            letter = static_cast<char>(std::tolower(byte));
        } else if ((byte == 0xC4 || byte == 0xC5) && i + 1 < name.size()) {
            const auto next = static_cast<unsigned char>(name[++i]);
            if (byte == 0xC4 && (next == 0x8C || next == 0x8D)) letter = 'c';
            if (byte == 0xC5 && (next == 0xA0 || next == 0xA1)) letter = 's';
            if (byte == 0xC5 && (next == 0xBD || next == 0xBE)) letter = 'z';
        }
        if (letter) {
            if (dash && !result.empty()) result += '-';
            result += letter;
            dash = false;
        } else {
            dash = true;
        }
    }
    return result;
}

namespace {

void v1PriceData(JsonWriter& out, long cents, const std::string& currency) {
    const std::string formatted = Money::formatted(cents, currency);
    out.beginObject().field("currency", currency);
    out.key("price").raw(CatalogJson::v1Number(cents));
    out.key("discountedPrice").raw(CatalogJson::v1Number(cents));
    out.key("formatted")
        .beginObject()
        .field("price", formatted)
        .field("discountedPrice", formatted)
        .endObject();
    out.endObject();
}

void v1Stock(JsonWriter& out, const CatalogProduct& product) {
    const bool tracked = product.variants.front().trackQuantity;
    long quantity = 0;
    for (const CatalogVariant& variant : product.variants) quantity += variant.quantity;
    out.beginObject().field("trackInventory", tracked);
    if (tracked) out.field("quantity", quantity);
    out.field("inStock", std::any_of(product.variants.begin(), product.variants.end(), available));
    out.field("inventoryStatus", CatalogJson::availability(product)).endObject();
}

void v1Options(JsonWriter& out, const CatalogProduct& product) {
    // Options in the order first seen, each with its distinct choices; a choice is in stock when one of
    // its variants is.
    struct Choice {
        std::string value;
        bool inStock;
        bool visible;
    };
    std::vector<std::pair<std::string, std::vector<Choice>>> options;
    for (const CatalogVariant& variant : product.variants) {
        for (const auto& [option, value] : variant.choices) {
            auto found = std::find_if(options.begin(), options.end(),
                                      [&](const auto& o) { return o.first == option; });
            if (found == options.end()) found = options.insert(options.end(), {option, {}});
            auto choice = std::find_if(found->second.begin(), found->second.end(),
                                       [&](const Choice& c) { return c.value == value; });
            if (choice == found->second.end())
                found->second.push_back(Choice{value, available(variant), variant.visible});
            else
                choice->inStock = choice->inStock || available(variant);
        }
    }
    out.beginArray();
    for (const auto& [option, choices] : options) {
        out.beginObject().field("optionType", "drop_down").field("name", option).key("choices").beginArray();
        for (const Choice& choice : choices) {
            out.beginObject().field("value", choice.value).field("description", choice.value);
            out.field("inStock", choice.inStock).field("visible", choice.visible).endObject();
        }
        out.endArray().endObject();
    }
    out.endArray();
}

void v1Variant(JsonWriter& out, const CatalogProduct& product, std::size_t index,
               const std::string& currency) {
    const CatalogVariant& variant = product.variants[index];
    out.beginObject().field("id", SiteCatalog::variantIdFor(product, index, true));
    out.key("choices").beginObject();
    for (const auto& [option, choice] : variant.choices) out.field(option, choice);
    out.endObject();
    out.key("variant").beginObject().key("priceData");
    v1PriceData(out, CatalogJson::priceOf(product, variant), currency);
    out.field("sku", variant.sku).key("weight").raw(product.weight);
    out.field("visible", variant.visible).endObject();
    out.key("stock").beginObject().field("trackQuantity", variant.trackQuantity);
    if (variant.trackQuantity) out.field("quantity", variant.quantity);
    out.field("inStock", available(variant)).endObject();
    out.endObject();
}

void v3Money(JsonWriter& out, long cents, const std::string& currency) {
    out.beginObject()
        .field("amount", Money::amount(cents))
        .field("formattedAmount", Money::formatted(cents, currency))
        .endObject();
}

std::string upper(const std::string& text) {
    std::string result = text;
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    return result;
}

}  // namespace

void CatalogJson::v1Product(JsonWriter& out, const CatalogProduct& product, bool includeVariants,
                            const std::string& currency) {
    out.beginObject().field("id", product.id).field("name", product.name).field("slug", slug(product.name));
    out.field("visible", product.visible).field("productType", product.productType).field("description", "");
    out.field("sku", product.sku).key("weight").raw(product.weight);
    out.key("stock");
    v1Stock(out, product);
    out.key("price");
    v1PriceData(out, product.priceCents, currency);
    out.key("priceData");
    v1PriceData(out, product.priceCents, currency);
    out.field("manageVariants", product.manageVariants).key("productOptions");
    v1Options(out, product);
    out.field("numericId", product.numericId).field("inventoryItemId", product.inventoryItemId);
    out.field("lastUpdated", product.lastUpdated).field("createdDate", product.createdDate);
    if (includeVariants) {
        out.key("variants").beginArray();
        for (std::size_t v = 0; v < product.variants.size(); ++v) v1Variant(out, product, v, currency);
        out.endArray();
    }
    out.endObject();
}

void CatalogJson::v1InventoryItem(JsonWriter& out, const CatalogProduct& product) {
    const bool tracked = product.variants.front().trackQuantity;
    out.beginObject().field("id", product.inventoryItemId).field("externalId", product.id);
    out.field("productId", product.id).field("trackQuantity", tracked).key("variants").beginArray();
    for (std::size_t v = 0; v < product.variants.size(); ++v) {
        const CatalogVariant& variant = product.variants[v];
        out.beginObject().field("variantId", SiteCatalog::variantIdFor(product, v, true));
        out.field("inStock", available(variant));
        if (variant.trackQuantity) out.field("quantity", variant.quantity);
        out.field("availableForPreorder", false).endObject();
    }
    out.endArray().field("lastUpdated", product.lastUpdated).field("numericId", product.numericId);
    out.key("preorderInfo").beginObject().field("enabled", false).field("message", "").endObject();
    out.endObject();
}

void CatalogJson::v3Product(JsonWriter& out, const CatalogProduct& product, const std::string& currency) {
    long low = priceOf(product, product.variants.front());
    long high = low;
    for (const CatalogVariant& variant : product.variants) {
        low = std::min(low, priceOf(product, variant));
        high = std::max(high, priceOf(product, variant));
    }
    out.beginObject().field("id", product.id).field("revision", std::to_string(product.revision));
    out.field("createdDate", product.createdDate).field("updatedDate", product.lastUpdated);
    out.field("name", product.name).field("slug", slug(product.name)).field("visible", product.visible);
    out.field("visibleInPos", true).field("productType", upper(product.productType));
    out.key("inventory").beginObject().field("availabilityStatus", availability(product));
    out.field("preorderStatus", "DISABLED").endObject();
    out.key("actualPriceRange").beginObject().key("minValue");
    v3Money(out, low, currency);
    out.key("maxValue");
    v3Money(out, high, currency);
    out.endObject();
    out.key("variantSummary").beginObject().field("variantCount", static_cast<long>(product.variants.size()));
    out.endObject().endObject();
}

void CatalogJson::v3Variant(JsonWriter& out, const CatalogProduct& product, std::size_t index,
                            const std::string& currency) {
    const CatalogVariant& variant = product.variants[index];
    out.beginObject().field("id", variant.id).field("visible", variant.visible);
    if (!variant.sku.empty()) out.field("sku", variant.sku);
    out.key("price").beginObject().key("actualPrice");
    v3Money(out, priceOf(product, variant), currency);
    out.endObject().key("optionChoices").beginArray();
    for (const auto& [option, choice] : variant.choices) {
        out.beginObject().key("optionChoiceNames").beginObject().field("optionName", option);
        out.field("choiceName", choice).field("renderType", "TEXT_CHOICES").endObject().endObject();
    }
    out.endArray()
        .key("productData")
        .beginObject()
        .field("productId", product.id)
        .field("name", product.name);
    out.field("productType", upper(product.productType)).field("visible", product.visible).endObject();
    out.key("inventoryStatus").beginObject().field("inStock", available(variant));
    out.field("preorderEnabled", false).endObject();
    if (product.productType == "physical")
        out.key("physicalProperties").beginObject().key("weight").raw(product.weight).endObject();
    out.endObject();
}

void CatalogJson::v3InventoryItem(JsonWriter& out, const CatalogProduct& product, std::size_t index,
                                  const std::string& locationId) {
    const CatalogVariant& variant = product.variants[index];
    out.beginObject()
        .field("id", variant.inventoryItemId)
        .field("revision", std::to_string(variant.revision));
    out.field("createdDate", product.createdDate).field("updatedDate", variant.updatedDate);
    out.field("variantId", variant.id).field("locationId", locationId).field("productId", product.id);
    out.field("trackQuantity", variant.trackQuantity);
    if (variant.trackQuantity)
        out.field("quantity", variant.quantity);
    else
        out.field("inStock", variant.inStock);
    out.field("availabilityStatus", available(variant) ? "IN_STOCK" : "OUT_OF_STOCK");
    out.key("preorderInfo").beginObject().field("enabled", false).endObject();
    out.key("product").beginObject().field("name", product.name);
    const std::string name = variantName(variant);
    if (!name.empty()) out.field("variantName", name);
    if (!variant.sku.empty()) out.field("variantSku", variant.sku);
    out.field("variantVisible", variant.visible).endObject();
    out.endObject();
}

std::string CatalogJson::v1Number(long cents) {
    const std::string text = Money::amount(cents);
    // Money::amount keeps one decimal ("35.0"); V1 numbers drop it (35).
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
        return text.substr(0, text.size() - 2);
    return text;
}

std::string CatalogJson::availability(const CatalogProduct& product) {
    const auto count = std::count_if(product.variants.begin(), product.variants.end(), available);
    if (count == 0) return "OUT_OF_STOCK";
    return static_cast<std::size_t>(count) == product.variants.size() ? "IN_STOCK" : "PARTIALLY_OUT_OF_STOCK";
}

std::string CatalogJson::variantName(const CatalogVariant& variant) {
    std::string name;
    for (const auto& [option, choice] : variant.choices) name += (name.empty() ? "" : " / ") + choice;
    return name;
}

long CatalogJson::priceOf(const CatalogProduct& product, const CatalogVariant& variant) {
    return variant.priceCents >= 0 ? variant.priceCents : product.priceCents;
}

}  // namespace wix_sandbox

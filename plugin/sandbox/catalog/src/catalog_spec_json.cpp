#include "wix_sandbox/catalog/catalog_spec_json.h"

#include <cmath>

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>

#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/money.h"

namespace wix_sandbox {

namespace {

Poco::JSON::Object::Ptr requireObject(const Poco::Dynamic::Var& value, const std::string& what) {
    if (value.type() != typeid(Poco::JSON::Object::Ptr))
        throw Poco::InvalidArgumentException(what + " must be an object");
    return value.extract<Poco::JSON::Object::Ptr>();
}

void readStock(const Poco::JSON::Object::Ptr& json, CatalogVariant& variant) {
    variant.trackQuantity = json->optValue("trackQuantity", variant.trackQuantity);
    if (json->has("quantity")) variant.quantity = json->getValue<long>("quantity");
    if (json->has("inStock")) variant.inStock = json->getValue<bool>("inStock");
    if (json->has("revision")) variant.revision = json->getValue<std::int64_t>("revision");
    // Giving only inStock means an untracked variant; only quantity, a tracked one.
    if (!json->has("trackQuantity") && json->has("inStock") && !json->has("quantity"))
        variant.trackQuantity = false;
}

}  // namespace

CatalogSeed CatalogSpecJson::seedFromJson(const Poco::JSON::Object::Ptr& json) {
    if (!json) throw Poco::InvalidArgumentException("a catalog must be a JSON object");
    CatalogSeed seed;
    seed.siteId = json->optValue<std::string>("siteId", "");
    if (json->has("skus")) {
        seed.generateSkus = json->getValue<int>("skus");
        if (seed.generateSkus < 0) throw Poco::InvalidArgumentException("skus must not be negative");
        seed.options = optionsFromJson(json);
        return seed;
    }
    Poco::JSON::Array::Ptr products = json->getArray("products");
    if (!products) throw Poco::InvalidArgumentException("a catalog needs \"products\" or \"skus\"");
    for (const Poco::Dynamic::Var& product : *products)
        seed.products.push_back(productFromJson(requireObject(product, "a product")));
    return seed;
}

CatalogProduct CatalogSpecJson::productFromJson(const Poco::JSON::Object::Ptr& json) {
    CatalogProduct product;
    product.id = json->optValue<std::string>("id", "");
    product.name = json->optValue<std::string>("name", "");
    if (json->has("numericId")) product.numericId = json->get("numericId").toString();
    product.sku = json->optValue<std::string>("sku", "");
    product.manageVariants = json->optValue("manageVariants", false);
    product.productType = json->optValue<std::string>("productType", product.productType);
    product.visible = json->optValue("visible", product.visible);
    product.inventoryItemId = json->optValue<std::string>("inventoryItemId", "");
    if (json->has("price")) product.priceCents = centsOf(json->get("price"));
    if (json->has("weight")) product.weight = json->get("weight").toString();
    product.createdDate = json->optValue<std::string>("createdDate", "");
    product.lastUpdated = json->optValue<std::string>("lastUpdated", "");
    if (Poco::JSON::Array::Ptr variants = json->getArray("variants")) {
        for (const Poco::Dynamic::Var& variant : *variants)
            product.variants.push_back(variantFromJson(requireObject(variant, "a variant")));
    } else if (!product.manageVariants) {
        CatalogVariant only;
        readStock(json, only);
        product.variants.push_back(only);
    }
    return product;
}

CatalogVariant CatalogSpecJson::variantFromJson(const Poco::JSON::Object::Ptr& json) {
    CatalogVariant variant;
    variant.id = json->optValue<std::string>("id", "");
    variant.sku = json->optValue<std::string>("sku", "");
    if (Poco::JSON::Object::Ptr choices = json->getObject("choices"))
        for (const auto& [option, choice] : *choices) variant.choices.emplace_back(option, choice.toString());
    if (json->has("price")) variant.priceCents = centsOf(json->get("price"));
    variant.visible = json->optValue("visible", variant.visible);
    variant.inventoryItemId = json->optValue<std::string>("inventoryItemId", "");
    readStock(json, variant);
    return variant;
}

CatalogOptions CatalogSpecJson::optionsFromJson(const Poco::JSON::Object::Ptr& json) {
    CatalogOptions options = json->optValue("clean", false) ? CatalogOptions::clean() : CatalogOptions{};
    options.seed = json->optValue<std::uint64_t>("seed", options.seed);
    options.skuPrefix = json->optValue("skuPrefix", options.skuPrefix);
    options.variants = json->optValue("variants", options.variants);
    options.untracked = json->optValue("untracked", options.untracked);
    options.emptySkus = json->optValue("emptySkus", options.emptySkus);
    options.duplicateSkus = json->optValue("duplicateSkus", options.duplicateSkus);
    options.hiddenProducts = json->optValue("hiddenProducts", options.hiddenProducts);
    options.negativeQuantities = json->optValue("negativeQuantities", options.negativeQuantities);
    return options;
}

Poco::JSON::Object::Ptr CatalogSpecJson::productToJson(const CatalogProduct& product) {
    Poco::JSON::Object::Ptr json = JsonBody::object();
    json->set("id", product.id);
    json->set("numericId", product.numericId);
    json->set("name", product.name);
    json->set("sku", product.sku);
    json->set("manageVariants", product.manageVariants);
    json->set("productType", product.productType);
    json->set("visible", product.visible);
    json->set("inventoryItemId", product.inventoryItemId);
    json->set("price", Money::amount(product.priceCents));
    Poco::JSON::Array::Ptr variants = new Poco::JSON::Array;
    for (const CatalogVariant& variant : product.variants) {
        Poco::JSON::Object::Ptr entry = JsonBody::object();
        entry->set("id", variant.id);
        entry->set("sku", variant.sku);
        Poco::JSON::Object::Ptr choices = JsonBody::object();
        for (const auto& [option, choice] : variant.choices) choices->set(option, choice);
        entry->set("choices", choices);
        entry->set("inventoryItemId", variant.inventoryItemId);
        entry->set("trackQuantity", variant.trackQuantity);
        entry->set("quantity", variant.quantity);
        entry->set("inStock", variant.inStock);
        entry->set("revision", std::to_string(variant.revision));
        variants->add(entry);
    }
    json->set("variants", variants);
    return json;
}

Poco::JSON::Object::Ptr CatalogSpecJson::summaryToJson(const CatalogSummary& summary) {
    Poco::JSON::Object::Ptr json = JsonBody::object();
    json->set("products", summary.products);
    json->set("variants", summary.variants);
    json->set("distinctSkus", summary.distinctSkus);
    json->set("managedProducts", summary.managedProducts);
    json->set("untrackedVariants", summary.untrackedVariants);
    json->set("emptySkus", summary.emptySkus);
    json->set("duplicateSkus", summary.duplicateSkus);
    json->set("hiddenProducts", summary.hiddenProducts);
    return json;
}

Poco::JSON::Object::Ptr CatalogSpecJson::stockToJson(const StockLevel& level) {
    Poco::JSON::Object::Ptr json = JsonBody::object();
    json->set("productId", level.productId);
    json->set("variantId", level.variantId);
    json->set("inventoryItemId", level.inventoryItemId);
    json->set("v1InventoryItemId", level.v1InventoryItemId);
    json->set("sku", level.sku);
    json->set("productName", level.productName);
    json->set("tracked", level.tracked);
    json->set("quantity", level.quantity);
    json->set("inStock", level.inStock);
    json->set("revision", std::to_string(level.revision));
    return json;
}

long CatalogSpecJson::centsOf(const Poco::Dynamic::Var& value) {
    if (value.isString()) {
        std::optional<long> cents = Money::parseCents(value.extract<std::string>());
        if (!cents) throw Poco::InvalidArgumentException("not a price", value.toString());
        return *cents;
    }
    return std::lround(value.convert<double>() * 100);
}

}  // namespace wix_sandbox

#include "stock/stock_catalog_reader.h"

#include <Poco/String.h>

#include <Poco/JSON/Object.h>

#include <sstream>

#include "client/paging_guard.h"
#include "estore/sdk/json_access.h"

namespace estore::wix {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

std::string text(const Object::Ptr& object, const std::string& key) {
    if (!object || !object->has(key) || object->isNull(key)) return {};
    return object->get(key).toString();  // ids and revisions may come as strings or numbers
}

bool flag(const Object::Ptr& object, const std::string& key) {
    if (!object || !object->has(key) || object->isNull(key)) return false;
    const auto value = object->get(key);
    return value.isBoolean() ? value.extract<bool>() : value.toString() == "true";
}

std::int64_t whole(const Object::Ptr& object, const std::string& key) {
    if (!object || !object->has(key) || object->isNull(key)) return 0;
    try {
        return object->get(key).convert<std::int64_t>();
    } catch (const Poco::Exception&) {
        return 0;
    }
}

host_api::Outcome malformed(WixCall call, const WixAnswer& answer, const std::string& why) {
    return unexpectedBody(call, answer.http, why);
}

/// A 400 that names the paging limit: the documented limit was lower than we asked for.
bool refusedLimit(const WixAnswer& answer) {
    return answer.http.delivered() && answer.http.response.status == 400 &&
           answer.http.response.body.find("limit") != std::string::npos;
}

}  // namespace

std::string StockCatalogReader::v1PageBody(const std::string& afterNumericId) {
    Object::Ptr query = new Object;
    if (!afterNumericId.empty()) {
        Object::Ptr gt = new Object;
        gt->set("$gt", afterNumericId);
        Object filter;
        filter.set("numericId", gt);
        query->set("filter", sdk::jsonText(filter));
    }
    query->set("sort", std::string("[{\"numericId\":\"asc\"}]"));
    Object::Ptr paging = new Object;
    paging->set("limit", kV1PageSize);
    query->set("paging", paging);
    Object body;
    body.set("query", query);
    body.set("includeVariants", true);
    body.set("includeHiddenProducts", true);  // hidden products still have stock to keep right
    return sdk::jsonText(body);
}

std::string StockCatalogReader::v3FirstPageBody(int limit, const std::vector<std::string>& ids) {
    Object::Ptr query = new Object;
    if (!ids.empty()) {
        Array::Ptr in = new Array;
        for (const auto& id : ids) in->add(id);
        Object::Ptr op = new Object;
        op->set("$in", in);
        Object::Ptr filter = new Object;
        filter->set("id", op);
        query->set("filter", filter);
    }
    Object::Ptr paging = new Object;
    paging->set("limit", limit);
    query->set("cursorPaging", paging);
    Object body;
    body.set("query", query);
    return sdk::jsonText(body);
}

std::string StockCatalogReader::v3NextPageBody(int limit, const std::string& cursor) {
    return sdk::cursorFollowUpBody("query", limit, cursor);
}

bool StockCatalogReader::appendV1Products(const Array::Ptr& products, std::vector<WixStockItem>& out,
                                          std::string& lastNumericId) {
    for (std::size_t i = 0; i < products->size(); ++i) {
        const Object::Ptr product = products->getObject(static_cast<unsigned>(i));
        if (!product) return false;
        const std::string id = text(product, "id");
        lastNumericId = text(product, "numericId");
        if (id.empty() || lastNumericId.empty()) return false;
        const std::string name = text(product, "name");
        const Array::Ptr variants = product->getArray("variants");
        if (flag(product, "manageVariants") && variants) {
            for (std::size_t v = 0; v < variants->size(); ++v) {
                const Object::Ptr variant = variants->getObject(static_cast<unsigned>(v));
                if (!variant) continue;
                const Object::Ptr stock = variant->getObject("stock");
                WixStockItem item;
                item.productId = id;
                item.variantId = text(variant, "id");
                item.sku = Poco::trim(text(variant->getObject("variant"), "sku"));
                item.name = name;
                item.tracked = flag(stock, "trackQuantity");
                item.quantity = whole(stock, "quantity");
                out.push_back(std::move(item));
            }
            continue;
        }
        // Without managed variants the product is one item: its SKU and stock are the product's (§5).
        const Object::Ptr stock = product->getObject("stock");
        WixStockItem item;
        item.productId = id;
        item.variantId = kNoVariant;
        item.sku = Poco::trim(text(product, "sku"));
        item.name = name;
        item.tracked = flag(stock, "trackInventory");
        item.quantity = whole(stock, "quantity");
        out.push_back(std::move(item));
    }
    return true;
}

bool StockCatalogReader::appendV3Items(const Array::Ptr& items, std::vector<WixStockItem>& out) {
    for (std::size_t i = 0; i < items->size(); ++i) {
        const Object::Ptr entry = items->getObject(static_cast<unsigned>(i));
        if (!entry) return false;
        const Object::Ptr product = entry->getObject("product");
        WixStockItem item;
        item.inventoryItemId = text(entry, "id");
        item.revision = text(entry, "revision");
        if (item.inventoryItemId.empty() || item.revision.empty()) return false;
        item.productId = text(entry, "productId");
        item.variantId = text(entry, "variantId");
        item.sku = Poco::trim(text(product, "variantSku"));
        item.name = text(product, "name");
        const std::string variantName = text(product, "variantName");
        if (!variantName.empty()) item.name += " (" + variantName + ")";
        // trackQuantity is read-only and `quantity` is present only for tracked items (§8).
        item.tracked = flag(entry, "trackQuantity");
        item.quantity = whole(entry, "quantity");
        out.push_back(std::move(item));
    }
    return true;
}

host_api::Outcome StockCatalogReader::read(CatalogVersion version, std::vector<WixStockItem>& out) {
    out.clear();
    return version == CatalogVersion::V1 ? readV1(out) : readV3(kV3PageSize, {}, out);
}

host_api::Outcome StockCatalogReader::readV3Items(const std::vector<std::string>& ids,
                                                  std::vector<WixStockItem>& out) {
    out.clear();
    if (ids.empty()) return host_api::Outcome::success();
    return readV3(kV3FallbackPageSize, ids, out);
}

host_api::Outcome StockCatalogReader::readV1(std::vector<WixStockItem>& out) {
    std::string after;
    PagingGuard guard(WixCall::ProductsRead);
    for (;;) {
        WixAnswer page = _client.queryProductsV1(v1PageBody(after));
        if (!page.outcome.ok()) return page.outcome;
        const Array::Ptr products = page.body->getArray("products");
        if (products->size() == 0) return host_api::Outcome::success();
        if (!appendV1Products(products, out, after))
            return malformed(WixCall::ProductsRead, page, "a product without id or numericId");
        pageDone(out.size());
        host_api::Outcome stuck;
        if (!guard.follow(after, stuck)) return stuck;
    }
}

host_api::Outcome StockCatalogReader::readV3(int limit, const std::vector<std::string>& ids,
                                             std::vector<WixStockItem>& out) {
    WixAnswer page = _client.queryInventoryV3(v3FirstPageBody(limit, ids));
    if (!page.outcome.ok() && limit > kV3FallbackPageSize && refusedLimit(page)) {
        limit = kV3FallbackPageSize;
        page = _client.queryInventoryV3(v3FirstPageBody(limit, ids));
    }
    PagingGuard guard(WixCall::InventoryRead);
    for (;;) {
        if (!page.outcome.ok()) return page.outcome;
        if (!appendV3Items(page.body->getArray("inventoryItems"), out))
            return malformed(WixCall::InventoryRead, page, "an inventory item without id or revision");
        pageDone(out.size());
        const bool hasNext =
            sdk::valueAt(page.body, "pagingMetadata.hasNext").value_or(false).toString() == "true";
        const std::string cursor = sdk::stringAt(page.body, "pagingMetadata.cursors.next").value_or("");
        if (!hasNext || cursor.empty()) return host_api::Outcome::success();
        host_api::Outcome stuck;
        if (!guard.follow(cursor, stuck)) return stuck;
        page = _client.queryInventoryV3(v3NextPageBody(limit, cursor));
    }
}

}  // namespace estore::wix

#include "wix_sandbox/catalog/inventory_v3_bulk_update_endpoint.h"

#include "wix_sandbox/catalog/catalog_json.h"
#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/request_fields.h"

namespace wix_sandbox {

namespace {

const std::string kItems = "inventoryItems";

}  // namespace

InventoryV3BulkUpdateEndpoint::InventoryV3BulkUpdateEndpoint(CatalogStore& catalog)
    : WixEndpoint(EndpointSpec{"POST",
                               "/stores/v3/bulk/inventory-items/update",
                               {"SCOPE.STORES.INVENTORY_ITEM_WRITE"},
                               true,
                               CatalogVersion::V3}),
      _catalog(catalog) {}

HttpReply InventoryV3BulkUpdateEndpoint::handle(const WixRequest& request, const SiteInfo& site) {
    Poco::JSON::Object::Ptr body = JsonBody::parseObject(request.body);
    const std::vector<Update> updates = readUpdates(body);
    const bool returnEntity = RequestFields::has(body, "returnEntity") &&
                              RequestFields::boolean(body->get("returnEntity"), "returnEntity");
    if (RequestFields::has(body, "reason")) RequestFields::text(body->get("reason"), "reason");

    std::vector<Outcome> outcomes;
    std::string locationId;
    const std::string now = CatalogStore::now();
    // One exclusive lock for the whole call: readers see all of it or none of it.
    _catalog.write(site.siteId, [&](SiteCatalog& catalog) {
        locationId = catalog.locationId();
        for (const Update& update : updates) outcomes.push_back(apply(catalog, update, now));
    });

    JsonWriter out;
    long successes = 0;
    out.beginObject().key("results").beginArray();
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const Outcome& outcome = outcomes[i];
        const bool success = outcome.errorCode.empty();
        successes += success ? 1 : 0;
        out.beginObject().key("itemMetadata").beginObject().field("id", outcome.id);
        out.field("originalIndex", static_cast<long>(i)).field("success", success);
        if (!success) {
            out.key("error").beginObject().field("code", outcome.errorCode);
            out.field("description", outcome.errorDescription)
                .key("data")
                .beginObject()
                .endObject()
                .endObject();
        }
        out.endObject();
        if (success && returnEntity) {
            out.key("item");
            CatalogJson::v3InventoryItem(out, *outcome.product, outcome.variant, locationId);
        }
        out.endObject();
    }
    out.endArray().key("bulkActionMetadata").beginObject().field("totalSuccesses", successes);
    out.field("totalFailures", static_cast<long>(outcomes.size()) - successes)
        .field("undetailedFailures", 0L);
    out.endObject().endObject();
    return HttpReply{200, out.take(), "application/json", {}};
}

std::vector<InventoryV3BulkUpdateEndpoint::Update> InventoryV3BulkUpdateEndpoint::readUpdates(
    const Poco::JSON::Object::Ptr& body) {
    Poco::JSON::Array::Ptr items = RequestFields::array(body, kItems, kItems);
    if (!items) RequestFields::reject(kItems, "is required", "REQUIRED_FIELD");
    if (items->size() == 0) RequestFields::reject(kItems, "must not be empty", "MIN");
    if (items->size() > kMaxItems)
        RequestFields::reject(kItems, "must have at most " + std::to_string(kMaxItems) + " items", "MAX");
    std::vector<Update> updates;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string field = kItems + "[" + std::to_string(i) + "]";
        if (!RequestFields::isObject(items->get(i)))
            RequestFields::reject(field, "must be an object", "TYPE");
        updates.push_back(readUpdate(items->getObject(i), field));
    }
    return updates;
}

InventoryV3BulkUpdateEndpoint::Update InventoryV3BulkUpdateEndpoint::readUpdate(
    const Poco::JSON::Object::Ptr& entry, const std::string& field) {
    const std::string at = field + ".inventoryItem";
    Poco::JSON::Object::Ptr item = RequestFields::object(entry, "inventoryItem", at);
    if (!item) RequestFields::reject(at, "is required", "REQUIRED_FIELD");
    Update update;
    if (RequestFields::has(item, "id")) update.id = RequestFields::text(item->get("id"), at + ".id");
    if (update.id.empty()) RequestFields::reject(at + ".id", "is required", "REQUIRED_FIELD");
    // The optimistic lock is not optional (§8): an update without a revision is refused outright.
    if (!RequestFields::has(item, "revision"))
        RequestFields::reject(at + ".revision", "is required", "REQUIRED_FIELD");
    update.revision = RequestFields::integer(item->get("revision"), at + ".revision");
    if (RequestFields::has(item, "trackQuantity"))
        update.trackQuantity = RequestFields::boolean(item->get("trackQuantity"), at + ".trackQuantity");
    if (RequestFields::has(item, "quantity"))
        update.quantity = static_cast<long>(RequestFields::integer(item->get("quantity"), at + ".quantity"));
    if (RequestFields::has(item, "inStock"))
        update.inStock = RequestFields::boolean(item->get("inStock"), at + ".inStock");
    if (update.quantity && update.inStock)
        RequestFields::reject(at, "takes quantity or inStock, not both", "ONE_OF");
    if (update.trackQuantity == true && update.inStock)
        RequestFields::reject(at + ".inStock", "needs trackQuantity false", "ONE_OF");
    if (update.trackQuantity == false && update.quantity)
        RequestFields::reject(at + ".quantity", "needs trackQuantity true", "ONE_OF");
    return update;
}

InventoryV3BulkUpdateEndpoint::Outcome InventoryV3BulkUpdateEndpoint::apply(SiteCatalog& catalog,
                                                                            const Update& update,
                                                                            const std::string& now) {
    Outcome outcome{update.id, "", "", nullptr, 0};
    const std::optional<std::size_t> position = catalog.findItem(update.id);
    if (!position) {
        outcome.errorCode = kNotFound;
        outcome.errorDescription = "Inventory item " + update.id + " not found";
        return outcome;
    }
    if (std::optional<std::string> injected = catalog.takeFailure(update.id)) {
        outcome.errorCode = *injected;
        outcome.errorDescription = "Injected failure";
        return outcome;
    }
    const SiteCatalog::ItemRef item = catalog.item(*position);
    const CatalogVariant& current = catalog.product(item.product)->variants[item.variant];
    if (update.revision != current.revision) {
        outcome.errorCode = kRevisionMismatch;
        outcome.errorDescription = "Revision " + std::to_string(update.revision) +
                                   " is stale; the item is at revision " + std::to_string(current.revision);
        return outcome;
    }
    outcome.errorCode = refusal(current, update, outcome.errorDescription);
    if (!outcome.errorCode.empty()) return outcome;
    catalog.change(item.product, [&](CatalogProduct& product) {
        CatalogVariant& variant = product.variants[item.variant];
        if (update.quantity) {
            variant.trackQuantity = true;
            variant.quantity = *update.quantity;
        } else if (update.inStock) {
            variant.trackQuantity = false;
            variant.inStock = *update.inStock;
        } else if (update.trackQuantity && *update.trackQuantity != variant.trackQuantity) {
            if (variant.trackQuantity) variant.inStock = variant.quantity > 0;
            variant.trackQuantity = *update.trackQuantity;
        }
        SiteCatalog::touch(product, item.variant, now);
    });
    outcome.product = catalog.product(item.product);
    outcome.variant = item.variant;
    return outcome;
}

std::string InventoryV3BulkUpdateEndpoint::refusal(const CatalogVariant& variant, const Update& update,
                                                   std::string& description) {
    // Sending quantity to an untracked item would start tracking it (lesson: "untracked items become
    // stocked"); the sandbox makes that an explicit choice (trackQuantity true) and fails it otherwise.
    if (update.quantity && !variant.trackQuantity && update.trackQuantity != true) {
        description =
            "The item does not track quantity; send inStock, or trackQuantity true to start tracking";
        return kNotTracked;
    }
    if (update.inStock && variant.trackQuantity && update.trackQuantity != false) {
        description = "The item tracks quantity; send quantity, or trackQuantity false to stop tracking";
        return kTracked;
    }
    return "";
}

}  // namespace wix_sandbox

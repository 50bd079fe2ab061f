#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "wix_sandbox/catalog/catalog_store.h"
#include "wix_sandbox/core/wix_endpoint.h"

namespace wix_sandbox {

/// POST /stores/v3/bulk/inventory-items/update (reference §8), Catalog V3 sites only: sets absolute stock
/// of up to 100 items, each carrying its current revision (optimistic lock). HTTP 200 with a result per
/// item; a stale revision, an unknown id, quantity on an untracked item (or inStock on a tracked one)
/// and injected failures fail only their item. A malformed request is a 400 for all.
class InventoryV3BulkUpdateEndpoint : public WixEndpoint {
public:
    static constexpr std::size_t kMaxItems = 100;
    /// Per-item error codes. Wix's are unverified (§8 "exact stale code unverified"); these are ours.
    static constexpr const char* kRevisionMismatch = "REVISION_MISMATCH";
    static constexpr const char* kNotFound = "NOT_FOUND";
    static constexpr const char* kNotTracked = "INVENTORY_ITEM_NOT_TRACKED";
    static constexpr const char* kTracked = "INVENTORY_ITEM_TRACKED";

    explicit InventoryV3BulkUpdateEndpoint(CatalogStore& catalog);

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

private:
    struct Update {
        std::string id;
        std::int64_t revision = 0;
        std::optional<bool> trackQuantity;
        std::optional<long> quantity;
        std::optional<bool> inStock;
    };
    struct Outcome {
        std::string id;
        std::string errorCode;  // "" = success
        std::string errorDescription;
        SiteCatalog::ProductPtr product;  // after the change, for returnEntity
        std::size_t variant = 0;
    };

    static std::vector<Update> readUpdates(const Poco::JSON::Object::Ptr& body);
    static Update readUpdate(const Poco::JSON::Object::Ptr& entry, const std::string& field);
    static Outcome apply(SiteCatalog& catalog, const Update& update, const std::string& now);
    /// Why the update cannot apply to the item as it is; "" when it can.
    static std::string refusal(const CatalogVariant& variant, const Update& update, std::string& description);

    CatalogStore& _catalog;
};

}  // namespace wix_sandbox

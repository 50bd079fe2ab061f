#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "wix_sandbox/automations/automation.h"
#include "wix_sandbox/automations/automation_stats.h"
#include "wix_sandbox/catalog/catalog_options.h"
#include "wix_sandbox/catalog/catalog_product.h"
#include "wix_sandbox/catalog/stock_level.h"
#include "wix_sandbox/core/api_key_info.h"
#include "wix_sandbox/core/site_info.h"
#include "wix_sandbox/orders/order_change.h"
#include "wix_sandbox/server/fault.h"
#include "wix_sandbox/server/request_stats.h"
#include "wix_sandbox/server/sandbox_options.h"

namespace wix_sandbox {

class AutomationDispatcher;
class CatalogStore;
class ControlApi;
class FaultInjector;
class SiteCatalog;
class OrderStore;
struct OrderRecord;
class RateLimiter;
class RequestCounter;
class SandboxServer;
class SandboxState;
class ShopGenerator;
struct ShopConfig;
class WixApi;

/// The whole emulator: state, generator and HTTP server. Every method is thread-safe and may be called
/// while the server runs (tests change state between requests). The data exists from construction on;
/// start() only opens the socket.
class Sandbox {
public:
    /// Builds the seeded shop and reads options.configFile. Throws Poco::Exception on a bad config.
    explicit Sandbox(SandboxOptions options);
    ~Sandbox();
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    void start();
    void stop();
    bool running() const;
    unsigned short port() const;  ///< the bound port once started (also when options.port was 0)
    std::string baseUrl() const;  ///< "http://127.0.0.1:PORT" or "https://..."

    SiteInfo defaultSite() const;
    std::string defaultApiKey() const;
    std::vector<SiteInfo> sites() const;
    std::vector<ApiKeyInfo> keys() const;

    /// A freshly generated site of a new account, not registered (a template for addSite()).
    SiteInfo newSite();
    /// Creates or replaces a site (by siteId). No orders are added; see generateOrders().
    void addSite(const SiteInfo& site);
    /// Creates or replaces a key (by key value).
    void addKey(const ApiKeyInfo& key);
    /// A fresh Wix-looking key value for an account (not registered; pass it to addKey()).
    std::string newKeyValue(const std::string& accountId);
    /// Returns false when the key is unknown.
    bool revokeKey(const std::string& key);

    /// Generates `count` orders with the given status for a site; returns their ids. APPROVED orders come
    /// with every payment status; "MIXED" (ShopGenerator::kMixedStatus) also gives CANCELED and a few
    /// INITIALIZED ones. Generated orders are dated by their position, 5 minutes apart from 2025-03-03.
    std::vector<std::string> generateOrders(const std::string& siteId, int count,
                                            const std::string& status = "APPROVED");
    /// A new APPROVED order placed now (NOT_PAID for manual payments, else PAID); returns its id.
    std::string placeOrder(const std::string& siteId);
    /// Changes an order as Wix would and moves its updatedDate to now (strictly later than every stored
    /// updatedDate); returns the order's new JSON. `amount` ("12.5") is for a partial Refund, "" = all.
    /// Throws Poco::NotFoundException (unknown site or order), Poco::InvalidArgumentException (the change
    /// does not apply, or a bad amount).
    std::string changeOrder(const std::string& siteId, const std::string& orderId, OrderChange change,
                            const std::string& amount = "");
    /// The same with a refund as a merchant chooses it in Wix's dashboard: items and quantities, the
    /// shipping, an amount of their own (the refund's details list what was chosen).
    std::string changeOrder(const std::string& siteId, const std::string& orderId, OrderChange change,
                            const RefundRequest& refund);
    /// Sets a tip ("2.50") on an unpaid order as Wix Tips does: one additional fee whose code is the tip's
    /// id, answered by GET /tips/v1/tips/order/{id}. Returns the order's new JSON. Throws
    /// Poco::NotFoundException (unknown site or order), Poco::InvalidArgumentException (a paid, cancelled
    /// or tipped order, a bad amount).
    std::string tipOrder(const std::string& siteId, const std::string& orderId, const std::string& amount);
    /// The order's JSON as Get Order returns it under "order"; throws Poco::NotFoundException.
    std::string orderJson(const std::string& siteId, const std::string& orderId) const;
    /// The order's Order Transactions entry (§15); throws Poco::NotFoundException.
    std::string orderTransactionsJson(const std::string& siteId, const std::string& orderId) const;
    /// Stores an order given as eCom order JSON (replacing one with the same id); returns its id.
    std::string addOrder(const std::string& siteId, const std::string& orderJson);
    std::size_t orderCount(const std::string& siteId) const;

    void injectFault(const Fault& fault);
    void clearFaults();
    /// Wix requests since start or resetStats(): per route, status and site (perSite).
    RequestStats stats() const;
    /// stats().perSite of one site (any case; zeros when it sent nothing): its requests, the most in
    /// flight at once and how many began while another of the site was in flight.
    SiteRequestStats siteStats(const std::string& siteId) const;
    void resetStats();

    /// Stores catalog and stock (reference §5-§8). A site's catalog serves Catalog V1 or V3 routes
    /// according to the site's catalogVersion; ids below are as that catalog shows them. All throw
    /// Poco::NotFoundException for an unknown site.

    /// Replaces the site's catalog by `products`, completed (ids, numericIds, dates, default variants of
    /// simple products filled in); returns them as stored, in numericId order. Throws
    /// Poco::InvalidArgumentException for an inconsistent spec (see CatalogGenerator::complete()).
    std::vector<CatalogProduct> seedCatalog(const std::string& siteId, std::vector<CatalogProduct> products);
    /// Replaces the site's catalog by a generated one of `skuCount` variants (CatalogGenerator::generate()):
    /// the same seed, site and options give the same catalog.
    CatalogSummary generateCatalog(const std::string& siteId, int skuCount,
                                   const CatalogOptions& options = {});
    /// A site's "catalog" of the config file (POST /_sandbox/sites, POST /_sandbox/catalog): generated
    /// when seed.generateSkus >= 0, else seedCatalog(seed.products); seed.siteId "" = the default site.
    CatalogSummary applyCatalog(const CatalogSeed& seed);
    CatalogSummary catalogSummary(const std::string& siteId) const;
    /// The site's products as stored (ids to use in requests), in numericId order.
    std::vector<CatalogProduct> catalogProducts(const std::string& siteId) const;
    /// Every variant's stock, in catalog order.
    std::vector<StockLevel> stock(const std::string& siteId) const;
    /// The variants with this SKU (several when duplicated, none when unknown).
    std::vector<StockLevel> stockBySku(const std::string& siteId, const std::string& sku) const;
    /// By product and variant id (V1's 00000000-… works for a product without managed variants);
    /// throws Poco::NotFoundException.
    StockLevel stockOf(const std::string& siteId, const std::string& productId,
                       const std::string& variantId) const;
    /// By the variant's V3 inventory item id; throws Poco::NotFoundException.
    StockLevel stockOfItem(const std::string& siteId, const std::string& inventoryItemId) const;
    /// A change made in Wix (a sale, the merchant's edit): the variant found by inventory item id or by
    /// SKU gets this quantity and becomes tracked, its revision moves on. Throws Poco::NotFoundException,
    /// or Poco::InvalidArgumentException for a SKU several variants share (use the item id).
    StockLevel setQuantity(const std::string& siteId, const std::string& skuOrItemId, long quantity);
    /// Like setQuantity() for an untracked variant: it becomes untracked with this in-stock flag.
    StockLevel setInStock(const std::string& siteId, const std::string& skuOrItemId, bool inStock);
    /// A concurrent edit: only the item's revision moves on, so a client's next update with the revision
    /// it read fails with REVISION_MISMATCH.
    StockLevel bumpRevision(const std::string& siteId, const std::string& skuOrItemId);
    /// The next `count` V3 bulk updates of the item (-1 = all until cleared) fail with `code` in their
    /// per-item result (HTTP stays 200); queued after failures injected before.
    void failInventoryUpdates(const std::string& siteId, const std::string& inventoryItemId,
                              const std::string& code, int count = 1);
    void clearInventoryFailures();

    /// Registers an Automation "Send via webhook" (reference §11.1): placeOrder() and changeOrder(Pay)
    /// of its site then POST the order to its URL from the sandbox's own worker thread, while started.
    /// An empty siteId means the default site. Throws Poco::NotFoundException (unknown site) or
    /// Poco::InvalidArgumentException (a URL that is not http:// to a loopback address, a bad option).
    void addAutomation(const Automation& automation);
    /// Removes every automation, drops their pending deliveries and zeroes automationStats().
    void clearAutomations();
    AutomationStats automationStats() const;

private:
    void seed();
    void apply(const ShopConfig& config);
    void applyCatalogOptions();
    using StockChange = std::function<void(CatalogProduct& product, CatalogVariant& variant)>;
    StockLevel changeStock(const std::string& siteId, const std::string& skuOrItemId,
                           const StockChange& change);
    static std::size_t requireItem(const SiteCatalog& catalog, const std::string& skuOrItemId);
    SiteInfo requireSite(const std::string& siteId) const;
    void notifyAutomations(const std::string& siteId, const std::string& event, const std::string& orderId);
    std::shared_ptr<const OrderRecord> requireOrder(const std::string& siteId,
                                                    const std::string& orderId) const;

    SandboxOptions _options;
    std::unique_ptr<SandboxState> _state;
    std::unique_ptr<OrderStore> _orders;
    std::unique_ptr<CatalogStore> _catalog;
    std::unique_ptr<FaultInjector> _faults;
    std::unique_ptr<RateLimiter> _rateLimiter;
    std::unique_ptr<RequestCounter> _counter;
    std::unique_ptr<ShopGenerator> _generator;
    std::unique_ptr<WixApi> _wixApi;
    std::unique_ptr<ControlApi> _controlApi;
    std::unique_ptr<AutomationDispatcher> _automations;
    std::unique_ptr<SandboxServer> _server;
    mutable std::mutex _mutex;  // guards _generator, _server and the defaults
    std::string _defaultSiteId;
    std::string _defaultKey;
};

}  // namespace wix_sandbox

#include "wix_sandbox/server/sandbox.h"

#include <chrono>

#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>

#include "wix_sandbox/automations/automation_dispatcher.h"
#include "wix_sandbox/catalog/catalog_generator.h"
#include "wix_sandbox/catalog/catalog_store.h"
#include "wix_sandbox/catalog/site_catalog.h"
#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/money.h"
#include "wix_sandbox/orders/order_changer.h"
#include "wix_sandbox/orders/order_record.h"
#include "wix_sandbox/orders/order_store.h"
#include "wix_sandbox/orders/order_transactions.h"
#include "wix_sandbox/orders/shop_generator.h"
#include "wix_sandbox/server/config_loader.h"
#include "wix_sandbox/server/control_api.h"
#include "wix_sandbox/server/fault_injector.h"
#include "wix_sandbox/server/rate_limiter.h"
#include "wix_sandbox/server/request_counter.h"
#include "wix_sandbox/server/sandbox_handler_factory.h"
#include "wix_sandbox/server/sandbox_server.h"
#include "wix_sandbox/server/sandbox_state.h"
#include "wix_sandbox/server/wix_api.h"

namespace wix_sandbox {

namespace {

std::string nowIso() {
    return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ");
}

/// Fills what an order needs to be searchable; the rest of the JSON is kept as given.
void completeOrder(Poco::JSON::Object::Ptr order, const std::string& id, const std::string& number) {
    if (!order->has("id")) order->set("id", id);
    if (!order->has("number")) order->set("number", number);
    const std::string now = nowIso();
    if (!order->has("createdDate")) order->set("createdDate", now);
    if (!order->has("updatedDate")) order->set("updatedDate", order->get("createdDate"));
    if (!order->has("status")) order->set("status", "APPROVED");
}

}  // namespace

Sandbox::Sandbox(SandboxOptions options)
    : _options(std::move(options)),
      _state(std::make_unique<SandboxState>()),
      _orders(std::make_unique<OrderStore>()),
      _catalog(std::make_unique<CatalogStore>()),
      _faults(std::make_unique<FaultInjector>()),
      _rateLimiter(std::make_unique<RateLimiter>(_options.rateLimitPerMinute,
                                                 std::chrono::milliseconds(_options.rateLimitWindowMs))),
      _counter(std::make_unique<RequestCounter>()),
      _generator(std::make_unique<ShopGenerator>(_options.seed)),
      _wixApi(std::make_unique<WixApi>(*_state, *_orders, *_catalog, *_rateLimiter)),
      _controlApi(std::make_unique<ControlApi>(*this)),
      _automations(std::make_unique<AutomationDispatcher>(_options.seed)) {
    ShopConfig config = _options.configFile.empty() ? ShopConfig{} : ConfigLoader::load(_options.configFile);
    if (config.seedShop) seed();
    apply(config);
    applyCatalogOptions();
}

Sandbox::~Sandbox() {
    stop();
}

void Sandbox::start() {
    std::lock_guard lock(_mutex);
    if (_server) return;
    _faults->allowSleeps();
    Poco::Net::HTTPRequestHandlerFactory::Ptr factory =
        new SandboxHandlerFactory(*_wixApi, *_controlApi, *_faults, *_counter);
    _server = std::make_unique<SandboxServer>(factory, _options);
    _automations->start();
}

void Sandbox::stop() {
    std::unique_ptr<SandboxServer> server;
    {
        std::lock_guard lock(_mutex);
        server = std::move(_server);
    }
    // Outside the lock: in-flight handlers may still call back into the sandbox while the server drains.
    _faults->interruptSleeps();
    server.reset();
    _automations->stop();
}

bool Sandbox::running() const {
    std::lock_guard lock(_mutex);
    return _server != nullptr;
}

unsigned short Sandbox::port() const {
    std::lock_guard lock(_mutex);
    return _server ? _server->port() : 0;
}

std::string Sandbox::baseUrl() const {
    std::lock_guard lock(_mutex);
    if (!_server) return {};
    return std::string(_server->secure() ? "https://" : "http://") + _options.bindAddress + ":" +
           std::to_string(_server->port());
}

SiteInfo Sandbox::defaultSite() const {
    std::string siteId;
    {
        std::lock_guard lock(_mutex);
        siteId = _defaultSiteId;
    }
    return _state->findSite(siteId).value_or(SiteInfo{});
}

std::string Sandbox::defaultApiKey() const {
    std::lock_guard lock(_mutex);
    return _defaultKey;
}

std::vector<SiteInfo> Sandbox::sites() const {
    return _state->sites();
}

std::vector<ApiKeyInfo> Sandbox::keys() const {
    return _state->keys();
}

SiteInfo Sandbox::newSite() {
    std::lock_guard lock(_mutex);
    return _generator->makeSite();
}

void Sandbox::addSite(const SiteInfo& site) {
    _state->putSite(site);
}

void Sandbox::addKey(const ApiKeyInfo& key) {
    _state->putKey(key);
}

std::string Sandbox::newKeyValue(const std::string& accountId) {
    std::lock_guard lock(_mutex);
    return _generator->makeKeyValue(accountId);
}

bool Sandbox::revokeKey(const std::string& key) {
    return _state->revokeKey(key);
}

std::vector<std::string> Sandbox::generateOrders(const std::string& siteId, int count,
                                                 const std::string& status) {
    const auto site = std::make_shared<const SiteInfo>(requireSite(siteId));
    std::vector<std::string> ids;
    ids.reserve(static_cast<std::size_t>(std::max(count, 0)));
    std::lock_guard lock(_mutex);
    for (int i = 0; i < count; ++i) {
        const std::string number = _orders->nextNumber(site->siteId);
        OrderRecord record = _generator->makeRecord(site, number, _orders->count(site->siteId), status);
        ids.push_back(record.id);
        _orders->put(site->siteId, std::move(record));
    }
    return ids;
}

std::string Sandbox::placeOrder(const std::string& siteId) {
    const SiteInfo site = requireSite(siteId);
    std::string id;
    {
        std::lock_guard lock(_mutex);
        const std::string number = _orders->nextNumber(site.siteId);
        const std::size_t index = _orders->count(site.siteId);
        id = _orders
                 ->create(
                     site.siteId,
                     [&](std::int64_t nowMs) { return _generator->placeOrder(site, number, index, nowMs); })
                 ->id;
    }
    notifyAutomations(site.siteId, Automation::kPlaced, id);
    return id;
}

std::string Sandbox::changeOrder(const std::string& siteId, const std::string& orderId, OrderChange change,
                                 const std::string& amount) {
    RefundRequest refund;
    if (!amount.empty()) {
        refund.cents = Money::parseCents(amount);
        if (!refund.cents) throw Poco::InvalidArgumentException("not an amount", amount);
    }
    return changeOrder(siteId, orderId, change, refund);
}

std::string Sandbox::changeOrder(const std::string& siteId, const std::string& orderId, OrderChange change,
                                 const RefundRequest& refund) {
    const SiteInfo site = requireSite(siteId);
    const auto apply = [&](const OrderRecord& current, const std::string& now) {
        return OrderChanger::apply(current, change, now, refund);
    };
    std::string json = _orders->update(site.siteId, Poco::toLower(orderId), apply)->jsonText();
    if (change == OrderChange::Pay && _automations->wants(site.siteId, Automation::kPaid))
        _automations->trigger(site.siteId, Automation::kPaid, json);
    return json;
}

std::string Sandbox::tipOrder(const std::string& siteId, const std::string& orderId,
                              const std::string& amount) {
    const SiteInfo site = requireSite(siteId);
    const std::optional<long> cents = Money::parseCents(amount);
    if (!cents) throw Poco::InvalidArgumentException("not an amount", amount);
    const std::string id = Poco::toLower(orderId);
    // The tip's id follows from the sandbox's seed and the order, like every other generated id.
    const std::string tipId =
        DeterministicRandom(CatalogGenerator::seedFor(_options.seed, "tip:" + id)).guid();
    const auto apply = [&](const OrderRecord& current, const std::string& now) {
        return OrderChanger::setTip(current, *cents, tipId, now);
    };
    return _orders->update(site.siteId, id, apply)->jsonText();
}

std::string Sandbox::orderJson(const std::string& siteId, const std::string& orderId) const {
    return requireOrder(siteId, orderId)->jsonText();
}

std::string Sandbox::orderTransactionsJson(const std::string& siteId, const std::string& orderId) const {
    return OrderTransactions::of(*requireOrder(siteId, orderId));
}

std::string Sandbox::addOrder(const std::string& siteId, const std::string& orderJson) {
    const SiteInfo site = requireSite(siteId);
    Poco::JSON::Object::Ptr order = JsonBody::parseObjectStrict(orderJson);
    std::string id;
    {
        std::lock_guard lock(_mutex);
        id = _generator->makeId();
    }
    completeOrder(order, id, order->has("number") ? std::string() : _orders->nextNumber(site.siteId));
    OrderRecord record = OrderRecord::fromJson(order);
    id = record.id;
    _orders->put(site.siteId, std::move(record));
    return id;
}

std::size_t Sandbox::orderCount(const std::string& siteId) const {
    std::optional<SiteInfo> site = _state->findSite(siteId);
    return site ? _orders->count(site->siteId) : 0;
}

void Sandbox::injectFault(const Fault& fault) {
    _faults->add(fault);
}

void Sandbox::clearFaults() {
    _faults->clear();
}

RequestStats Sandbox::stats() const {
    return _counter->snapshot();
}

SiteRequestStats Sandbox::siteStats(const std::string& siteId) const {
    const RequestStats stats = _counter->snapshot();
    auto found = stats.perSite.find(Poco::toLower(Poco::trim(siteId)));
    return found == stats.perSite.end() ? SiteRequestStats{} : found->second;
}

void Sandbox::resetStats() {
    _counter->reset();
}

std::vector<CatalogProduct> Sandbox::seedCatalog(const std::string& siteId,
                                                 std::vector<CatalogProduct> products) {
    const SiteInfo site = requireSite(siteId);
    // Ids the spec leaves out depend on the sandbox seed and the site, so a test run repeats.
    DeterministicRandom random(CatalogGenerator::seedFor(_options.seed, site.siteId) + 1);
    CatalogGenerator::complete(products, random, CatalogStore::now());
    SiteCatalog catalog(std::move(products), CatalogGenerator::locationIdFor(site.siteId));
    std::vector<CatalogProduct> stored;
    for (std::size_t p = 0; p < catalog.productCount(); ++p) stored.push_back(*catalog.product(p));
    _catalog->replace(site.siteId, std::move(catalog));
    return stored;
}

CatalogSummary Sandbox::generateCatalog(const std::string& siteId, int skuCount,
                                        const CatalogOptions& options) {
    const SiteInfo site = requireSite(siteId);
    const std::uint64_t seed =
        options.seed ? options.seed : CatalogGenerator::seedFor(_options.seed, site.siteId);
    std::vector<CatalogProduct> products =
        CatalogGenerator::generate(skuCount, options, seed, site.catalogVersion);
    DeterministicRandom random(seed + 1);
    CatalogGenerator::complete(products, random, CatalogStore::now());
    SiteCatalog catalog(std::move(products), CatalogGenerator::locationIdFor(site.siteId));
    const CatalogSummary summary = catalog.summary();
    _catalog->replace(site.siteId, std::move(catalog));
    return summary;
}

CatalogSummary Sandbox::catalogSummary(const std::string& siteId) const {
    CatalogSummary summary;
    _catalog->read(requireSite(siteId).siteId,
                   [&](const SiteCatalog& catalog) { summary = catalog.summary(); });
    return summary;
}

std::vector<CatalogProduct> Sandbox::catalogProducts(const std::string& siteId) const {
    std::vector<CatalogProduct> products;
    _catalog->read(requireSite(siteId).siteId, [&](const SiteCatalog& catalog) {
        for (std::size_t p = 0; p < catalog.productCount(); ++p) products.push_back(*catalog.product(p));
    });
    return products;
}

std::vector<StockLevel> Sandbox::stock(const std::string& siteId) const {
    const SiteInfo site = requireSite(siteId);
    std::vector<StockLevel> levels;
    _catalog->read(site.siteId, [&](const SiteCatalog& catalog) {
        levels.reserve(catalog.itemCount());
        for (std::size_t item = 0; item < catalog.itemCount(); ++item)
            levels.push_back(catalog.stockLevel(item, site.catalogVersion == CatalogVersion::V1));
    });
    return levels;
}

std::vector<StockLevel> Sandbox::stockBySku(const std::string& siteId, const std::string& sku) const {
    const SiteInfo site = requireSite(siteId);
    std::vector<StockLevel> levels;
    _catalog->read(site.siteId, [&](const SiteCatalog& catalog) {
        for (std::size_t item : catalog.itemsWithSku(sku))
            levels.push_back(catalog.stockLevel(item, site.catalogVersion == CatalogVersion::V1));
    });
    return levels;
}

StockLevel Sandbox::stockOf(const std::string& siteId, const std::string& productId,
                            const std::string& variantId) const {
    const SiteInfo site = requireSite(siteId);
    std::optional<StockLevel> level;
    _catalog->read(site.siteId, [&](const SiteCatalog& catalog) {
        const std::optional<std::size_t> product = catalog.findProduct(Poco::toLower(productId));
        if (!product) return;
        if (std::optional<std::size_t> variant = catalog.variantIndex(*product, Poco::toLower(variantId)))
            level = catalog.stockLevel(catalog.firstItem(*product) + *variant,
                                       site.catalogVersion == CatalogVersion::V1);
    });
    if (!level) throw Poco::NotFoundException("unknown product variant", productId + "/" + variantId);
    return *level;
}

StockLevel Sandbox::stockOfItem(const std::string& siteId, const std::string& inventoryItemId) const {
    const SiteInfo site = requireSite(siteId);
    std::optional<StockLevel> level;
    _catalog->read(site.siteId, [&](const SiteCatalog& catalog) {
        if (std::optional<std::size_t> item = catalog.findItem(Poco::toLower(inventoryItemId)))
            level = catalog.stockLevel(*item, site.catalogVersion == CatalogVersion::V1);
    });
    if (!level) throw Poco::NotFoundException("unknown inventory item", inventoryItemId);
    return *level;
}

StockLevel Sandbox::setQuantity(const std::string& siteId, const std::string& skuOrItemId, long quantity) {
    return changeStock(siteId, skuOrItemId, [quantity](CatalogProduct&, CatalogVariant& variant) {
        variant.trackQuantity = true;
        variant.quantity = quantity;
    });
}

StockLevel Sandbox::setInStock(const std::string& siteId, const std::string& skuOrItemId, bool inStock) {
    return changeStock(siteId, skuOrItemId, [inStock](CatalogProduct&, CatalogVariant& variant) {
        variant.trackQuantity = false;
        variant.inStock = inStock;
    });
}

StockLevel Sandbox::bumpRevision(const std::string& siteId, const std::string& skuOrItemId) {
    return changeStock(siteId, skuOrItemId, [](CatalogProduct&, CatalogVariant&) {});
}

void Sandbox::failInventoryUpdates(const std::string& siteId, const std::string& inventoryItemId,
                                   const std::string& code, int count) {
    if (code.empty()) throw Poco::InvalidArgumentException("an injected failure needs a code");
    if (count < -1) throw Poco::InvalidArgumentException("count must be -1 or more");
    const std::string id = Poco::toLower(inventoryItemId);
    _catalog->write(requireSite(siteId).siteId, [&](SiteCatalog& catalog) {
        if (!catalog.findItem(id)) throw Poco::NotFoundException("unknown inventory item", inventoryItemId);
        catalog.failNext(id, code, count);
    });
}

void Sandbox::clearInventoryFailures() {
    _catalog->clearFailures();
}

StockLevel Sandbox::changeStock(const std::string& siteId, const std::string& skuOrItemId,
                                const StockChange& change) {
    const SiteInfo site = requireSite(siteId);
    const std::string now = CatalogStore::now();
    StockLevel level;
    _catalog->write(site.siteId, [&](SiteCatalog& catalog) {
        const std::size_t item = requireItem(catalog, skuOrItemId);
        const SiteCatalog::ItemRef ref = catalog.item(item);
        catalog.change(ref.product, [&](CatalogProduct& product) {
            change(product, product.variants[ref.variant]);
            SiteCatalog::touch(product, ref.variant, now);
        });
        level = catalog.stockLevel(item, site.catalogVersion == CatalogVersion::V1);
    });
    return level;
}

std::size_t Sandbox::requireItem(const SiteCatalog& catalog, const std::string& skuOrItemId) {
    if (std::optional<std::size_t> item = catalog.findItem(Poco::toLower(skuOrItemId))) return *item;
    const std::vector<std::size_t>& items = catalog.itemsWithSku(skuOrItemId);
    if (items.size() > 1)
        throw Poco::InvalidArgumentException("several variants have this SKU; use the inventory item id",
                                             skuOrItemId);
    if (items.empty()) throw Poco::NotFoundException("no inventory item or SKU", skuOrItemId);
    return items.front();
}

void Sandbox::addAutomation(const Automation& automation) {
    Automation canonical = automation;
    canonical.siteId =
        requireSite(automation.siteId.empty() ? defaultSite().siteId : automation.siteId).siteId;
    _automations->add(canonical);
}

void Sandbox::clearAutomations() {
    _automations->clear();
}

AutomationStats Sandbox::automationStats() const {
    return _automations->stats();
}

void Sandbox::notifyAutomations(const std::string& siteId, const std::string& event,
                                const std::string& orderId) {
    // Composing the order costs ~30 µs: only when an automation listens.
    if (_automations->wants(siteId, event)) _automations->trigger(siteId, event, orderJson(siteId, orderId));
}

void Sandbox::seed() {
    SiteInfo site;
    ApiKeyInfo key;
    {
        std::lock_guard lock(_mutex);
        site = _generator->makeSite();
        key = _generator->makeFullKey(site.accountId);
        _defaultSiteId = site.siteId;
        _defaultKey = key.key;
    }
    addSite(site);
    addKey(key);
    generateOrders(site.siteId, _options.ordersPerSite, "APPROVED");
    // An abandoned checkout: present in the data, never returned by Search Orders (§9.1).
    generateOrders(site.siteId, 1, "INITIALIZED");
}

void Sandbox::apply(const ShopConfig& config) {
    for (const SiteInfo& site : config.sites) addSite(site);
    for (ApiKeyInfo key : config.keys) {
        if (key.key.empty()) key.key = newKeyValue(key.accountId);
        addKey(key);
    }
    for (const auto& [siteId, count] : config.generatedOrders) generateOrders(siteId, count);
    for (const auto& [siteId, json] : config.orders) addOrder(siteId, json);
    for (const CatalogSeed& catalog : config.catalogs) applyCatalog(catalog);

    std::lock_guard lock(_mutex);
    if (_defaultSiteId.empty() && !config.sites.empty())
        _defaultSiteId = Poco::toLower(config.sites.front().siteId);
    if (_defaultKey.empty()) {
        for (const ApiKeyInfo& key : _state->keys())
            if (!key.revoked) {
                _defaultKey = key.key;
                break;
            }
    }
}

void Sandbox::applyCatalogOptions() {
    // Command-line choices for the default site (--catalog-version, --catalog-skus) come last, so they
    // win over the seeded shop and the config file.
    SiteInfo site = defaultSite();
    if (site.siteId.empty()) return;
    if (_options.catalogVersion && *_options.catalogVersion != site.catalogVersion) {
        site.catalogVersion = *_options.catalogVersion;
        addSite(site);
    }
    if (_options.catalogSkus > 0) generateCatalog(site.siteId, _options.catalogSkus);
}

CatalogSummary Sandbox::applyCatalog(const CatalogSeed& seed) {
    const std::string siteId = seed.siteId.empty() ? defaultSite().siteId : seed.siteId;
    if (seed.generateSkus >= 0) return generateCatalog(siteId, seed.generateSkus, seed.options);
    seedCatalog(siteId, seed.products);
    return catalogSummary(siteId);
}

std::shared_ptr<const OrderRecord> Sandbox::requireOrder(const std::string& siteId,
                                                         const std::string& orderId) const {
    std::shared_ptr<const OrderRecord> order =
        _orders->find(requireSite(siteId).siteId, Poco::toLower(orderId));
    if (!order) throw Poco::NotFoundException("unknown order", orderId);
    return order;
}

SiteInfo Sandbox::requireSite(const std::string& siteId) const {
    std::optional<SiteInfo> site = _state->findSite(siteId);
    if (!site) throw Poco::NotFoundException("unknown site", siteId);
    return *site;
}

}  // namespace wix_sandbox

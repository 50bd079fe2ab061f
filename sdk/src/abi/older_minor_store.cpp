#include "older_minor_store.h"

#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include "sales_order_layouts.h"

namespace estore::sdk::abi {

using host_api::ApiVersion;
using host_api::HostServices;

namespace {

/// The fields an older plugin filled, read in its layout; the ones appended later keep their defaults,
/// which tell the host "nothing to invoice by payment or status" (never a wrong invoice).
template <typename Old>
host_api::SalesOrder upgrade(const Old& old) {
    host_api::SalesOrder order;
    order.externalId = old.externalId;
    order.number = old.number;
    order.createdAt = old.createdAt;
    order.paidAt = old.paidAt;
    order.updatedAt = old.updatedAt;
    order.updatedAtMillis = old.updatedAtMillis;
    order.currency = old.currency;
    order.pricesIncludeVat = old.pricesIncludeVat;
    order.status = old.status;
    order.paymentStatus = old.paymentStatus;
    order.fulfillmentStatus = old.fulfillmentStatus;
    order.archived = old.archived;
    order.paymentMethod = old.paymentMethod;
    order.buyer = old.buyer;
    order.shipping = old.shipping;
    order.lines = old.lines;
    order.vatBreakdown = old.vatBreakdown;
    order.totalNet = old.totalNet;
    order.totalVat = old.totalVat;
    order.totalGross = old.totalGross;
    order.flags = old.flags;
    if constexpr (std::is_base_of_v<SalesOrder_1_2, Old>) {
        order.paidAmount = old.paidAmount;
        order.refundedAmount = old.refundedAmount;
        order.paymentMethodCode = old.paymentMethodCode;
        order.fiscalPayment = old.fiscalPayment;
        order.orderStatus = old.orderStatus;
        order.invoiceOnStatus = old.invoiceOnStatus;
    }
    if constexpr (std::is_base_of_v<SalesOrder_1_3, Old>) order.payments = old.payments;
    return order;
}

/// The SalesOrders service as an older plugin sees it: the order it hands over has the layout `Old`.
template <typename Old>
class SalesOrdersFrom final : public host_api::SalesOrders {
public:
    explicit SalesOrdersFrom(host_api::SalesOrders* host) : _host(host) {}

    host_api::Outcome upsert(const std::string& storeId, const host_api::SalesOrder& order,
                             host_api::UpsertResult& result) override {
        return withMemory([&] {
            // The object really is an `Old`: the plugin was compiled with that definition.
            const auto& old = reinterpret_cast<const Old&>(order);
            return _host->upsert(storeId, upgrade(old), result);
        });
    }

    /// A 1.4 plugin's page: the array is `Old`s, walked by their stride. (Plugins before 1.4 never call
    /// it: upsertPage came in 1.4.)
    host_api::Outcome upsertPage(const std::string& storeId, const host_api::SalesOrder* orders,
                                 std::size_t count, host_api::UpsertResult* results) override {
        return withMemory([&] {
            const auto* old = reinterpret_cast<const Old*>(orders);
            std::vector<host_api::SalesOrder> current;
            current.reserve(count);
            for (std::size_t i = 0; i < count; ++i) current.push_back(upgrade(old[i]));
            return _host->upsertPage(storeId, current.data(), count, results);
        });
    }

private:
    template <typename Store>
    static host_api::Outcome withMemory(Store&& store) {
        try {
            return store();
        } catch (const std::bad_alloc&) {
            return host_api::Outcome::failure(host_api::ErrorCategory::Transient, "host.out_of_memory",
                                              {"Zmanjkalo je pomnilnika.", "Out of memory."});
        }
    }

    host_api::SalesOrders* _host;
};

bool before(ApiVersion plugin, std::uint32_t minor) {
    return plugin.minor < minor;
}

}  // namespace

OlderMinorStore::OlderMinorStore(host_api::ElectronicStore* inner, ApiVersion pluginVersion,
                                 std::shared_ptr<void> release)
    : _inner(inner), _pluginVersion(pluginVersion), _release(std::move(release)) {}

bool OlderMinorStore::needed(ApiVersion pluginVersion) {
    // SalesOrder grew in 1.2 (payment and status), 1.3 (payment parts) and 1.5 (refunds); nothing else a
    // plugin builds has grown.
    return before(pluginVersion, 5);
}

template <typename Call>
auto OlderMinorStore::withPluginServices(HostServices& host, Call&& call) {
    HostServices services = host;
    SalesOrdersFrom<SalesOrder_1_1> salesOrders1_1(host.salesOrders);
    SalesOrdersFrom<SalesOrder_1_2> salesOrders1_2(host.salesOrders);
    SalesOrdersFrom<SalesOrder_1_3> salesOrders1_3(host.salesOrders);
    if (host.salesOrders && before(_pluginVersion, 2))
        services.salesOrders = &salesOrders1_1;
    else if (host.salesOrders && before(_pluginVersion, 3))
        services.salesOrders = &salesOrders1_2;
    else if (host.salesOrders && before(_pluginVersion, 5))
        services.salesOrders = &salesOrders1_3;
    return call(services);
}

host_api::StoreDescriptor OlderMinorStore::describe() const {
    return _inner->describe();
}

host_api::Validation OlderMinorStore::validate(const host_api::Settings& settings,
                                               const host_api::Settings& secrets, HostServices& host) {
    return withPluginServices(host, [&](HostServices& s) { return _inner->validate(settings, secrets, s); });
}

host_api::Outcome OlderMinorStore::activate(const host_api::StoreRef& store, HostServices& host) {
    return withPluginServices(host, [&](HostServices& s) { return _inner->activate(store, s); });
}

host_api::Outcome OlderMinorStore::deactivate(const host_api::StoreRef& store, HostServices& host) {
    return withPluginServices(host, [&](HostServices& s) { return _inner->deactivate(store, s); });
}

host_api::JobReport OlderMinorStore::runJob(const host_api::JobRequest& job, HostServices& host) {
    return withPluginServices(host, [&](HostServices& s) { return _inner->runJob(job, s); });
}

host_api::WebhookAck OlderMinorStore::onWebhook(const host_api::StoreRef& store,
                                                const host_api::WebhookRequest& request, HostServices& host) {
    return withPluginServices(host, [&](HostServices& s) { return _inner->onWebhook(store, request, s); });
}

}  // namespace estore::sdk::abi

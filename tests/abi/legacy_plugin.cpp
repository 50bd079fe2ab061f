// A plugin exactly as one built against an older minor version of the contract is: compiled with that
// version's frozen headers (host_api_1_1/, host_api_1_2/ or host_api_1_4/, LEGACY_MINOR says which) and
// nothing else of this tree (no SDK, no current header). Its "orders.import" hands the host one SalesOrder of
// that version's layout, so the test sees whether the host reads past its end.
#include <boost/dll/alias.hpp>

#include <cstddef>
#include <memory>
#include <new>

#include "estore/host_api/electronic_store.h"

namespace legacy {

using namespace estore::host_api;

#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer reports any read past the order's own allocation.
struct OrderBox {
    SalesOrder order;
};
#else
// Without AddressSanitizer, bytes that are neither zero nor all alike follow the order, so a host that
// reads a field a later minor appended reads nonsense (a huge amount, a string or vector that is none)
// instead of zeros or an empty range by luck.
struct OrderBox {
    SalesOrder order;
    unsigned char poison[512];
    OrderBox() {
        for (std::size_t i = 0; i < sizeof poison; ++i) poison[i] = static_cast<unsigned char>(0x5B + 37 * i);
    }
};
#endif

SalesOrder sampleOrder() {
    SalesOrder o;
    o.externalId = "legacy-order-1";
    o.number = "11001";
    o.createdAt = "2026-11-30T10:00:00Z";
    o.paidAt = "2026-11-30T10:05:00Z";
    o.updatedAt = "2026-11-30T10:05:00Z";
    o.updatedAtMillis = 1796032200000;
    o.currency = "EUR";
    o.pricesIncludeVat = true;
    o.status = "APPROVED";
    o.paymentStatus = "PAID";
    o.fulfillmentStatus = "NOT_FULFILLED";
    o.paymentMethod = "CreditCard";
    o.buyer.name = "Ana Novak";
    o.buyer.email = "ana@example.si";
    o.buyer.billing.street = "Slovenska cesta 1";
    o.buyer.billing.postalCode = "1000";
    o.buyer.billing.city = "Ljubljana";
    o.buyer.billing.country = "SI";
    SalesOrderLine line;
    line.sku = "MAJICA-M";
    line.name = "Majica M";
    line.quantity = {2, 0};
    line.unitPrice = {1220, 2};
    line.vatRate = {22, 0};
    line.net = {2000, 2};
    line.vat = {440, 2};
    line.gross = {2440, 2};
    o.lines.push_back(line);
    o.vatBreakdown.push_back({{22, 0}, {2000, 2}, {440, 2}, {2440, 2}});
    o.totalNet = {2000, 2};
    o.totalVat = {440, 2};
    o.totalGross = {2440, 2};
#if LEGACY_MINOR >= 2
    o.paidAmount = {2440, 2};
    o.paymentMethodCode = "kartica";
    o.orderStatus = "potrjeno";
    o.invoiceOnStatus = true;
#endif
#if LEGACY_MINOR >= 3
    o.payments.push_back({"CreditCard", "kartica", {2440, 2}, false, false});
#endif
    return o;
}

#if LEGACY_MINOR >= 4
/// A page of two orders in one array, as a 1.4 plugin hands it over: the host must walk it by the 1.4
/// stride, or the second order is read from the middle of the first.
struct PageBox {
    SalesOrder orders[2];
#if !defined(__SANITIZE_ADDRESS__)
    unsigned char poison[512];
    PageBox() {
        for (std::size_t i = 0; i < sizeof poison; ++i) poison[i] = static_cast<unsigned char>(0x5B + 37 * i);
    }
#endif
};
#endif

class LegacyStore final : public ElectronicStore {
public:
    StoreDescriptor describe() const override {
        StoreDescriptor d;
        d.platformId = LEGACY_PLATFORM;
        d.name = {"Starejša trgovina", "Older store"};
        d.version = "1.0.0";
        d.jobs.push_back({"orders.import", {"Uvoz naročil", "Import orders"}, 3600, ""});
        return d;
    }
    Validation validate(const Settings&, const Settings&, HostServices&) override { return {}; }
    Outcome activate(const StoreRef&, HostServices&) override { return {}; }
    Outcome deactivate(const StoreRef&, HostServices&) override { return {}; }

    JobReport runJob(const JobRequest& job, HostServices& host) override {
        JobReport report;
        try {
            if (!host.salesOrders) return report;
#if LEGACY_MINOR >= 4
            auto page = std::make_unique<PageBox>();
            page->orders[0] = sampleOrder();
            page->orders[1] = sampleOrder();
            page->orders[1].externalId = "legacy-order-2";
            page->orders[1].number = "11002";
            UpsertResult results[2] = {UpsertResult::Unchanged, UpsertResult::Unchanged};
            report.outcome = host.salesOrders->upsertPage(job.store.storeId, page->orders, 2, results);
            for (const auto result : results)
                if (result == UpsertResult::Created) ++report.counts["orders.created"];
#else
            auto box = std::make_unique<OrderBox>();
            box->order = sampleOrder();
            UpsertResult result = UpsertResult::Unchanged;
            report.outcome = host.salesOrders->upsert(job.store.storeId, box->order, result);
            if (result == UpsertResult::Created) report.counts["orders.created"] = 1;
#endif
        } catch (const std::bad_alloc&) {
            report.outcome = Outcome::failure(ErrorCategory::Transient, "legacy.out_of_memory", {"", ""});
        }
        return report;
    }
    WebhookAck onWebhook(const StoreRef&, const WebhookRequest&, HostServices&) override {
        return {};
    }
};

}  // namespace legacy

namespace legacy_exports {
std::uint32_t apiVersion() noexcept {
    return estore::host_api::kApiVersion.packed();  // from the frozen version.h
}
const char* platformId() noexcept {
    return LEGACY_PLATFORM;
}
estore::host_api::ElectronicStore* create() noexcept {
    return new (std::nothrow) legacy::LegacyStore();
}
void destroy(estore::host_api::ElectronicStore* store) noexcept {
    delete static_cast<legacy::LegacyStore*>(store);
}
/// Not part of the contract: lets the test compare the host's copy of the old layout with the real one.
std::size_t salesOrderSize() noexcept {
    return sizeof(estore::host_api::SalesOrder);
}
}  // namespace legacy_exports
BOOST_DLL_ALIAS(legacy_exports::apiVersion, estore_api_version)
BOOST_DLL_ALIAS(legacy_exports::platformId, estore_platform_id)
BOOST_DLL_ALIAS(legacy_exports::create, estore_create)
BOOST_DLL_ALIAS(legacy_exports::destroy, estore_destroy)
BOOST_DLL_ALIAS(legacy_exports::salesOrderSize, legacy_sales_order_size)

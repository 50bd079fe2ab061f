#include "test_orders.h"

namespace estore::test {

using namespace host_api;

host_api::SalesOrder twoRateOrder(const std::string& id, std::int64_t version,
                                  const std::string& paymentStatus, const std::string& method) {
    SalesOrder o;
    o.externalId = id;
    o.number = id;
    o.createdAt = "2025-03-03T08:00:00.000Z";
    o.updatedAt = o.createdAt;
    o.updatedAtMillis = version;
    o.currency = "EUR";
    o.pricesIncludeVat = true;
    o.status = "APPROVED";
    o.paymentStatus = paymentStatus;
    o.fulfillmentStatus = "NOT_FULFILLED";
    o.paymentMethod = method;
    o.paymentMethodCode = method == "CASH" ? "CashOnDelivery" : method == "PayPal" ? "PayPal" : "";
    o.fiscalPayment = method == "CASH";
    o.buyer.name = "Ana Novak";
    o.buyer.email = "ana.novak@example.si";
    o.buyer.billing = {"Ana Novak", "", "Prešernova 1", "", "1000", "Ljubljana", "", "SI"};
    auto line = [](const char* sku, const char* name, Amount rate, Amount net, Amount vat, Amount gross) {
        SalesOrderLine l;
        l.sku = sku;
        l.name = name;
        l.quantity = {1, 0};
        l.unitPrice = gross;
        l.vatRate = rate;
        l.net = net;
        l.vat = vat;
        l.gross = gross;
        return l;
    };
    o.lines = {line("CAJ-01", "Čaj", {22, 0}, {2000, 2}, {440, 2}, {2440, 2}),
               line("KNJ-01", "Kuharica", {95, 1}, {3000, 2}, {285, 2}, {3285, 2}),
               line("", "Dostava", {22, 0}, {357, 2}, {78, 2}, {435, 2})};
    o.lines.back().kind = LineKind::Shipping;
    o.vatBreakdown = {{{22, 0}, {2357, 2}, {518, 2}, {2875, 2}}, {{95, 1}, {3000, 2}, {285, 2}, {3285, 2}}};
    o.totalNet = {5357, 2};
    o.totalVat = {803, 2};
    o.totalGross = {6160, 2};
    o.paidAmount =
        paymentStatus == "PAID" || paymentStatus == "PARTIALLY_REFUNDED" ? Amount{6160, 2} : Amount{0, 2};
    return o;
}

}  // namespace estore::test

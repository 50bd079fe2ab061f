#pragma once
// SalesOrder exactly as each older minor version of the contract laid it out (frozen; see
// host_api/README.md, "Growing the contract"). A plugin built against 1.1 allocates a SalesOrder_1_1 and
// no more: the host must not read the fields a later minor appended from such an object. The nested types
// never change within major 1, so they are shared. tests/abi/ checks each size against a plugin compiled
// with that version's frozen headers.
#include <cstdint>
#include <string>
#include <vector>

#include "estore/host_api/sales_order.h"

namespace estore::sdk::abi {

struct SalesOrder_1_1 {
    std::string externalId;
    std::string number;
    std::string createdAt;
    std::string paidAt;
    std::string updatedAt;
    std::int64_t updatedAtMillis = 0;
    std::string currency;
    bool pricesIncludeVat = false;
    std::string status;
    std::string paymentStatus;
    std::string fulfillmentStatus;
    bool archived = false;
    std::string paymentMethod;
    host_api::Buyer buyer;
    host_api::Address shipping;
    std::vector<host_api::SalesOrderLine> lines;
    std::vector<host_api::VatRateTotal> vatBreakdown;
    host_api::Amount totalNet;
    host_api::Amount totalVat;
    host_api::Amount totalGross;
    std::vector<host_api::ReviewFlag> flags;
};

/// 1.2 appended the auto-invoicing fields. (SalesOrder_1_1 ends with a vector, so it has no tail padding
/// a derived member could move into: this is the flat 1.2 layout.)
struct SalesOrder_1_2 : SalesOrder_1_1 {
    host_api::Amount paidAmount;
    host_api::Amount refundedAmount;
    std::string paymentMethodCode;
    bool fiscalPayment = false;
    std::string orderStatus;
    bool invoiceOnStatus = false;
};

/// 1.3 appended the payment parts; 1.4 changed no struct, so a 1.4 plugin's order has this layout too.
/// (The vector is 8-aligned and SalesOrder_1_2's tail padding after its last bool is 7 bytes: the member
/// cannot move into it, so this is the flat 1.3 layout; tests/abi/ compares the size with a 1.4 plugin.)
struct SalesOrder_1_3 : SalesOrder_1_2 {
    std::vector<host_api::PaymentPart> payments;
};

}  // namespace estore::sdk::abi

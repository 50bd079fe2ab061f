#pragma once
// What each refund of an order gave back, from Wix's Order Transactions (reference §15): the money of its
// succeeded refund transactions and, where the merchant chose them in Wix, the lines, quantities, shipping
// and fees it gave back. The credit note credits the VAT of exactly those (issue 15).
#include <map>
#include <string>
#include <vector>

#include "estore/host_api/sales_order.h"
#include "estore/sdk/json_document.h"

namespace estore::wix {

namespace review {
/// A partial refund names no lines (a refund of an amount): its credit note spreads it over the invoice's
/// VAT rates in proportion, which is right only if the buyer returned a bit of everything.
inline constexpr const char* kRefundWithoutLines = "refund_without_lines";
}  // namespace review

/// The id a shipping line carries in the document: Wix gives shipping no id of its own, and a refund names
/// shipping by "shippingIncluded" or "shipping.amount".
inline constexpr const char* kShippingLineId = "shipping";

/// One order's refunds as Wix lists them (an element of `orderTransactions`): the refunds with at least
/// one SUCCEEDED transaction, oldest first; pending, failed or scheduled money is not refunded yet.
std::vector<host_api::Refund> refundsOf(simdjson::dom::element orderTransactions);

/// Puts the refunds on the mapped order and flags a partial refund that names no lines
/// (review::kRefundWithoutLines). A refund that gives everything back needs no lines: the credit note
/// mirrors the invoice.
void applyRefunds(host_api::SalesOrder& order, std::vector<host_api::Refund> refunds);

}  // namespace estore::wix

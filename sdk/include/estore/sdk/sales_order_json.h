#pragma once
// The stable JSON document of a SalesOrder: what the host stores and prints (`estore-host orders STORE
// --json`) and what golden tests compare. Keys keep one order; money is a decimal string with the
// Amount's own scale ("69.16", "35.00"); rates and quantities are the shortest exact text ("9.5", "22",
// "2"), never a JSON number, so no reader turns them into floats.
//
// {"externalId", "number", "dates": {"created", "paid", "updated", "updatedMillis"}, "currency",
//  "pricesIncludeVat", "statuses": {"order", "payment", "fulfillment"}, "archived", "paymentMethod",
//  "buyer": {"name", "company", "email", "phone", "vatId", "business", "address": ADDRESS},
//  "shipping": ADDRESS | null, "lines": [{"kind", "externalId", "sku", "name", "quantity", "unitPrice",
//  "discount", "vatRate", "net", "vat", "gross"}], "vatBreakdown": [{"rate", "net", "vat", "gross"}],
//  "totals": {"net", "vat", "gross"}, "flags": [{"code", "reason": {"sl", "en"}}],
//  "payment": {"paid", "refunded", "methodCode", "fiscal"}, "eracuniStatus": {"name", "invoice"}}
// ADDRESS = {"name", "company", "street", "street2", "postalCode", "city", "region", "country"}
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <string_view>

#include "estore/host_api/sales_order.h"

namespace estore::sdk {

Poco::JSON::Object::Ptr salesOrderToJson(const host_api::SalesOrder& order);

/// Reads a document written by salesOrderToJson. Keys that are absent take their defaults; a key of the
/// wrong type, or an amount that is not a decimal, is an error: nullopt, and *error (if given) names
/// the path, e.g. "lines[2].gross: not a decimal string".
std::optional<host_api::SalesOrder> salesOrderFromJson(const std::string& text, std::string* error);
std::optional<host_api::SalesOrder> salesOrderFromJson(const Poco::JSON::Object::Ptr& document,
                                                       std::string* error);

/// "product", "shipping", "fee", "discount".
const char* lineKindName(host_api::LineKind kind);
std::optional<host_api::LineKind> lineKindFromName(std::string_view name);

}  // namespace estore::sdk

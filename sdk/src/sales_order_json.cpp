#include "estore/sdk/sales_order_json.h"

#include <Poco/JSON/Array.h>

#include <stdexcept>

#include "estore/sdk/amount.h"
#include "estore/sdk/json_access.h"

namespace estore::sdk {

using host_api::Address;
using host_api::Amount;
using host_api::LineKind;
using host_api::SalesOrder;
using host_api::SalesOrderLine;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

// ---- writing ----

Object::Ptr newObject() {
    return new Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

/// Money keeps its own scale, so 35 written with scale 2 reads back as {3500, 2}.
std::string moneyText(const Amount& a) {
    return toDecimal(a).toString(a.scale);
}

/// Rates and quantities: shortest exact text.
std::string plainText(const Amount& a) {
    return toDecimal(a).toString(0);
}

Object::Ptr addressToJson(const Address& a) {
    Object::Ptr o = newObject();
    o->set("name", a.name);
    o->set("company", a.company);
    o->set("street", a.street);
    o->set("street2", a.street2);
    o->set("postalCode", a.postalCode);
    o->set("city", a.city);
    o->set("region", a.region);
    o->set("country", a.country);
    return o;
}

Object::Ptr buyerToJson(const host_api::Buyer& b) {
    Object::Ptr o = newObject();
    o->set("name", b.name);
    o->set("company", b.company);
    o->set("email", b.email);
    o->set("phone", b.phone);
    o->set("vatId", b.vatId);
    o->set("business", b.business);
    o->set("address", addressToJson(b.billing));
    return o;
}

Object::Ptr lineToJson(const SalesOrderLine& l) {
    Object::Ptr o = newObject();
    o->set("kind", std::string(lineKindName(l.kind)));
    o->set("externalId", l.externalId);
    o->set("sku", l.sku);
    o->set("name", l.name);
    o->set("quantity", plainText(l.quantity));
    o->set("unitPrice", moneyText(l.unitPrice));
    o->set("discount", moneyText(l.discount));
    o->set("vatRate", plainText(l.vatRate));
    o->set("net", moneyText(l.net));
    o->set("vat", moneyText(l.vat));
    o->set("gross", moneyText(l.gross));
    return o;
}

Object::Ptr rateTotalToJson(const host_api::VatRateTotal& t) {
    Object::Ptr o = newObject();
    o->set("rate", plainText(t.rate));
    o->set("net", moneyText(t.net));
    o->set("vat", moneyText(t.vat));
    o->set("gross", moneyText(t.gross));
    return o;
}

Object::Ptr flagToJson(const host_api::ReviewFlag& f) {
    Object::Ptr reason = newObject();
    reason->set("sl", f.reason.sl);
    reason->set("en", f.reason.en);
    Object::Ptr o = newObject();
    o->set("code", f.code);
    o->set("reason", reason);
    return o;
}

// ---- reading ----

struct DocumentError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw DocumentError(path + ": " + what);
}

std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}

/// Lookups below one object, each naming its full path in an error.
class Reader {
public:
    Reader(Object::Ptr object, std::string path) : _object(std::move(object)), _path(std::move(path)) {}

    std::string string(const std::string& key) const {
        const Poco::Dynamic::Var v = _object->get(key);
        if (v.isEmpty()) return {};
        if (!v.isString()) fail(join(_path, key), "not a string");
        return v.extract<std::string>();
    }

    bool boolean(const std::string& key) const {
        const Poco::Dynamic::Var v = _object->get(key);
        if (v.isEmpty()) return false;
        if (!v.isBoolean()) fail(join(_path, key), "not true or false");
        return v.extract<bool>();
    }

    std::int64_t integer(const std::string& key) const {
        const Poco::Dynamic::Var v = _object->get(key);
        if (v.isEmpty()) return 0;
        if (!v.isInteger()) fail(join(_path, key), "not an integer");
        return v.convert<std::int64_t>();
    }

    Amount amount(const std::string& key) const {
        const std::string text = string(key);
        if (text.empty()) return {0, 0};
        const auto d = Decimal::parse(text);
        if (!d) fail(join(_path, key), "not a decimal string");
        return {d->units(), d->scale()};
    }

    /// Absent or null: nullopt.
    std::optional<Reader> object(const std::string& key) const {
        const Poco::Dynamic::Var v = _object->get(key);
        if (v.isEmpty()) return std::nullopt;
        Object::Ptr child = _object->getObject(key);
        if (child.isNull()) fail(join(_path, key), "not an object");
        return Reader(child, join(_path, key));
    }

    /// Each element, which must be an object; absent is empty.
    template <typename F>
    void eachObject(const std::string& key, F&& f) const {
        const Poco::Dynamic::Var v = _object->get(key);
        if (v.isEmpty()) return;
        Array::Ptr array = _object->getArray(key);
        if (array.isNull()) fail(join(_path, key), "not an array");
        for (std::size_t i = 0; i < array->size(); ++i) {
            const std::string path = join(_path, key) + "[" + std::to_string(i) + "]";
            Object::Ptr element = array->getObject(static_cast<unsigned>(i));
            if (element.isNull()) fail(path, "not an object");
            f(Reader(element, path));
        }
    }

private:
    Object::Ptr _object;
    std::string _path;
};

Address addressFromJson(const Reader& r) {
    Address a;
    a.name = r.string("name");
    a.company = r.string("company");
    a.street = r.string("street");
    a.street2 = r.string("street2");
    a.postalCode = r.string("postalCode");
    a.city = r.string("city");
    a.region = r.string("region");
    a.country = r.string("country");
    return a;
}

host_api::Buyer buyerFromJson(const Reader& r) {
    host_api::Buyer b;
    b.name = r.string("name");
    b.company = r.string("company");
    b.email = r.string("email");
    b.phone = r.string("phone");
    b.vatId = r.string("vatId");
    b.business = r.boolean("business");
    if (auto address = r.object("address")) b.billing = addressFromJson(*address);
    return b;
}

SalesOrderLine lineFromJson(const Reader& r, const std::string& path) {
    SalesOrderLine l;
    const std::string kind = r.string("kind");
    const auto parsedKind = lineKindFromName(kind.empty() ? "product" : kind);
    if (!parsedKind) fail(path + ".kind", "not one of product, shipping, fee, discount");
    l.kind = *parsedKind;
    l.externalId = r.string("externalId");
    l.sku = r.string("sku");
    l.name = r.string("name");
    l.quantity = r.amount("quantity");
    l.unitPrice = r.amount("unitPrice");
    l.discount = r.amount("discount");
    l.vatRate = r.amount("vatRate");
    l.net = r.amount("net");
    l.vat = r.amount("vat");
    l.gross = r.amount("gross");
    return l;
}

host_api::VatRateTotal rateTotalFromJson(const Reader& r) {
    return {r.amount("rate"), r.amount("net"), r.amount("vat"), r.amount("gross")};
}

host_api::Refund refundFromJson(const Reader& r) {
    host_api::Refund refund{r.string("id"), r.string("created"), r.amount("amount"), {}};
    r.eachObject("lines", [&](const Reader& line) {
        refund.lines.push_back({line.string("line"), line.amount("quantity"), line.amount("amount")});
    });
    return refund;
}

SalesOrder orderFromJson(const Reader& r) {
    SalesOrder o;
    o.externalId = r.string("externalId");
    if (o.externalId.empty()) fail("externalId", "missing");
    o.number = r.string("number");
    if (auto dates = r.object("dates")) {
        o.createdAt = dates->string("created");
        o.paidAt = dates->string("paid");
        o.updatedAt = dates->string("updated");
        o.updatedAtMillis = dates->integer("updatedMillis");
    }
    o.currency = r.string("currency");
    o.pricesIncludeVat = r.boolean("pricesIncludeVat");
    if (auto statuses = r.object("statuses")) {
        o.status = statuses->string("order");
        o.paymentStatus = statuses->string("payment");
        o.fulfillmentStatus = statuses->string("fulfillment");
    }
    o.archived = r.boolean("archived");
    o.paymentMethod = r.string("paymentMethod");
    if (auto buyer = r.object("buyer")) o.buyer = buyerFromJson(*buyer);
    if (auto shipping = r.object("shipping")) o.shipping = addressFromJson(*shipping);
    std::size_t index = 0;
    r.eachObject("lines", [&](const Reader& line) {
        o.lines.push_back(lineFromJson(line, "lines[" + std::to_string(index++) + "]"));
    });
    r.eachObject("vatBreakdown", [&](const Reader& t) { o.vatBreakdown.push_back(rateTotalFromJson(t)); });
    if (auto totals = r.object("totals")) {
        o.totalNet = totals->amount("net");
        o.totalVat = totals->amount("vat");
        o.totalGross = totals->amount("gross");
    }
    r.eachObject("flags", [&](const Reader& f) {
        host_api::ReviewFlag flag{f.string("code"), {}};
        if (auto reason = f.object("reason")) flag.reason = {reason->string("sl"), reason->string("en")};
        o.flags.push_back(std::move(flag));
    });
    if (auto payment = r.object("payment")) {
        o.paidAmount = payment->amount("paid");
        o.refundedAmount = payment->amount("refunded");
        o.paymentMethodCode = payment->string("methodCode");
        o.fiscalPayment = payment->boolean("fiscal");
        payment->eachObject("parts", [&](const Reader& part) {
            o.payments.push_back({part.string("method"), part.string("methodCode"), part.amount("amount"),
                                  part.boolean("fiscal"), part.boolean("pending")});
        });
        payment->eachObject("refunds", [&](const Reader& one) { o.refunds.push_back(refundFromJson(one)); });
    }
    if (auto mapped = r.object("eracuniStatus")) {
        o.orderStatus = mapped->string("name");
        o.invoiceOnStatus = mapped->boolean("invoice");
    }
    return o;
}

}  // namespace

const char* lineKindName(LineKind kind) {
    switch (kind) {
        case LineKind::Product: return "product";
        case LineKind::Shipping: return "shipping";
        case LineKind::Fee: return "fee";
        case LineKind::Discount: return "discount";
    }
    return "product";
}

std::optional<LineKind> lineKindFromName(std::string_view name) {
    if (name == "product") return LineKind::Product;
    if (name == "shipping") return LineKind::Shipping;
    if (name == "fee") return LineKind::Fee;
    if (name == "discount") return LineKind::Discount;
    return std::nullopt;
}

namespace {

Object::Ptr paymentPartToJson(const host_api::PaymentPart& part) {
    Object::Ptr o = newObject();
    o->set("method", part.method);
    o->set("methodCode", part.methodCode);
    o->set("amount", moneyText(part.amount));
    o->set("fiscal", part.fiscal);
    o->set("pending", part.pending);
    return o;
}

Object::Ptr refundToJson(const host_api::Refund& refund) {
    Object::Ptr o = newObject();
    o->set("id", refund.externalId);
    o->set("created", refund.createdAt);
    o->set("amount", moneyText(refund.amount));
    Array::Ptr lines = new Array;
    for (const auto& line : refund.lines) {
        Object::Ptr l = newObject();
        l->set("line", line.lineExternalId);
        l->set("quantity", plainText(line.quantity));
        l->set("amount", moneyText(line.amount));
        lines->add(l);
    }
    o->set("lines", lines);
    return o;
}

}  // namespace

Object::Ptr salesOrderToJson(const SalesOrder& order) {
    Object::Ptr o = newObject();
    o->set("externalId", order.externalId);
    o->set("number", order.number);
    Object::Ptr dates = newObject();
    dates->set("created", order.createdAt);
    dates->set("paid", order.paidAt);
    dates->set("updated", order.updatedAt);
    dates->set("updatedMillis", static_cast<Poco::Int64>(order.updatedAtMillis));
    o->set("dates", dates);
    o->set("currency", order.currency);
    o->set("pricesIncludeVat", order.pricesIncludeVat);
    Object::Ptr statuses = newObject();
    statuses->set("order", order.status);
    statuses->set("payment", order.paymentStatus);
    statuses->set("fulfillment", order.fulfillmentStatus);
    o->set("statuses", statuses);
    o->set("archived", order.archived);
    o->set("paymentMethod", order.paymentMethod);
    o->set("buyer", buyerToJson(order.buyer));
    if (order.shipping.empty())
        o->set("shipping", Poco::Dynamic::Var());  // null: nothing shipped, or to the billing address
    else
        o->set("shipping", addressToJson(order.shipping));
    Array::Ptr lines = new Array;
    for (const auto& line : order.lines) lines->add(lineToJson(line));
    o->set("lines", lines);
    Array::Ptr breakdown = new Array;
    for (const auto& total : order.vatBreakdown) breakdown->add(rateTotalToJson(total));
    o->set("vatBreakdown", breakdown);
    Object::Ptr totals = newObject();
    totals->set("net", moneyText(order.totalNet));
    totals->set("vat", moneyText(order.totalVat));
    totals->set("gross", moneyText(order.totalGross));
    o->set("totals", totals);
    Array::Ptr flags = new Array;
    for (const auto& flag : order.flags) flags->add(flagToJson(flag));
    o->set("flags", flags);
    Object::Ptr payment = newObject();
    payment->set("paid", moneyText(order.paidAmount));
    payment->set("refunded", moneyText(order.refundedAmount));
    payment->set("methodCode", order.paymentMethodCode);
    payment->set("fiscal", order.fiscalPayment);
    Array::Ptr parts = new Array;
    for (const auto& part : order.payments) parts->add(paymentPartToJson(part));
    payment->set("parts", parts);
    Array::Ptr refunds = new Array;
    for (const auto& refund : order.refunds) refunds->add(refundToJson(refund));
    payment->set("refunds", refunds);
    o->set("payment", payment);
    Object::Ptr mapped = newObject();
    mapped->set("name", order.orderStatus);
    mapped->set("invoice", order.invoiceOnStatus);
    o->set("eracuniStatus", mapped);
    return o;
}

std::optional<SalesOrder> salesOrderFromJson(const Object::Ptr& document, std::string* error) {
    try {
        if (document.isNull()) fail("(document)", "not a JSON object");
        return orderFromJson(Reader(document, ""));
    } catch (const DocumentError& e) {
        if (error) *error = e.what();
    } catch (const Poco::Exception& e) {
        if (error) *error = e.displayText();
    } catch (const std::exception& e) {
        if (error) *error = e.what();
    }
    return std::nullopt;
}

std::optional<SalesOrder> salesOrderFromJson(const std::string& text, std::string* error) {
    JsonParse parsed = parseJsonObject(text);
    if (!parsed.ok()) {
        if (error) *error = parsed.error;
        return std::nullopt;
    }
    return salesOrderFromJson(parsed.object, error);
}

}  // namespace estore::sdk

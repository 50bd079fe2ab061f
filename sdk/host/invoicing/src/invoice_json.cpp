#include "estore/host/invoicing/invoice_json.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "estore/host/core/json_codec.h"
#include "estore/sdk/sales_order_json.h"

namespace estore::host {

namespace {

using Poco::JSON::Object;

// Buyer, lines, VAT breakdown and totals are written by the SDK's sales order code, so an invoice line
// and an order line can never drift apart in form.
host_api::SalesOrder carrierOf(const Invoice& invoice) {
    host_api::SalesOrder order;
    order.externalId = invoice.orderExternalId.empty() ? "-" : invoice.orderExternalId;
    order.buyer = invoice.buyer;
    order.lines = invoice.lines;
    order.vatBreakdown = invoice.vatBreakdown;
    order.totalNet = invoice.totalNet;
    order.totalVat = invoice.totalVat;
    order.totalGross = invoice.totalGross;
    order.payments = invoice.payments;
    return order;
}

Object::Ptr fiscalToJson(const FiscalData& fiscal) {
    Object::Ptr o = JsonCodec::newObject();
    o->set("fiscal", fiscal.fiscal);
    o->set("zoi", fiscal.zoi);
    o->set("qr", fiscal.qr);
    o->set("eor", fiscal.eor);
    o->set("state", fiscal.state);
    return o;
}

std::string text(const Object::Ptr& o, const std::string& key) {
    return o && o->has(key) && !o->isNull(key) ? o->getValue<std::string>(key) : std::string();
}

}  // namespace

const char* invoiceKindName(InvoiceKind kind) {
    return kind == InvoiceKind::CreditNote ? "credit_note" : "invoice";
}

Object::Ptr InvoiceJson::toJson(const Invoice& invoice) {
    const Object::Ptr carrier = sdk::salesOrderToJson(carrierOf(invoice));
    Object::Ptr o = JsonCodec::newObject();
    o->set("number", invoice.number);
    o->set("kind", invoiceKindName(invoice.kind));
    o->set("premise", invoice.premise);
    o->set("device", invoice.device);
    o->set("sequence", static_cast<Poco::Int64>(invoice.sequence));
    o->set("refersTo", invoice.refersTo);
    o->set("storeId", invoice.storeId);
    o->set("orderExternalId", invoice.orderExternalId);
    o->set("orderNumber", invoice.orderNumber);
    o->set("issuedAtMillis", static_cast<Poco::Int64>(invoice.issuedAtMillis));
    o->set("issued", invoice.issuedLocal);
    o->set("supplyDate", invoice.supplyDate);
    Poco::JSON::Array::Ptr notes = new Poco::JSON::Array;
    for (const auto& note : invoice.vatNotes) {
        Object::Ptr n = JsonCodec::newObject();
        n->set("sl", note.sl);
        n->set("en", note.en);
        notes->add(n);
    }
    o->set("vatNotes", notes);
    o->set("currency", invoice.currency);
    o->set("eurRate", invoice.eurRate);
    o->set("eurRateDay", invoice.eurRateDay);
    Object::Ptr seller = JsonCodec::newObject();
    seller->set("name", invoice.seller.name);
    seller->set("address", invoice.seller.address);
    seller->set("taxNumber", invoice.seller.taxNumber);
    o->set("seller", seller);
    o->set("buyer", carrier->get("buyer"));
    o->set("lines", carrier->get("lines"));
    o->set("vatBreakdown", carrier->get("vatBreakdown"));
    o->set("totals", carrier->get("totals"));
    o->set("paymentMethod", invoice.paymentMethodCode);
    o->set("payments", carrier->getObject("payment")->get("parts"));
    o->set("fiscal", fiscalToJson(invoice.fiscal));
    o->set("email", invoice.emailState);
    return o;
}

std::string InvoiceJson::toText(const Invoice& invoice) {
    std::ostringstream out;
    toJson(invoice)->stringify(out);
    return out.str();
}

std::optional<Invoice> InvoiceJson::fromText(const std::string& document, std::string* error) {
    try {
        Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
        const Object::Ptr o = parser.parse(document).extract<Object::Ptr>();
        Object::Ptr carrier = JsonCodec::newObject();
        carrier->set("externalId", text(o, "orderExternalId").empty() ? "-" : text(o, "orderExternalId"));
        for (const char* key : {"buyer", "lines", "vatBreakdown", "totals"}) carrier->set(key, o->get(key));
        if (o->has("payments")) {  // invoices stored before payment parts have none
            Object::Ptr payment = JsonCodec::newObject();
            payment->set("parts", o->get("payments"));
            carrier->set("payment", payment);
        }
        const auto order = sdk::salesOrderFromJson(carrier, error);
        if (!order) return std::nullopt;
        Invoice invoice;
        invoice.number = text(o, "number");
        invoice.kind = text(o, "kind") == "credit_note" ? InvoiceKind::CreditNote : InvoiceKind::Invoice;
        invoice.premise = text(o, "premise");
        invoice.device = text(o, "device");
        invoice.sequence = o->getValue<Poco::Int64>("sequence");
        invoice.refersTo = text(o, "refersTo");
        invoice.storeId = text(o, "storeId");
        invoice.orderExternalId = text(o, "orderExternalId");
        invoice.orderNumber = text(o, "orderNumber");
        invoice.issuedAtMillis = o->getValue<Poco::Int64>("issuedAtMillis");
        invoice.issuedLocal = text(o, "issued");
        invoice.supplyDate = text(o, "supplyDate");  // "" in invoices stored before it existed
        if (const Poco::JSON::Array::Ptr notes = o->getArray("vatNotes"))
            for (std::size_t i = 0; i < notes->size(); ++i)
                if (const Object::Ptr n = notes->getObject(static_cast<unsigned>(i)))
                    invoice.vatNotes.push_back({text(n, "sl"), text(n, "en")});
        invoice.currency = text(o, "currency");
        invoice.eurRate = text(o, "eurRate");  // "" in invoices stored before it existed, and for EUR
        invoice.eurRateDay = text(o, "eurRateDay");
        const Object::Ptr seller = o->getObject("seller");
        invoice.seller = {text(seller, "name"), text(seller, "address"), text(seller, "taxNumber")};
        invoice.buyer = order->buyer;
        invoice.lines = order->lines;
        invoice.vatBreakdown = order->vatBreakdown;
        invoice.totalNet = order->totalNet;
        invoice.totalVat = order->totalVat;
        invoice.totalGross = order->totalGross;
        invoice.paymentMethodCode = text(o, "paymentMethod");
        invoice.payments = order->payments;
        const Object::Ptr fiscal = o->getObject("fiscal");
        if (fiscal) {
            invoice.fiscal.fiscal = fiscal->getValue<bool>("fiscal");
            invoice.fiscal.zoi = text(fiscal, "zoi");
            invoice.fiscal.qr = text(fiscal, "qr");
            invoice.fiscal.eor = text(fiscal, "eor");
            invoice.fiscal.state = text(fiscal, "state");
        }
        invoice.emailState = text(o, "email");
        return invoice;
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return std::nullopt;
    }
}

}  // namespace estore::host

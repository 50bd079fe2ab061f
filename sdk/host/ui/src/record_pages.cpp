#include "estore/host/ui/record_pages.h"

#include <Poco/NumberParser.h>

#include <algorithm>

#include "estore/host/core/formats.h"
#include "estore/host/fiscal/qr_code.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/invoicing/invoice_text.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/ui/admin_request.h"
#include "estore/host/ui/store_pages.h"
#include "estore/sdk/amount.h"
#include "estore/sdk/currency.h"
#include "estore/sdk/sales_order_json.h"

namespace estore::host {

namespace {

std::string backToStore(AdminRequest& request, const std::string& storeId) {
    return "<p><a href=\"" + Html::escape(StorePages::path(storeId)) + "\">" +
           request.t({"Nazaj na trgovino", "Back to the store"}) + "</a></p>";
}

}  // namespace

std::int64_t RecordPages::pageNumber(AdminRequest& request) {
    int page = 1;
    if (!Poco::NumberParser::tryParse(request.field("page", "1"), page) || page < 1) page = 1;
    return page;
}

std::string RecordPages::pager(AdminRequest& request, const std::string& path, const std::string& queryTail,
                               std::int64_t page, std::int64_t total) {
    const std::int64_t pages = std::max<std::int64_t>(1, (total + kPageSize - 1) / kPageSize);
    const auto link = [&](std::int64_t to, const host_api::Text& label, const std::string& id) {
        return "<a id=\"" + id + "\" href=\"" +
               Html::escape(path + "?page=" + std::to_string(to) + queryTail) + "\">" + request.t(label) +
               "</a>";
    };
    std::string html = "<p class=\"pager\">";
    if (page > 1) html += link(page - 1, {"← Prejšnja", "← Previous"}, "page-previous") + " ";
    html += request.t({"Stran " + std::to_string(page) + " od " + std::to_string(pages),
                       "Page " + std::to_string(page) + " of " + std::to_string(pages)});
    if (page < pages) html += " " + link(page + 1, {"Naslednja →", "Next →"}, "page-next");
    return html + "</p>";
}

void RecordPages::orders(AdminRequest& request, const std::string& storeId) {
    if (!StorePages::exists(request, storeId)) return;
    DbSalesOrders& orders = request.host().salesOrders();
    const std::string query = request.field("q");
    const std::int64_t page = pageNumber(request);
    const std::int64_t total = orders.count(storeId, query);
    const std::string path = StorePages::path(storeId) + "/orders";
    std::string body =
        backToStore(request, storeId) + "<form method=\"get\" action=\"" + Html::escape(path) +
        "\" class=\"search\"><input type=\"search\" name=\"q\" id=\"q\" value=\"" + Html::escape(query) +
        "\" placeholder=\"" + request.t({"Številka naročila", "Order number"}) +
        "\"> <button type=\"submit\" id=\"search\">" + request.t({"Išči", "Search"}) +
        "</button></form><p class=\"muted\" id=\"orders-count\">" +
        request.t({"Naročil: " + std::to_string(total), "Orders: " + std::to_string(total)}) + "</p>";
    body += "<table id=\"orders\"><thead><tr><th>" + request.t({"Številka", "Number"}) + "</th><th>" +
            request.t({"Datum", "Date"}) + "</th><th>" + request.t({"Kupec", "Buyer"}) + "</th><th>" +
            request.t({"Stanje", "Status"}) + "</th><th>" + request.t({"Skupaj", "Total"}) + "</th><th>" +
            request.t({"Za pregled", "For review"}) + "</th></tr></thead><tbody>";
    for (const auto& record : orders.page(storeId, query, (page - 1) * kPageSize, kPageSize)) {
        std::string error;
        const auto order = sdk::salesOrderFromJson(record.document, &error);
        std::string flags;
        if (order)
            for (const auto& flag : order->flags) flags += "<div>" + request.t(flag.reason) + "</div>";
        body +=
            "<tr data-order=\"" + Html::escape(record.externalId) + "\"><td>" + Html::escape(record.number) +
            "</td><td>" + Html::escape(order ? order->createdAt.substr(0, 10) : "") +
            "</td><td class=\"buyer\">" + Html::escape(order ? Formats::buyerName(order->buyer) : "") +
            "</td><td>" + Html::escape(record.status + " / " + record.paymentStatus) + "</td><td>" +
            Html::escape(record.totalGross + " " + record.currency) + "</td><td class=\"flags\">" +
            (order ? flags
                   : request.t({"Dokument ni berljiv: " + error, "The document cannot be read: " + error})) +
            "</td></tr>";
    }
    body += "</tbody></table>" +
            pager(request, path, query.empty() ? "" : "&q=" + Html::urlEncode(query), page, total);
    request.sendPage(200, request.lang().pick({"Naročila", "Orders"}) + " · " + storeId, body);
}

void RecordPages::invoices(AdminRequest& request, const std::string& storeId) {
    if (!StorePages::exists(request, storeId)) return;
    InvoiceRepository invoices(request.host().database());
    const std::int64_t page = pageNumber(request);
    const std::int64_t total = invoices.count(storeId);
    std::string body = backToStore(request, storeId) + "<table id=\"invoices\"><thead><tr><th>" +
                       request.t({"Številka", "Number"}) + "</th><th>" + request.t({"Izdan", "Issued"}) +
                       "</th><th>" + request.t({"Naročilo", "Order"}) + "</th><th>" +
                       request.t({"Skupaj", "Total"}) + "</th><th>" +
                       request.t({"Davčno potrjevanje", "Fiscal verification"}) + "</th></tr></thead><tbody>";
    for (const auto& invoice : invoices.page(storeId, (page - 1) * kPageSize, kPageSize))
        body += "<tr><td><a href=\"/invoices/" + Html::escape(Html::urlEncode(invoice.number)) + "\">" +
                Html::escape(InvoiceText::title(invoice) + " " + invoice.number) + "</a></td><td>" +
                Html::escape(Formats::localTime(invoice.issuedAtMillis)) + "</td><td>" +
                Html::escape(invoice.orderNumber) + "</td><td>" +
                Html::escape(sdk::currencyAmountText(sdk::toDecimal(invoice.totalGross), invoice.currency) +
                             " " + invoice.currency) +
                "</td><td>" +
                Html::escape(invoice.fiscal.state +
                             (invoice.fiscal.eor.empty() ? "" : " · EOR " + invoice.fiscal.eor)) +
                "</td></tr>";
    body += "</tbody></table>" + pager(request, StorePages::path(storeId) + "/invoices", "", page, total);
    request.sendPage(200, request.lang().pick({"Računi", "Invoices"}) + " · " + storeId, body);
}

std::string RecordPages::activityTable(AdminRequest& request, const std::vector<ActivityEntry>& entries) {
    std::string html = "<table id=\"activity\"><tbody>";
    for (const auto& entry : entries)
        html += "<tr class=\"level-" + Html::escape(entry.level) + "\"><td>" +
                Html::escape(Formats::localTime(entry.at)) + "</td><td>" + Html::escape(entry.level) +
                "</td><td>" + request.t(entry.message) + "</td></tr>";
    return html + "</tbody></table>";
}

void RecordPages::activity(AdminRequest& request, const std::string& storeId) {
    if (!StorePages::exists(request, storeId)) return;
    std::string level = request.field("level");
    if (level != "info" && level != "warning" && level != "error") level.clear();
    DbActivity& activity = request.host().activity();
    const std::int64_t page = pageNumber(request);
    const std::int64_t total = activity.count(storeId, level);
    const std::string path = StorePages::path(storeId) + "/activity";
    std::string body = backToStore(request, storeId) + "<form method=\"get\" action=\"" + Html::escape(path) +
                       "\" class=\"search\"><select name=\"level\" id=\"level\">";
    const std::vector<std::pair<std::string, host_api::Text>> levels = {
        {"", {"Vse ravni", "Every level"}},
        {"error", {"Napake", "Errors"}},
        {"warning", {"Opozorila", "Warnings"}},
        {"info", {"Obvestila", "Information"}}};
    for (const auto& [value, label] : levels)
        body += "<option value=\"" + value + "\"" + (value == level ? " selected" : "") + ">" +
                request.t(label) + "</option>";
    body += "</select> <button type=\"submit\" id=\"filter\">" + request.t({"Prikaži", "Show"}) +
            "</button></form>" +
            activityTable(
                request,
                activity.page(storeId, level, static_cast<std::size_t>((page - 1) * kPageSize), kPageSize));
    body += pager(request, path, level.empty() ? "" : "&level=" + level, page, total);
    request.sendPage(200, request.lang().pick({"Dnevnik dejavnosti", "Activity log"}) + " · " + storeId,
                     body);
}

void RecordPages::invoice(AdminRequest& request, const std::string& number) {
    const auto invoice = InvoiceRepository(request.host().database()).find(number);
    if (!invoice) {
        request.refuse(404, {"Računa " + number + " ni.", "There is no invoice " + number + "."});
        return;
    }
    std::string body = backToStore(request, invoice->storeId) + "<div class=\"card invoice\">" +
                       InvoiceText::htmlBody(*invoice);
    if (!invoice->fiscal.qr.empty())
        body += "<p><img id=\"qr\" src=\"/invoices/" + Html::escape(Html::urlEncode(number)) +
                "/qr.svg\" width=\"132\" height=\"132\" alt=\"QR: " + Html::escape(invoice->fiscal.qr) +
                "\"></p>";
    body += "</div>";
    request.sendPage(200, InvoiceText::title(*invoice) + " " + invoice->number, body);
}

void RecordPages::invoiceQr(AdminRequest& request, const std::string& number) {
    const auto invoice = InvoiceRepository(request.host().database()).find(number);
    const auto qr = invoice ? QrCode::numeric(invoice->fiscal.qr) : std::nullopt;
    if (!qr) {
        request.sendText(404, "text/plain; charset=utf-8", "");
        return;
    }
    request.sendText(200, "image/svg+xml", qr->svg());
}

}  // namespace estore::host

#include "estore/host/ui/stock_page.h"

#include <Poco/NumberParser.h>

#include <algorithm>

#include "estore/host/core/formats.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/stock/db_warehouse_stock.h"
#include "estore/host/stock/stock_csv_reader.h"
#include "estore/host/stock/stock_repository.h"
#include "estore/host/ui/admin_request.h"
#include "estore/host/ui/page_layout.h"

namespace estore::host {

namespace {

const host_api::Text kTitle{"Zaloga", "Stock"};

}  // namespace

void StockPage::render(AdminRequest& request, int status, const std::string& warehouse,
                       const std::string& message) {
    HostServiceSet& host = request.host();
    std::string body = message +
                       "<form method=\"get\" action=\"/stock\" class=\"search\"><select name=\"warehouse\" "
                       "id=\"warehouse\">";
    for (const auto& entry : host.company().warehouses())
        body += "<option value=\"" + Html::escape(entry.code) + "\"" +
                (entry.code == warehouse ? " selected" : "") + ">" +
                Html::escape(entry.code + " · " + entry.name) + "</option>";
    body += "</select> <button type=\"submit\" id=\"show\">" + request.t({"Prikaži", "Show"}) +
            "</button></form>";
    if (warehouse.empty()) {
        request.sendPage(status, request.lang().pick(kTitle), body);
        return;
    }
    body +=
        "<form method=\"post\" action=\"/stock/import\" enctype=\"multipart/form-data\" class=\"card\" "
        "id=\"upload-form\">" +
        PageLayout::csrfField(request) + "<input type=\"hidden\" name=\"warehouse\" value=\"" +
        Html::escape(warehouse) + "\"><div class=\"field\"><label for=\"csv\">" +
        request.t({"Uvoz zaloge iz CSV", "Import stock from CSV"}) +
        "</label><input type=\"file\" id=\"csv\" name=\"csv\" accept=\".csv,text/csv\" required><p "
        "class=\"help\">" +
        request.t(
            {"Vrstice product_code;on_hand;reserved (glava v prvi vrstici). Uvozijo se vse vrstice ali "
             "nobena.",
             "Rows product_code;on_hand;reserved (a header on the first line). Every row is imported, or "
             "none."}) +
        "</p></div><button class=\"primary\" type=\"submit\" id=\"upload\">" +
        request.t({"Uvozi", "Import"}) + "</button></form>";

    const auto levels = StockRepository(host.database()).list(warehouse);
    int page = 1;
    if (!Poco::NumberParser::tryParse(request.field("page", "1"), page) || page < 1) page = 1;
    const std::size_t from = std::min(levels.size(), static_cast<std::size_t>(page - 1) * kPageSize);
    const std::size_t to = std::min(levels.size(), from + kPageSize);
    body += "<p class=\"muted\" id=\"stock-count\">" +
            request.t({"Izdelkov: " + std::to_string(levels.size()),
                       "Products: " + std::to_string(levels.size())}) +
            "</p><table id=\"stock\"><thead><tr><th>" + request.t({"Šifra", "Code"}) + "</th><th>" +
            request.t({"Zaloga", "On hand"}) + "</th><th>" + request.t({"Rezervirano", "Reserved"}) +
            "</th><th>" + request.t({"Spremenjeno", "Changed"}) + "</th></tr></thead><tbody>";
    for (std::size_t i = from; i < to; ++i)
        body += "<tr data-code=\"" + Html::escape(levels[i].productCode) + "\"><td>" +
                Html::escape(levels[i].productCode) + "</td><td>" +
                Html::escape(levels[i].onHand.toString()) + "</td><td>" +
                Html::escape(levels[i].reserved.toString()) + "</td><td>" +
                Html::escape(Formats::localTime(levels[i].updatedAt)) + "</td></tr>";
    body += "</tbody></table>";
    if (to < levels.size())
        body += "<p class=\"pager\"><a id=\"page-next\" href=\"/stock?warehouse=" +
                Html::escape(Html::urlEncode(warehouse)) + "&amp;page=" + std::to_string(page + 1) + "\">" +
                request.t({"Naslednja →", "Next →"}) + "</a></p>";
    request.sendPage(status, request.lang().pick(kTitle) + " · " + warehouse, body);
}

void StockPage::show(AdminRequest& request) {
    std::string warehouse = request.field("warehouse");
    const auto known = StockRepository(request.host().database()).warehouseCodes();
    if (!warehouse.empty() && std::find(known.begin(), known.end(), warehouse) == known.end()) {
        request.refuse(404, DbWarehouseStock::unknownWarehouse(warehouse, known));
        return;
    }
    render(request, 200, warehouse, "");
}

void StockPage::upload(AdminRequest& request) {
    const std::string warehouse = request.field("warehouse");
    const auto known = StockRepository(request.host().database()).warehouseCodes();
    if (std::find(known.begin(), known.end(), warehouse) == known.end()) {
        request.refuse(422, DbWarehouseStock::unknownWarehouse(warehouse, known));
        return;
    }
    const auto content = request.file("csv");
    if (!content || content->empty()) {
        render(request, 422, warehouse,
               "<div class=\"alert\" role=\"alert\" id=\"upload-error\">" +
                   request.t({"Izberite datoteko CSV.", "Choose a CSV file."}) + "</div>");
        return;
    }
    const StockCsv csv = StockCsvReader::parse(*content);
    if (!csv.ok()) {
        std::string alert = "<div class=\"alert\" role=\"alert\" id=\"upload-error\"><strong>" +
                            request.t({"Datoteke ni mogoče uvoziti; zaloga ni spremenjena.",
                                       "The file cannot be imported; no stock was changed."}) +
                            "</strong><ul id=\"problems\">";
        for (std::size_t i = 0; i < csv.problems.size() && i < kProblemsShown; ++i) {
            const auto& problem = csv.problems[i];
            const std::string line = std::to_string(problem.line);
            alert += "<li>" +
                     request.t({"Vrstica " + line + ": " + problem.reason.sl,
                                "Line " + line + ": " + problem.reason.en}) +
                     "</li>";
        }
        if (csv.problems.size() > kProblemsShown) {
            const std::string more = std::to_string(csv.problems.size() - kProblemsShown);
            alert += "<li>" + request.t({"… in še " + more, "… and " + more + " more"}) + "</li>";
        }
        render(request, 422, warehouse, alert + "</ul></div>");
        return;
    }
    const std::size_t applied = StockRepository(request.host().database()).apply(warehouse, csv.entries);
    render(request, 200, warehouse,
           "<div class=\"notice\" id=\"upload-done\">" +
               request.t({"Uvoženih vrstic: " + std::to_string(applied),
                          "Rows imported: " + std::to_string(applied)}) +
               "</div>");
}

}  // namespace estore::host

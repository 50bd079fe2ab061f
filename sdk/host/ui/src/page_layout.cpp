#include "estore/host/ui/page_layout.h"

#include "estore/host/ui/admin_request.h"

namespace estore::host {

std::string PageLayout::csrfField(const AdminRequest& request) {
    if (!request.session()) return "";
    return "<input type=\"hidden\" name=\"_csrf\" value=\"" + Html::escape(request.session()->csrf) + "\">";
}

std::string PageLayout::render(const AdminRequest& request, const std::string& title,
                               const std::string& body) {
    const Language& lang = request.lang();
    const Language other{!lang.english};
    std::string html = "<!doctype html>\n<html lang=\"" + std::string(lang.code()) +
                       "\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                       "<title>" +
                       Html::escape(title) +
                       " · e-računi</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head><body>"
                       "<header><nav><a class=\"brand\" href=\"/\">e-računi · " +
                       request.t({"Elektronske trgovine", "Electronic stores"}) + "</a>";
    if (const auto& session = request.session()) {
        html += "<a href=\"/stores/new\" id=\"nav-add\">" +
                request.t({"Dodaj elektronsko trgovino", "Add electronic store"}) + "</a>";
        html += "<a href=\"/stock\" id=\"nav-stock\">" + request.t({"Zaloga", "Stock"}) + "</a>";
        html += "<span class=\"user\">" + Html::escape(session->user) + "</span>";
        html += "<form method=\"post\" action=\"/signout\">" + csrfField(request) +
                "<button type=\"submit\">" + request.t({"Odjava", "Sign out"}) + "</button></form>";
    }
    html += "<a id=\"lang-switch\" href=\"/lang?to=" + std::string(other.code()) +
            "&amp;back=" + Html::escape(Html::urlEncode(request.target())) + "\">" +
            (lang.english ? "Slovensko" : "English") + "</a>";
    html += "</nav></header><main><h1>" + Html::escape(title) + "</h1>" + body +
            "</main><script src=\"/static/app.js\"></script></body></html>\n";
    return html;
}

}  // namespace estore::host

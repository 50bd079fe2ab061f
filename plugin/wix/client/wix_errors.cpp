#include "client/wix_errors.h"

#include "estore/sdk/json_access.h"

namespace estore::wix {

using host_api::ErrorCategory;
using host_api::Outcome;
using host_api::Text;

namespace {

constexpr int kRateLimitRetrySeconds = 60;  // Wix budgets 200 requests a minute and sends no Retry-After
constexpr int kOutageRetrySeconds = 30;

std::string describe(WixCall call, const sdk::HttpResult& r) {
    std::string d = std::string(callDescription(call));
    if (!r.delivered()) return d + ": " + sdk::transportFailureName(r.failure) + ": " + r.detail;
    d += " -> HTTP " + std::to_string(r.response.status);
    if (!r.response.contentType.empty()) d += " (" + r.response.contentType + ")";
    if (!r.response.body.empty()) d += ": " + sdk::excerpt(r.response.body);
    return d;
}

/// Wix's machine code in {"details":{"applicationError":{"code":…}}}, if the body has one.
std::string applicationErrorCode(const sdk::HttpResult& r) {
    sdk::JsonParse body = sdk::parseJsonObject(r.response.body);
    if (!body.ok()) return {};
    return sdk::stringAt(body.object, "details.applicationError.code").value_or("");
}

Outcome make(ErrorCategory category, const char* code, Text text, std::string detail, const char* field = "",
             int retryAfter = 0) {
    Outcome o = Outcome::failure(category, code, std::move(text), std::move(detail), field);
    o.retryAfterSeconds = retryAfter;
    return o;
}

Outcome forbidden(WixCall call, std::string detail) {
    switch (call) {
        case WixCall::SiteProperties:
            return make(
                ErrorCategory::Permission, "wix.permission.site",
                {"API ključ nima dostopa do te strani ali nima potrebnih dovoljenj (403). V Wixu (Nastavitve "
                 "računa → API keys) ključu dodelite to stran (ali vse strani) in dovoljenja za Wix Stores "
                 "ter "
                 "preverite, da je Site ID strani istega računa.",
                 "The API key has no access to this site or lacks permissions (403). In Wix (Account "
                 "settings → "
                 "API keys) give the key this site (or all sites) and the Wix Stores permissions, and check "
                 "that "
                 "the Site ID belongs to a site of the same account."},
                std::move(detail), "api_key");
        case WixCall::CatalogVersion:
            return make(ErrorCategory::Permission, "wix.permission.catalog",
                        {"API ključ nima dovoljenja za branje kataloga Wix Stores (403). V Wixu ključu "
                         "dodajte dovoljenja "
                         "Wix Stores (Read v3 catalog, Read Products).",
                         "The API key may not read the Wix Stores catalog (403). In Wix, add the Wix Stores "
                         "permissions "
                         "(Read v3 catalog, Read Products) to the key."},
                        std::move(detail), "api_key");
        case WixCall::OrdersSearch:
        case WixCall::OrderGet:
        case WixCall::Transactions:
            return make(ErrorCategory::Permission, "wix.permission.orders",
                        {"API ključ nima dovoljenja za branje naročil (403). V Wixu ključu dodajte "
                         "dovoljenje Read Orders "
                         "(Wix Stores).",
                         "The API key may not read orders (403). In Wix, add the Read Orders permission (Wix "
                         "Stores) to "
                         "the key."},
                        std::move(detail), "api_key");
        case WixCall::InventoryRead:
        case WixCall::ProductsRead:
        case WixCall::InventoryWrite:
            return make(
                ErrorCategory::Permission, "wix.permission.inventory",
                {"API ključ nima dovoljenja za zalogo (403), ki je potrebno za prenos zaloge. V Wixu ključu "
                 "dodajte "
                 "dovoljenji Read Products in Manage Products (pri katalogu V3: inventory read/write) ali "
                 "izklopite "
                 "prenos zaloge.",
                 "The API key may not read inventory (403), which stock sync needs. In Wix, add Read "
                 "Products and "
                 "Manage Products (Catalog V3: inventory read/write) to the key, or turn stock sync off."},
                std::move(detail), "api_key");
        case WixCall::Tips:
            return make(
                ErrorCategory::Permission, "wix.permission.tips",
                {"API ključ nima dovoljenja za Wix Tips (403), zato ni mogoče preveriti, ali je dodatni "
                 "strošek naročila napitnina. V Wixu ključu dodajte dovoljenje Manage Wix Tips.",
                 "The API key may not read Wix Tips (403), so whether an order's additional fee is a "
                 "tip cannot be checked. In Wix, add the Manage Wix Tips permission to the key."},
                std::move(detail), "api_key");
    }
    return make(ErrorCategory::Permission, "wix.permission",
                {"Dostop zavrnjen (403).", "Access denied (403)."}, std::move(detail), "api_key");
}

Outcome fromTransport(const sdk::HttpResult& r, std::string detail) {
    switch (r.failure) {
        case sdk::TransportFailure::Tls:
            return make(
                ErrorCategory::Transient, "wix.tls",
                {"Varne povezave (TLS) z Wixom ni bilo mogoče vzpostaviti: potrdila strežnika ni bilo mogoče "
                 "preveriti. Preverite omrežje (posredniški strežnik, požarni zid) ali obvestite skrbnika.",
                 "No secure (TLS) connection to Wix could be made: the server's certificate could not be "
                 "verified. Check the network (proxy, firewall) or tell the administrator."},
                std::move(detail));
        case sdk::TransportFailure::Timeout:
            return make(ErrorCategory::Transient, "wix.timeout",
                        {"Wix ni odgovoril pravočasno. Poskusite znova čez nekaj minut.",
                         "Wix did not answer in time. Try again in a few minutes."},
                        std::move(detail), "", kOutageRetrySeconds);
        case sdk::TransportFailure::Dropped:
            return make(ErrorCategory::Transient, "wix.dropped",
                        {"Povezava z Wixom se je prekinila brez odgovora. Poskusite znova čez nekaj minut.",
                         "The connection to Wix closed without an answer. Try again in a few minutes."},
                        std::move(detail), "", kOutageRetrySeconds);
        case sdk::TransportFailure::InvalidUrl:
            return make(
                ErrorCategory::Config, "host.wix_base_url",
                {"Naslov Wix API v nastavitvah gostitelja ni veljaven. Obvestite skrbnika.",
                 "The Wix API address in the host's configuration is not valid. Tell the administrator."},
                std::move(detail));
        case sdk::TransportFailure::TooLarge:
            return make(
                ErrorCategory::Transient, "wix.invalid_response",
                {"Wix je poslal odgovor, ki je prevelik, da bi bil pravi. Poskusite znova kasneje; če "
                 "se ponavlja, obvestite podporo.",
                 "Wix sent an answer too large to be a real one. Try again later; if it keeps "
                 "happening, contact support."},
                std::move(detail), "", kOutageRetrySeconds);
        case sdk::TransportFailure::Unreachable:
        case sdk::TransportFailure::Other:
        case sdk::TransportFailure::None: break;
    }
    return make(ErrorCategory::Transient, "wix.unreachable",
                {"Wix ni dosegljiv (ni povezave). Preverite internetno povezavo in poskusite znova kasneje.",
                 "Wix cannot be reached (no connection). Check the internet connection and try again later."},
                std::move(detail), "", kOutageRetrySeconds);
}

}  // namespace

const char* callDescription(WixCall call) {
    switch (call) {
        case WixCall::SiteProperties: return "GET /site-properties/v4/properties";
        case WixCall::CatalogVersion: return "GET /stores/v3/provision/version";
        case WixCall::OrdersSearch: return "POST /ecom/v1/orders/search";
        case WixCall::OrderGet: return "GET /ecom/v1/orders/{id}";
        case WixCall::Transactions: return "POST /ecom/v1/payments/list-by-ids";
        case WixCall::InventoryRead: return "inventory query";
        case WixCall::ProductsRead: return "POST /stores/v1/products/query";
        case WixCall::InventoryWrite: return "inventory update";
        case WixCall::Tips: return "GET /tips/v1/tips/order/{id}";
    }
    return "Wix call";
}

Outcome storesNotInstalled(const std::string& detail) {
    return make(
        ErrorCategory::Config, "wix.stores_not_installed",
        {"Na tej strani Wix ni nameščena aplikacija Wix Stores, zato ni naročil ne zaloge. Namestite Wix "
         "Stores ali vpišite Site ID strani s spletno trgovino.",
         "Wix Stores is not installed on this Wix site, so it has no orders or stock. Install Wix Stores, or "
         "enter the Site ID of the site that holds the online store."},
        detail, "site_id");
}

Outcome unexpectedBody(WixCall call, const sdk::HttpResult& result, const std::string& why) {
    return make(
        ErrorCategory::Transient, "wix.invalid_response",
        {"Wix je odgovoril nepričakovano (odgovor ni v obliki JSON, ki jo opisuje Wix). Poskusite znova "
         "kasneje; če se ponavlja, obvestite podporo.",
         "Wix gave an unexpected answer (not the JSON Wix documents). Try again later; if it keeps "
         "happening, contact support."},
        describe(call, result) + " (" + why + ")", "", kOutageRetrySeconds);
}

Outcome outcomeFromHttp(const sdk::HttpResult& r, WixCall call) {
    std::string detail = describe(call, r);
    if (!r.delivered()) return fromTransport(r, std::move(detail));
    const int status = r.response.status;
    if (status >= 200 && status < 300) return Outcome::success();
    // No tip (TIP_NOT_FOUND), or no Wix Tips on the site (REQUIRED_APP_NOT_INSTALLED): the order has none.
    if (call == WixCall::Tips && (status == 404 || status == 428))
        return make(ErrorCategory::NotFound, "wix.tip.not_found",
                    {"Naročilo nima napitnine.", "The order has no tip."}, std::move(detail));
    switch (status) {
        case 401:
            return make(ErrorCategory::Auth, "wix.auth.invalid_key",
                        {"Wix ni sprejel API ključa (401): ključ je napačen, preklican ali nepopoln. V Wixu "
                         "(Nastavitve "
                         "računa → API keys) ustvarite nov ključ in ga prilepite v polje API ključ.",
                         "Wix did not accept the API key (401): it is wrong, revoked or incomplete. Generate "
                         "a new key "
                         "in Wix (Account settings → API keys) and paste it into the API key field."},
                        std::move(detail), "api_key");
        case 403: return forbidden(call, std::move(detail));
        case 404:
            if (call == WixCall::OrderGet)
                return make(ErrorCategory::NotFound, "wix.order.not_found",
                            {"Naročila ni v Wixu (morda je bilo izbrisano).",
                             "The order does not exist in Wix (it may have been deleted)."},
                            std::move(detail));
            [[fallthrough]];
        case 400:
            // A write Wix refuses (an item gone meanwhile, a value it does not take) concerns that item,
            // not the site's settings.
            if (call == WixCall::InventoryWrite)
                return make(ErrorCategory::Permanent, "wix.stock.refused",
                            {"Wix je zavrnil spremembo zaloge (HTTP " + std::to_string(status) + ").",
                             "Wix refused the stock change (HTTP " + std::to_string(status) + ")."},
                            std::move(detail));
            return make(ErrorCategory::NotFound, "wix.site.not_found",
                        {"Wix ne pozna strani s tem Site ID. Odprite nadzorno ploščo trgovine v Wixu in "
                         "prilepite naslov "
                         "iz brskalnika (https://manage.wix.com/dashboard/<Site ID>/...).",
                         "Wix knows no site with this Site ID. Open the store's dashboard in Wix and paste "
                         "the address "
                         "from the browser (https://manage.wix.com/dashboard/<Site ID>/...)."},
                        std::move(detail), "site_id");
        case 428:
            if (applicationErrorCode(r) == "REQUIRED_APP_NOT_INSTALLED") return storesNotInstalled(detail);
            return make(
                ErrorCategory::Permanent, "wix.precondition",
                {"Wix je zavrnil zahtevo, ker stran ni v pričakovanem stanju (428), npr. druga različica "
                 "kataloga.",
                 "Wix refused the request because the site is not in the expected state (428), e.g. another "
                 "catalog version."},
                std::move(detail));
        case 429:
            return make(ErrorCategory::RateLimited, "wix.rate_limited",
                        {"Wix je trenutno zaseden ali je bila presežena omejitev zahtev (429). Poskusite "
                         "znova čez minuto.",
                         "Wix is busy or the request limit was reached (429). Try again in a minute."},
                        std::move(detail), "", kRateLimitRetrySeconds);
        default: break;
    }
    if (status >= 500)
        return make(ErrorCategory::Transient, "wix.unavailable",
                    {"Wix trenutno ne deluje (HTTP " + std::to_string(status) +
                         "). Poskusite znova kasneje; vaše nastavitve so morda pravilne.",
                     "Wix is not working right now (HTTP " + std::to_string(status) +
                         "). Try again later; your settings may well be right."},
                    std::move(detail), "", kOutageRetrySeconds);
    return make(ErrorCategory::Permanent, "wix.unexpected_status",
                {"Wix je zavrnil zahtevo (HTTP " + std::to_string(status) + ").",
                 "Wix refused the request (HTTP " + std::to_string(status) + ")."},
                std::move(detail));
}

}  // namespace estore::wix

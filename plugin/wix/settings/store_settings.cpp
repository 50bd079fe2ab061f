#include "settings/store_settings.h"

#include <cctype>

#include "estore/sdk/eracuni_payment_methods.h"
#include "estore/sdk/setting_map.h"
#include "estore/sdk/settings_check.h"
#include "settings/site_id.h"

namespace estore::wix {

using host_api::FieldError;

namespace {

constexpr std::size_t kMinKeyLength =
    20;  // Wix keys are hundreds of characters; 20 catches a paste of a label
constexpr std::size_t kMaxKeyLength = 8192;  // longer is not a key but a pasted page

const char* const kWhereSiteId =
    " Site ID najdete v naslovu nadzorne plošče trgovine: https://manage.wix.com/dashboard/<Site ID>/...";
const char* const kWhereSiteIdEn =
    " The Site ID is in the address of the store's dashboard: https://manage.wix.com/dashboard/<Site ID>/...";

FieldError siteError(const char* code, const std::string& sl, const std::string& en) {
    return {"site_id", code, {"Site ID: " + sl + kWhereSiteId, "Site ID: " + en + kWhereSiteIdEn}};
}

FieldError keyError(const char* code, const std::string& sl, const std::string& en) {
    return {"api_key", code, {"API ključ: " + sl, "API key: " + en}};
}

/// The statuses the order status map is keyed by (see shopStatusOf in payment_methods.h).
const char* const kShopStatuses[] = {"APPROVED", "PARTIALLY_FULFILLED", "FULFILLED", "CANCELED"};

std::string settingOf(const host_api::Settings& settings, const std::string& key) {
    auto it = settings.find(key);
    return it == settings.end() ? std::string() : it->second;
}

/// The message names the field by its label and its id, so `--set` users find it too.
FieldError mapError(const std::string& field, const char* code, const host_api::Text& problem) {
    const bool payments = field == "payment_methods";
    const std::string sl = payments ? "Preslikava načinov plačila" : "Preslikava statusov naročil";
    const std::string en = payments ? "Payment method map" : "Order status map";
    return {field, code, {sl + " (" + field + "): " + problem.sl, en + " (" + field + "): " + problem.en}};
}

std::optional<FieldError> paymentMapError(const std::string& text) {
    const auto parsed = sdk::parseSettingMap(text);
    if (!parsed.ok()) return mapError("payment_methods", "payment_methods.malformed", *parsed.problem);
    for (const auto& entry : parsed.map.entries) {
        if (!sdk::findEracuniPaymentMethod(entry.value))
            return mapError(
                "payment_methods", "payment_methods.unknown_method",
                {"način plačila '" + entry.value + "' (pri '" + entry.key +
                     "') v e-računih ne obstaja; na voljo: " + sdk::eracuniPaymentMethodCodes() + ".",
                 "payment method '" + entry.value + "' (for '" + entry.key +
                     "') does not exist in e-računi; available: " + sdk::eracuniPaymentMethodCodes() + "."});
        for (const auto& flag : entry.flags)
            if (flag != "fiscal")
                return mapError(
                    "payment_methods", "payment_methods.unknown_flag",
                    {"oznaka ':" + flag + "' pri '" + entry.key + "' ni znana; edina je ':fiscal'.",
                     "flag ':" + flag + "' for '" + entry.key + "' is unknown; the only one is ':fiscal'."});
    }
    return std::nullopt;
}

bool knownShopStatus(const std::string& key) {
    for (const char* status : kShopStatuses)
        if (sdk::equalsIgnoringCase(status, key)) return true;
    return false;
}

std::optional<FieldError> statusMapError(const std::string& text, bool statusMode) {
    const auto parsed = sdk::parseSettingMap(text);
    if (!parsed.ok()) return mapError("order_statuses", "order_statuses.malformed", *parsed.problem);
    bool anyInvoice = false;
    for (const auto& entry : parsed.map.entries) {
        if (!knownShopStatus(entry.key))
            return mapError(
                "order_statuses", "order_statuses.unknown_status",
                {"status '" + entry.key +
                     "' ni status Wix; možni so APPROVED, PARTIALLY_FULFILLED, FULFILLED, CANCELED.",
                 "'" + entry.key +
                     "' is not a Wix status; the choices are APPROVED, PARTIALLY_FULFILLED, FULFILLED, "
                     "CANCELED."});
        for (const auto& flag : entry.flags)
            if (flag != "invoice")
                return mapError(
                    "order_statuses", "order_statuses.unknown_flag",
                    {"oznaka ':" + flag + "' pri '" + entry.key + "' ni znana; edina je ':invoice'.",
                     "flag ':" + flag + "' for '" + entry.key + "' is unknown; the only one is ':invoice'."});
        anyInvoice = anyInvoice || entry.hasFlag("invoice");
    }
    if (statusMode && !anyInvoice)
        return mapError("order_statuses", "order_statuses.none_invoices",
                        {"fakturiranje glede na status potrebuje vsaj en status z oznako ':invoice' (npr. "
                         "FULFILLED=Odpremljeno:invoice).",
                         "invoicing by status needs at least one status marked ':invoice' (e.g. "
                         "FULFILLED=Odpremljeno:invoice)."});
    return std::nullopt;
}

/// FURS premise and device identifiers: letters and digits, 1 to 20 of them.
std::optional<FieldError> fiscalIdError(const std::string& field, const std::string& value,
                                        const host_api::Text& label) {
    if (value.empty())
        return FieldError{
            field,
            field + ".required",
            {label.sl + " (" + field +
                 "): polje je obvezno, ko je samodejno fakturiranje vklopljeno (številka računa je "
                 "prostor-naprava-zaporedna številka).",
             label.en + " (" + field +
                 "): required when auto-invoicing is on (an invoice number is premise-device-sequence)."}};
    bool ok = value.size() <= 20;
    for (char c : value) ok = ok && std::isalnum(static_cast<unsigned char>(c));
    if (!ok)
        return FieldError{
            field,
            field + ".invalid",
            {label.sl + " (" + field + "): največ 20 črk in številk brez presledkov, ne '" + value + "'.",
             label.en + " (" + field + "): at most 20 letters and digits, no spaces; not '" + value + "'."}};
    return std::nullopt;
}

}  // namespace

std::vector<FieldError> invoiceOptionErrors(const host_api::Settings& settings) {
    std::vector<FieldError> errors;
    const std::string mode = settingOf(settings, "auto_invoice");
    const bool invoicing = !mode.empty() && mode != "off";
    if (auto e = paymentMapError(settingOf(settings, "payment_methods"))) errors.push_back(*e);
    if (auto e = statusMapError(settingOf(settings, "order_statuses"),
                                mode == "status" || mode == "status_or_paid"))
        errors.push_back(*e);
    if (!invoicing) return errors;
    if (auto e = fiscalIdError("business_premise", settingOf(settings, "business_premise"),
                               {"Poslovni prostor", "Business premise"}))
        errors.push_back(*e);
    if (auto e = fiscalIdError("electronic_device", settingOf(settings, "electronic_device"),
                               {"Elektronska naprava", "Electronic device"}))
        errors.push_back(*e);
    const std::string nonfiscal = settingOf(settings, "nonfiscal_device");
    if (nonfiscal.empty()) return errors;
    if (auto e = fiscalIdError("nonfiscal_device", nonfiscal,
                               {"Naprava za negotovinske račune", "Non-cash invoice device"}))
        errors.push_back(*e);
    else if (nonfiscal == settingOf(settings, "electronic_device"))
        // One sequence for cash and non-cash invoices is allowed only when all are verified (FURS, 2019).
        errors.push_back(
            {"nonfiscal_device",
             "nonfiscal_device.same_as_device",
             {"Naprava za negotovinske račune (nonfiscal_device) mora biti druga kot elektronska "
              "naprava; za eno zaporedje izberite številčenje 'vsi računi davčno potrjeni'.",
              "Non-cash invoice device (nonfiscal_device) must differ from the electronic device; "
              "for one sequence choose the numbering 'every invoice verified'."}});
    return errors;
}

std::optional<FieldError> siteIdError(const std::string& input, std::string& siteId) {
    const SiteIdParse parsed = parseSiteId(input);
    switch (parsed.problem) {
        case SiteIdProblem::None: siteId = parsed.siteId; return std::nullopt;
        case SiteIdProblem::Empty:
            return siteError("site_id.required", "polje je obvezno.", "this field is required.");
        case SiteIdProblem::TooLong:
            return siteError("site_id.too_long", "vnos je predolg za Site ID ali naslov.",
                             "the input is too long for a Site ID or an address.");
        case SiteIdProblem::NotText:
            return siteError(
                "site_id.not_text", "vnos vsebuje znake, ki jih Site ID nima (presledki, šumniki ...).",
                "the input holds characters a Site ID never has (spaces, accented letters ...).");
        case SiteIdProblem::NotWixUrl:
            return siteError("site_id.not_wix_url", "to ni naslov Wixa.", "this is not a Wix address.");
        case SiteIdProblem::AccountPage:
            return siteError("site_id.account_page", "to je stran vašega računa Wix, ne trgovine.",
                             "this is your Wix account page, not the store's.");
        case SiteIdProblem::NoSiteInUrl:
            return siteError("site_id.no_site_in_url", "v naslovu ni Site ID.",
                             "the address holds no Site ID.");
        case SiteIdProblem::NotGuid:
            return siteError(
                "site_id.not_guid",
                "Site ID ima obliko xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (32 šestnajstiških znakov).",
                "a Site ID looks like xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (32 hex digits).");
    }
    return std::nullopt;
}

std::optional<FieldError> apiKeyError(const std::string& key) {
    if (key.empty()) return keyError("api_key.required", "polje je obvezno.", "this field is required.");
    if (key.rfind("Bearer ", 0) == 0 || key.rfind("bearer ", 0) == 0)
        return keyError("api_key.bearer", "prilepite samo ključ, brez besede »Bearer«.",
                        "paste the key alone, without the word 'Bearer'.");
    for (char c : key) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return keyError(
                "api_key.not_a_key",
                "ključ vsebuje presledke ali druge znake, ki jih ključ Wix nima; prilepite ga znova.",
                "the key holds spaces or other characters a Wix key never has; paste it again.");
    }
    if (key.size() < kMinKeyLength)
        return keyError("api_key.too_short",
                        "ključ je prekratek; ključ Wix ima več sto znakov. Kopirajte ga v celoti.",
                        "the key is too short; a Wix key has hundreds of characters. Copy all of it.");
    if (key.size() > kMaxKeyLength)
        return keyError("api_key.too_long", "vnos je predolg za ključ Wix.",
                        "the input is too long for a Wix key.");
    return std::nullopt;
}

LocalCheck checkLocally(const std::vector<host_api::FieldSpec>& fields, const host_api::Settings& settings,
                        const host_api::Settings& secrets, host_api::Company* company) {
    LocalCheck check;
    check.normalized = settings;
    auto key = secrets.find("api_key");
    check.apiKey = key == secrets.end() ? std::string() : key->second;
    if (auto e = apiKeyError(check.apiKey)) check.errors.push_back(*e);

    auto site = settings.find("site_id");
    if (auto e = siteIdError(site == settings.end() ? std::string() : site->second, check.siteId))
        check.errors.push_back(*e);
    else
        check.normalized["site_id"] = check.siteId;

    // The generic checks skip site_id's requiredness (reported above with its own wording).
    for (auto& e : sdk::checkFields(fields, check.normalized, company))
        if (e.field != "site_id") check.errors.push_back(e);
    for (auto& e : invoiceOptionErrors(check.normalized)) check.errors.push_back(e);
    return check;
}

}  // namespace estore::wix

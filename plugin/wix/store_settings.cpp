#include "store_settings.h"

#include "estore/sdk/settings_check.h"
#include "site_id.h"

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

}  // namespace

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
    return check;
}

}  // namespace estore::wix

#include "orders/order_mapper.h"

#include "orders/order_refunds.h"

#include <Poco/String.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <stdexcept>

#include "estore/sdk/amount.h"
#include "estore/sdk/currency.h"
#include "estore/sdk/decimal.h"
#include "estore/sdk/eu_vat_area.h"
#include "estore/sdk/iso_time.h"
#include "estore/sdk/json_access.h"
#include "estore/sdk/tax_number.h"
#include "orders/vat_rates.h"

namespace estore::wix {

using host_api::ErrorCategory;
using host_api::LineKind;
using host_api::Outcome;
using host_api::SalesOrder;
using host_api::SalesOrderLine;
using host_api::Text;
using sdk::Decimal;

namespace {

constexpr int kMoneyScale = 2;  // decimals shown at least in messages; Wix writes "35.0" and "69.16" alike

// ---- why an order cannot be represented ----

enum class Problem { Missing, NotDecimal, NotText, NotObject, NotList, NotWholeNumber, NotBoolean, NotDate };

/// Thrown while reading, caught by OrderMapper::map and turned into the Outcome.
struct Malformed {
    std::string path;
    Problem problem;
    std::string value;  ///< the offending text, when it helps
};

Text describe(Problem p, const std::string& value) {
    const std::string quoted = sdk::excerpt(value, 40);
    switch (p) {
        case Problem::Missing: return {"manjka", "is missing"};
        case Problem::NotDecimal:
            return {"ni decimalno število (»" + quoted + "«)",
                    "is not a decimal number (\"" + quoted + "\")"};
        case Problem::NotText: return {"ni besedilo", "is not text"};
        case Problem::NotObject: return {"ni objekt JSON", "is not a JSON object"};
        case Problem::NotList: return {"ni seznam", "is not a list"};
        case Problem::NotWholeNumber:
            return {"ni nenegativno celo število", "is not a non-negative whole number"};
        case Problem::NotBoolean: return {"ni true ali false", "is not true or false"};
        case Problem::NotDate:
            return {"ni datum ISO-8601 (»" + quoted + "«)", "is not an ISO-8601 date (\"" + quoted + "\")"};
    }
    return {"ni veljavna", "is not valid"};
}

// ---- reading Wix JSON with paths ----

/// An object in the order and the dotted path that leads to it, so every error names its value. Reads
/// simdjson's DOM (client/json_document.h) with the rules the mapper had on Poco JSON: null counts as
/// absent, and a value of the wrong type is an error that names its path.
class Node {
public:
    Node() = default;
    Node(simdjson::dom::object object, std::string path)
        : _object(object), _exists(true), _path(std::move(path)) {}

    bool exists() const { return _exists; }
    const std::string& path() const { return _path; }
    std::string pathOf(std::string_view key) const {
        return _path.empty() ? std::string(key) : _path + "." + std::string(key);
    }

    /// The child object; an empty Node when absent or null.
    Node object(std::string_view key) const {
        const auto v = value(key);
        if (!v) return {};
        simdjson::dom::object child;
        if (v->get_object().get(child) != simdjson::SUCCESS)
            throw Malformed{pathOf(key), Problem::NotObject, {}};
        return {child, pathOf(key)};
    }

    /// Calls f(Node) for each element of an array of objects; nothing when absent or null.
    template <typename F>
    void eachObject(std::string_view key, F&& f) const {
        const auto v = value(key);
        if (!v) return;
        simdjson::dom::array array;
        if (v->get_array().get(array) != simdjson::SUCCESS)
            throw Malformed{pathOf(key), Problem::NotList, {}};
        std::size_t i = 0;
        for (simdjson::dom::element item : array) {
            const std::string path = pathOf(key) + "[" + std::to_string(i++) + "]";
            simdjson::dom::object element;
            if (item.get_object().get(element) != simdjson::SUCCESS)
                throw Malformed{path, Problem::NotObject, {}};
            f(Node(element, path));
        }
    }

    std::optional<std::string> text(std::string_view key) const {
        const auto v = value(key);
        if (!v) return std::nullopt;
        std::string_view s;
        if (v->get_string().get(s) != simdjson::SUCCESS) throw Malformed{pathOf(key), Problem::NotText, {}};
        return std::string(s);
    }

    /// Text, or a whole number written as text (the old Stores API had numeric order numbers).
    std::optional<std::string> textOrNumber(std::string_view key) const {
        if (const auto v = value(key); v && isInteger(*v)) return integerText(*v);
        return text(key);
    }

    /// Text or a whole number; anything else counts as absent. For free-form input such as checkout
    /// custom fields, where an odd value must not stop the order.
    std::optional<std::string> looseText(std::string_view key) const {
        const auto v = value(key);
        if (!v) return std::nullopt;
        if (isInteger(*v)) return integerText(*v);
        std::string_view s;
        if (v->get_string().get(s) != simdjson::SUCCESS) return std::nullopt;
        return std::string(s);
    }

    std::optional<bool> boolean(std::string_view key) const {
        const auto v = value(key);
        if (!v) return std::nullopt;
        bool b = false;
        if (v->get_bool().get(b) != simdjson::SUCCESS) throw Malformed{pathOf(key), Problem::NotBoolean, {}};
        return b;
    }

    std::optional<std::int64_t> count(std::string_view key) const {
        const auto v = value(key);
        if (!v) return std::nullopt;
        std::int64_t n = 0;
        if (v->get_int64().get(n) != simdjson::SUCCESS || n < 0) {
            std::string_view s;
            throw Malformed{pathOf(key), Problem::NotWholeNumber,
                            v->get_string().get(s) == simdjson::SUCCESS ? std::string(s) : ""};
        }
        return n;
    }

    /// Wix money {"amount": "35.0", "formattedAmount": "€35.00"}: the exact amount, or nullopt when the
    /// object or its amount is absent. formattedAmount is display text and never read.
    std::optional<Decimal> money(std::string_view key) const {
        const Node m = object(key);
        if (!m.exists()) return std::nullopt;
        return m.decimal("amount");
    }

    /// A decimal written as a string ("0.04") or a whole JSON number; a fraction as a JSON number is
    /// refused, since it has already been through a float.
    std::optional<Decimal> decimal(std::string_view key) const {
        const auto v = value(key);
        if (!v) return std::nullopt;
        std::int64_t whole = 0;
        if (v->get_int64().get(whole) == simdjson::SUCCESS) return Decimal::fromInt(whole);
        std::string_view s;
        if (v->get_string().get(s) != simdjson::SUCCESS)
            throw Malformed{pathOf(key), Problem::NotDecimal, numberText(*v)};
        auto d = Decimal::parse(std::string(s));
        if (!d) throw Malformed{pathOf(key), Problem::NotDecimal, std::string(s)};
        return d;
    }

    /// Like decimal(), but a value that is not one counts as absent: for hints Wix fills carelessly
    /// (shipping taxRate is "" in the documented order 10108).
    std::optional<Decimal> decimalHint(std::string_view key) const {
        const auto v = value(key);
        std::string_view s;
        if (!v || v->get_string().get(s) != simdjson::SUCCESS) return std::nullopt;
        return Decimal::parse(std::string(s));
    }

private:
    /// The value under key; nullopt when absent or JSON null (Poco JSON read null as empty, and Wix
    /// writes null for values it has not got).
    std::optional<simdjson::dom::element> value(std::string_view key) const {
        if (!_exists) return std::nullopt;
        simdjson::dom::element v;
        if (_object.at_key(key).get(v) != simdjson::SUCCESS || v.is_null()) return std::nullopt;
        return v;
    }

    static bool isInteger(simdjson::dom::element v) { return v.is_int64() || v.is_uint64(); }

    static std::string integerText(simdjson::dom::element v) {
        std::int64_t i = 0;
        if (v.get_int64().get(i) == simdjson::SUCCESS) return std::to_string(i);
        return std::to_string(v.get_uint64().value_unsafe());
    }

    /// A number as written for an error message ("12.5"); empty for what is not a number.
    static std::string numberText(simdjson::dom::element v) {
        if (isInteger(v)) return integerText(v);
        double d = 0;
        if (v.get_double().get(d) != simdjson::SUCCESS) return "";
        std::array<char, 32> buffer{};
        const auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), d);
        return std::string(buffer.data(), written.ptr);
    }

    simdjson::dom::object _object;
    bool _exists = false;
    std::string _path;
};

// ---- small helpers ----

std::string slNumber(const Decimal& d, int minScale = kMoneyScale) {
    std::string s = d.toString(minScale);
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string enNumber(const Decimal& d, int minScale = kMoneyScale) {
    return d.toString(minScale);
}

std::string joined(const std::string& a, const std::string& separator, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return a + separator + b;
}

// ---- VAT IDs in custom fields ----

/// Lower-case ASCII words of a field title, with č, š, ž folded to c, s, z.
std::vector<std::string> titleWords(std::string_view title) {
    std::vector<std::string> words(1);
    for (std::size_t i = 0; i < title.size(); ++i) {
        const auto c = static_cast<unsigned char>(title[i]);
        char folded = 0;
        if (std::isalnum(c)) {
            folded = static_cast<char>(std::tolower(c));
        } else if ((c == 0xC4 || c == 0xC5) && i + 1 < title.size()) {
            const auto next = static_cast<unsigned char>(title[i + 1]);
            if (c == 0xC4 && (next == 0x8C || next == 0x8D)) folded = 'c';
            if (c == 0xC5 && (next == 0xA0 || next == 0xA1)) folded = 's';
            if (c == 0xC5 && (next == 0xBD || next == 0xBE)) folded = 'z';
            if (folded) ++i;
        }
        if (folded)
            words.back() += folded;
        else if (!words.back().empty())
            words.emplace_back();
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

/// "VAT", "VAT number", "DDV", "ID za DDV", "Davčna številka", "Tax ID", "USt-IdNr.", "TVA", "UID" …
bool looksLikeVatTitle(std::string_view title) {
    static constexpr std::array<std::string_view, 34> kWords = {"vat",
                                                                "ddv",
                                                                "davcna",
                                                                "davcni",
                                                                "davcno",
                                                                "tva",
                                                                "iva",
                                                                "btw",
                                                                "mwst",
                                                                "moms",
                                                                "alv",
                                                                "pvm",
                                                                "pdv",
                                                                "dph",
                                                                "dic",
                                                                "afm",
                                                                "nif",
                                                                "nip",
                                                                "cif",
                                                                "oib",
                                                                "uid",
                                                                "ustid",
                                                                "ustidnr",
                                                                "vatid",
                                                                "vatin",
                                                                "vatno",
                                                                "taxid",
                                                                "steuer",
                                                                "steuernummer",
                                                                "umsatzsteuer",
                                                                "umsatzsteuerid",
                                                                "vatnumber",
                                                                "btwnr",
                                                                "tvaintra"};
    const auto words = titleWords(title);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (std::find(kWords.begin(), kWords.end(), words[i]) != kWords.end()) return true;
        if (i + 1 < words.size()) {
            const std::string& next = words[i + 1];
            if (words[i] == "ust" && (next == "id" || next == "idnr")) return true;
            if (words[i] == "tax" &&
                (next == "id" || next == "number" || next == "no" || next == "identification"))
                return true;
        }
    }
    return false;
}

/// Upper case without spaces, dots or dashes: "si 123 456 78" → "SI12345678".
std::string normalisedVatId(std::string_view value) {
    std::string out;
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isspace(u) || c == '.' || c == '-') continue;
        out += static_cast<char>(std::toupper(u));
    }
    return out;
}

/// Letters and digits, 8 to 14 of them with at least 6 digits: every EU VAT ID, with or without its
/// country prefix, and not "ne", "/" or a company name typed into the wrong field.
bool plausibleVatId(std::string_view id) {
    if (id.size() < 8 || id.size() > 14) return false;
    int digits = 0;
    for (char c : id) {
        const auto u = static_cast<unsigned char>(c);
        if (!std::isalnum(u)) return false;
        digits += std::isdigit(u) ? 1 : 0;
    }
    return digits >= 6;
}

/// A Slovenian VAT ID ("SI" and 8 digits, or 8 digits alone) whose check digit is wrong: a typing error,
/// never a VAT ID FURS issued (sdk/tax_number.h).
bool wrongSlovenianCheckDigit(const std::string& id) {
    const bool prefixed = id.size() == 10 && id.rfind("SI", 0) == 0;
    const bool bare =
        id.size() == 8 && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
    return (prefixed || bare) && !sdk::isValidSlovenianTaxNumber(prefixed ? id.substr(2) : id);
}

// ---- the mapping ----

/// A line's money as Wix gives it, before it becomes a SalesOrderLine.
struct WixAmounts {
    Decimal unitPrice;
    Decimal quantity;
    Decimal discount;
    Decimal gross;
    Decimal vat;
    std::optional<Decimal> taxable;
    std::optional<Decimal> statedRate;  ///< percent; Wix's own claim, used only for a line of zero amounts
};

struct RateTotal {
    Decimal rate, net, vat, gross;
};

/// Builds one SalesOrder from one Wix order; collects review flags on the way.
class OrderBuilder {
public:
    OrderBuilder(const Node& root, const std::string& paymentMethod, const TipCheck& tip)
        : _root(root), _tip(tip) {
        _order.paymentMethod = paymentMethod;
    }

    SalesOrder build() {
        readIdentity();
        readDates();
        readBalance();
        readBuyer();
        readShippingAddress();
        _knownRates = plausibleVatRates(_destination, orderDays());
        readProductLines();
        readShippingLine();
        readFeeLines();
        spreadOrderDiscount();
        followGoodsVat();
        addTotals();
        checkTotals();
        checkDomesticZeroRate();
        checkGiftCards();
        checkDeposits();
        checkTips();
        return std::move(_order);
    }

private:
    // -- identity, dates, statuses --

    void readIdentity() {
        _order.externalId = _root.text("id").value_or("");
        _order.number = _root.textOrNumber("number").value_or("");
        if (_order.externalId.empty()) throw Malformed{"id", Problem::Missing, {}};
        _order.currency = _root.text("currency").value_or("");
        if (_order.currency.empty()) throw Malformed{"currency", Problem::Missing, {}};
        _scale = sdk::currencyMinorUnits(_order.currency);
        _order.pricesIncludeVat = _root.boolean("taxIncludedInPrices").value_or(false);
        _order.status = _root.text("status").value_or("");
        _order.paymentStatus = _root.text("paymentStatus").value_or("");
        _order.fulfillmentStatus = _root.text("fulfillmentStatus").value_or("");
        _order.archived = _root.boolean("archived").value_or(false);
    }

    /// Dates as ISO-8601 UTC with milliseconds, whatever offset Wix wrote; updatedDate (else createdDate)
    /// is required, since it decides whether an update is newer than what the host has.
    void readDates() {
        _order.createdAt = utcDate(_root, "createdDate");
        _order.updatedAt = utcDate(_root, "updatedDate");
        if (_order.updatedAt.empty()) _order.updatedAt = _order.createdAt;
        if (_order.updatedAt.empty()) throw Malformed{"updatedDate", Problem::Missing, {}};
        _order.updatedAtMillis = sdk::parseIsoMillis(_order.updatedAt).value_or(0);
        _order.paidAt = paidDate();
    }

    static std::string utcDate(const Node& node, const std::string& key) {
        const auto text = node.text(key);
        if (!text || text->empty()) return {};
        const auto millis = sdk::parseIsoMillis(*text);
        if (!millis) throw Malformed{node.pathOf(key), Problem::NotDate, *text};
        return sdk::formatIsoMillis(*millis);
    }

    /// When the order was paid: the first ORDER_PAID activity, for orders whose status says they were
    /// paid (refunds come later and keep it). A PAID order without that activity (older orders, orders
    /// marked paid by hand) takes its updatedDate, the latest moment it can have been paid: Wix gives
    /// no better date on the order, and the payment's own date lives in Order Transactions.
    std::string paidDate() const {
        const std::string& s = _order.paymentStatus;
        if (s != "PAID" && s != "PARTIALLY_REFUNDED" && s != "FULLY_REFUNDED") return {};
        std::string paid;
        _root.eachObject("activities", [&](const Node& activity) {
            if (paid.empty() && activity.text("type").value_or("") == "ORDER_PAID")
                paid = utcDate(activity, "createdDate");
        });
        if (paid.empty() && s == "PAID") paid = _order.updatedAt;
        return paid;
    }

    /// What was paid and refunded (balanceSummary), for the host's auto-invoicing and credit notes.
    void readBalance() {
        const Node balance = _root.object("balanceSummary");
        _order.paidAmount = sdk::toAmount(money(balance, "paid").value_or(Decimal()), _scale);
        _order.refundedAmount = sdk::toAmount(money(balance, "refunded").value_or(Decimal()), _scale);
    }

    // -- buyer and addresses --

    static host_api::Address readAddress(const Node& holder) {
        const Node address = holder.object("address");
        const Node contact = holder.object("contactDetails");
        host_api::Address a;
        a.name = Poco::trim(
            joined(contact.text("firstName").value_or(""), " ", contact.text("lastName").value_or("")));
        a.company = Poco::trim(contact.text("company").value_or(""));
        a.street = Poco::trim(address.text("addressLine").value_or(""));
        if (a.street.empty()) {
            const Node street = address.object("streetAddress");
            a.street =
                Poco::trim(joined(street.text("name").value_or(""), " ", street.text("number").value_or("")));
        }
        a.street2 = Poco::trim(address.text("addressLine2").value_or(""));
        a.postalCode = Poco::trim(address.text("postalCode").value_or(""));
        a.city = Poco::trim(address.text("city").value_or(""));
        a.region = address.text("subdivision").value_or("");
        a.country = address.text("country").value_or("");
        return a;
    }

    void readBuyer() {
        const Node billing = _root.object("billingInfo");
        host_api::Buyer& b = _order.buyer;
        b.billing = readAddress(billing);
        b.name = b.billing.name;
        b.company = b.billing.company;
        b.phone = Poco::trim(billing.object("contactDetails").text("phone").value_or(""));
        b.email = Poco::trim(_root.object("buyerInfo").text("email").value_or(""));
        readVatId();
    }

    /// Wix has no VAT ID field for EU buyers (contactDetails.vatId is Brazil's CPF/CNPJ): shops collect
    /// it as a checkout custom field. The first field titled like one with a plausible value wins.
    void readVatId() {
        struct Doubtful {
            std::string title, raw;
            bool checkDigit = false;  ///< a Slovenian VAT ID with a wrong check digit
        };
        std::optional<Doubtful> doubtful;
        _root.eachObject("customFields", [&](const Node& field) {
            if (_order.buyer.business) return;
            const std::string title = field.looseText("title").value_or("");
            if (!looksLikeVatTitle(title)) return;
            const std::string raw = Poco::trim(field.looseText("value").value_or(""));
            if (raw.empty()) return;
            const std::string id = normalisedVatId(raw);
            const bool wrongCheckDigit = wrongSlovenianCheckDigit(id);
            if (plausibleVatId(id) && !wrongCheckDigit) {
                _order.buyer.vatId = id;
                _order.buyer.business = true;
            } else if (!doubtful) {
                doubtful = Doubtful{title, raw, wrongCheckDigit};
            }
        });
        if (_order.buyer.business || !doubtful) return;
        const Text why = doubtful->checkDigit
                             ? Text{"ima napačno kontrolno števko (modul 11), zato ni slovenski ID za DDV",
                                    "has a wrong check digit (modulo 11), so it is no Slovenian VAT ID"}
                             : Text{"ni videti kot ID za DDV", "does not look like a VAT ID"};
        flag(review::kVatIdUnrecognised,
             {"Polje »" + doubtful->title + "« vsebuje »" + doubtful->raw + "«, kar " + why.sl +
                  "; kupec je uvožen kot potrošnik.",
              "The field \"" + doubtful->title + "\" holds \"" + doubtful->raw + "\", which " + why.en +
                  "; the buyer was imported as a consumer."});
    }

    /// The days whose VAT rates may apply: when the order was placed, paid and last changed (a rate that
    /// changed in between may be charged either way, depending on the date of supply).
    std::vector<int> orderDays() const {
        std::vector<int> days;
        for (const std::string* date : {&_order.createdAt, &_order.paidAt, &_order.updatedAt})
            if (auto day = dayOf(*date)) days.push_back(*day);
        return days;
    }

    /// Where the goods go: the shipping destination, or the recipient when Wix gives only that; none
    /// for a pickup. Kept only when it differs from the billing address. The destination country also
    /// decides which OSS rates are plausible (a pickup is supplied where it is picked up).
    void readShippingAddress() {
        const Node logistics = _root.object("shippingInfo").object("logistics");
        const Node destination = logistics.object("shippingDestination");
        const Node pickup = logistics.object("pickupDetails");
        host_api::Address shipTo;
        if (destination.exists())
            shipTo = readAddress(destination);
        else if (!pickup.exists())
            shipTo = readAddress(_root.object("recipientInfo"));
        const Node pickupAddress = pickup.object("address");
        const std::string pickupCountry = pickupAddress.text("country").value_or("");
        // The VAT country (Northern Ireland, Monaco) of where the goods go: the shipping address, else the
        // pickup point, else the billing address.
        _destination = !shipTo.country.empty() ? sdk::vatCountryOf(shipTo.country, shipTo.region)
                       : !pickupCountry.empty()
                           ? sdk::vatCountryOf(pickupCountry, pickupAddress.text("subdivision").value_or(""))
                           : sdk::vatCountryOf(_order.buyer.billing.country, _order.buyer.billing.region);
        if (!shipTo.empty() && !sameAddress(shipTo, _order.buyer.billing)) _order.shipping = shipTo;
    }

    static bool sameAddress(const host_api::Address& a, const host_api::Address& b) {
        return a.name == b.name && a.company == b.company && a.street == b.street && a.street2 == b.street2 &&
               a.postalCode == b.postalCode && a.city == b.city && a.region == b.region &&
               a.country == b.country;
    }

    // -- lines --

    /// Money to the currency's minor unit (the cent for most; ISO 4217); an amount with more decimals is
    /// rounded and flagged, never silently.
    Decimal cents(const Decimal& value, const std::string& path) {
        const Decimal rounded = value.rescaled(_scale);
        if (rounded != value && !_roundedFlagged) {
            _roundedFlagged = true;
            const std::string places = std::to_string(_scale);
            flag(review::kAmountRounded,
                 {"Znesek " + slNumber(value) + " (" + path + ") ima več decimalk, kot jih ima " +
                      _order.currency + " (" + places + "), in je zaokrožen na " + slNumber(rounded) + ".",
                  "The amount " + enNumber(value) + " (" + path + ") has more decimals than " +
                      _order.currency + " has (" + places + ") and was rounded to " + enNumber(rounded) +
                      "."});
        }
        return rounded;
    }

    std::optional<Decimal> money(const Node& node, const std::string& key) {
        auto value = node.money(key);
        if (value) value = cents(*value, node.pathOf(key) + ".amount");
        return value;
    }

    /// The tax Wix charged on a line or on shipping: the newer taxInfo, else taxDetails.
    std::optional<Decimal> taxOf(const Node& node) {
        if (auto tax = money(node.object("taxInfo"), "taxAmount")) return tax;
        return money(node.object("taxDetails"), "totalTax");
    }

    std::optional<Decimal> statedRateOf(const Node& node) const {
        auto fraction = node.object("taxInfo").decimalHint("taxRate");
        if (!fraction) fraction = node.object("taxDetails").decimalHint("taxRate");
        if (!fraction) return std::nullopt;
        return *fraction * Decimal(100, 0);
    }

    /// gross from totalPriceAfterTax when Wix gives it; otherwise from the amount before tax (Wix's
    /// lineItemPrice, or price × quantity − discount), adding the tax when prices exclude it.
    Decimal grossOf(const std::optional<Decimal>& afterTax, const std::optional<Decimal>& beforeTax,
                    const Decimal& base, const Decimal& vat) const {
        if (afterTax) return *afterTax;
        if (_order.pricesIncludeVat) return base;
        return beforeTax.value_or(base) + vat;
    }

    std::string productName(const Node& item) const {
        const Node productName = item.object("productName");
        std::string name = productName.text("original").value_or(productName.text("translated").value_or(""));
        std::string options;
        item.eachObject("descriptionLines", [&](const Node& line) {
            const Node label = line.object("name");
            std::string value = line.object("plainText").text("original").value_or("");
            if (value.empty()) value = line.object("colorInfo").text("original").value_or("");
            if (value.empty()) return;
            options = joined(options, ", ", joined(label.text("original").value_or(""), ": ", value));
        });
        if (!options.empty()) name += " (" + options + ")";
        return name + subscriptionCycle(item.object("subscriptionInfo"));
    }

    /// Wix creates an order for each billing cycle of a subscription (Wix Stores product subscriptions,
    /// Pricing Plans), from its subscription contract; the line's subscriptionInfo says which: `id` (the
    /// contract), `cycleNumber` (3 for the 3rd cycle), `subscriptionOptionTitle`, and subscriptionSettings'
    /// `autoRenewal` and `billingCycles` (the number of cycles, ignored when it renews automatically).
    /// Sources: https://dev.wix.com/docs/api-reference/business-solutions/e-commerce/payments/subscriptions/
    /// subscription-contracts/introduction ("Each billing cycle, an order is created from each subscription
    /// contract's current content"; the order's lineItems.subscriptionInfo.id is the contract's ID) and the
    /// eCom order object's SubscriptionInfo (id, cycleNumber, subscriptionOptionTitle,
    /// subscriptionOptionDescription, subscriptionSettings {frequency, interval, autoRenewal,
    /// billingCycles}). Each such order is a supply of its own and is invoiced like any other; the line names
    /// the option and the cycle, so the invoice says which period it bills (ZDDV-1 Art. 82: the date or
    /// period of supply): " — Mesečna kava, obdobje / cycle 3/12".
    static std::string subscriptionCycle(const Node& info) {
        if (!info.exists()) return "";
        const auto cycle = info.count("cycleNumber");
        const std::string title = Poco::trim(info.text("subscriptionOptionTitle").value_or(""));
        if (!cycle && title.empty()) return "";
        std::string text = " — " + (title.empty() ? std::string("naročnina / subscription") : title);
        if (cycle && *cycle > 0) {
            text += ", obdobje / cycle " + std::to_string(*cycle);
            const Node settings = info.object("subscriptionSettings");
            const auto cycles = settings.count("billingCycles");
            if (!settings.boolean("autoRenewal").value_or(false) && cycles && *cycles > 0)
                text += "/" + std::to_string(*cycles);
        }
        return text;
    }

    void readProductLines() {
        _root.eachObject("lineItems", [&](const Node& item) {
            const auto quantity = item.count("quantity");
            if (!quantity) throw Malformed{item.pathOf("quantity"), Problem::Missing, {}};
            auto price = money(item, "price");
            if (!price) price = money(item, "priceBeforeDiscounts");
            if (!price) throw Malformed{item.pathOf("price"), Problem::Missing, {}};
            WixAmounts w;
            w.unitPrice = *price;
            w.quantity = Decimal::fromInt(*quantity);
            w.discount = money(item, "totalDiscount").value_or(Decimal());
            w.vat = taxOf(item).value_or(Decimal());
            const Decimal base = money(item, "lineItemPrice").value_or(w.unitPrice * w.quantity - w.discount);
            w.gross =
                grossOf(money(item, "totalPriceAfterTax"), money(item, "totalPriceBeforeTax"), base, w.vat);
            w.taxable = money(item.object("taxInfo"), "taxableAmount");
            if (!w.taxable) w.taxable = money(item.object("taxDetails"), "taxableAmount");
            w.statedRate = statedRateOf(item);
            SalesOrderLine line = makeLine(LineKind::Product, productName(item), w);
            line.externalId = item.text("id").value_or("");
            if (item.object("itemType").text("preset").value_or("") == "GIFT_CARD")
                _giftCards.push_back(line.name);
            // A line the buyer pays a deposit of first (the rest later or on delivery).
            const std::string option = item.text("paymentOption").value_or("");
            if (option == "DEPOSIT_ONLINE") _deposits.push_back(line.name);
            line.sku = Poco::trim(item.object("physicalProperties").text("sku").value_or(""));
            _order.lines.push_back(std::move(line));
        });
    }

    /// Shipping is a line of its own with its own rate; free shipping (nothing charged, nothing
    /// discounted) adds no line.
    void readShippingLine() {
        const Node info = _root.object("shippingInfo");
        const Node cost = info.object("cost");
        if (!cost.exists()) return;
        WixAmounts w;
        w.unitPrice = money(cost, "price").value_or(Decimal());
        w.quantity = Decimal::fromInt(1);
        w.discount = money(cost, "discount").value_or(Decimal());
        w.vat = taxOf(cost).value_or(Decimal());
        w.gross = grossOf(money(cost, "totalPriceAfterTax"), money(cost, "totalPriceBeforeTax"),
                          w.unitPrice - w.discount, w.vat);
        w.statedRate = statedRateOf(cost);
        if (w.unitPrice.isZero() && w.discount.isZero() && w.gross.isZero() && w.vat.isZero()) return;
        const std::string title = Poco::trim(info.text("title").value_or(""));
        SalesOrderLine line = makeLine(LineKind::Shipping, title.empty() ? "Dostava" : title, w);
        line.externalId = kShippingLineId;  // Wix gives shipping no id; a refund names it as shipping
        _order.lines.push_back(std::move(line));
    }

    // A tip (Wix Tips) arrives as one of these fees, its code the tip's id, and nothing on the fee says
    // "tip": the Tips API tells (order_tips.h), or the fee names Wix Tips as the app that provided it.
    void readFeeLines() {
        _root.eachObject("additionalFees", [&](const Node& fee) {
            WixAmounts w;
            w.unitPrice = money(fee, "price").value_or(Decimal());
            w.quantity = Decimal::fromInt(1);
            w.vat = taxOf(fee).value_or(Decimal());
            w.gross = grossOf(money(fee, "priceAfterTax"), money(fee, "priceBeforeTax"), w.unitPrice, w.vat);
            w.statedRate = statedRateOf(fee);
            if (w.unitPrice.isZero() && w.gross.isZero() && w.vat.isZero()) return;
            std::string name = Poco::trim(fee.text("name").value_or(fee.text("code").value_or("")));
            SalesOrderLine line = makeLine(LineKind::Fee, name.empty() ? "Dodatni strošek" : name, w);
            line.externalId = fee.text("id").value_or(fee.text("code").value_or(""));
            const std::string app = fee.text("providerAppId").value_or("");
            const std::string code = fee.text("code").value_or("");
            const Decimal gross = sdk::toDecimal(line.gross);  // to the currency's minor unit
            const Text named{"»" + line.name + "«, " + slNumber(gross, _scale) + " " + _order.currency,
                             "\"" + line.name + "\", " + enNumber(gross, _scale) + " " + _order.currency};
            if (app == kWixTipsAppId || (!_tip.tipId.empty() && code == _tip.tipId)) {
                _tips.push_back(named);
                _tipLineIds.push_back(line.externalId);
            } else if (_tip.unchecked && app.empty()) {
                _uncheckedFees.push_back(named);
            }
            _order.lines.push_back(std::move(line));
        });
    }

    SalesOrderLine makeLine(LineKind kind, std::string name, const WixAmounts& w) {
        const Decimal net = w.gross - w.vat;
        const RateMatch rate =
            matchVatRate({net, w.vat, w.gross, w.taxable, _scale}, _knownRates, w.statedRate);
        if (!rate.verified) flagUnverifiedRate(name, net, w.vat, rate);
        checkLinePrice(name, w, _order.pricesIncludeVat ? w.gross : net);
        SalesOrderLine line;
        line.kind = kind;
        line.name = std::move(name);
        line.quantity = sdk::toNormalizedAmount(w.quantity);
        line.unitPrice = sdk::toAmount(w.unitPrice, _scale);
        line.discount = sdk::toAmount(w.discount, _scale);
        line.vatRate = sdk::toNormalizedAmount(rate.rate);
        line.net = sdk::toAmount(net, _scale);
        line.vat = sdk::toAmount(w.vat, _scale);
        line.gross = sdk::toAmount(w.gross, _scale);
        return line;
    }

    std::string ratesText(bool slovenian) const {
        std::string out;
        for (const auto& r : _knownRates)
            out = joined(out, slovenian ? "; " : ", ", (slovenian ? slNumber(r, 0) : enNumber(r, 0)) + " %");
        return out;
    }

    void flagUnverifiedRate(const std::string& name, const Decimal& net, const Decimal& vat,
                            const RateMatch& m) {
        const std::string country = _destination.empty() ? "SI" : _destination;
        const std::string rawSl = m.raw ? slNumber(m.raw->rescaled(2), 0) + " %" : "nedoločljiva";
        const std::string rawEn = m.raw ? enNumber(m.raw->rescaled(2), 0) + " %" : "undefined";
        flag(review::kVatRateUnverified,
             {"Stopnje DDV v vrstici »" + name + "« ni bilo mogoče potrditi: DDV " + slNumber(vat) +
                  " od osnove " + slNumber(net) + " je " + rawSl + ", nobena znana stopnja za " + country +
                  " (" + ratesText(true) +
                  ") pa ne da tega zneska na cent. Prevzeti so zneski iz Wixa in stopnja " +
                  slNumber(m.rate, 0) + " %; preverite jo.",
              "The VAT rate of line \"" + name + "\" could not be confirmed: VAT " + enNumber(vat) + " on " +
                  enNumber(net) + " is " + rawEn + ", and no known rate for " + country + " (" +
                  ratesText(false) +
                  ") gives that amount to the cent. Wix's amounts were kept with the rate " +
                  enNumber(m.rate, 0) + " %; please check it."});
    }

    /// unit price × quantity − discount must be the line's amount (gross when prices include VAT, else
    /// net), or whoever reads the document will get a different figure from the one Wix charged.
    void checkLinePrice(const std::string& name, const WixAmounts& w, const Decimal& lineAmount) {
        const Decimal expected = w.unitPrice * w.quantity - w.discount;
        if (expected == lineAmount) return;
        const std::string qty = w.quantity.toString(0);
        flag(review::kLinePriceMismatch,
             {"V vrstici »" + name + "« je cena " + slNumber(w.unitPrice) + " × " + qty + " − popust " +
                  slNumber(w.discount) + " = " + slNumber(expected) + ", Wix pa za vrstico navaja " +
                  slNumber(lineAmount) + ". Uvožen je znesek iz Wixa.",
              "In line \"" + name + "\" price " + enNumber(w.unitPrice) + " × " + qty + " − discount " +
                  enNumber(w.discount) + " = " + enNumber(expected) + ", but Wix gives " +
                  enNumber(lineAmount) + " for the line. Wix's amount was imported."});
    }

    // -- order-level discount --

    std::optional<Decimal> wixTotal() {
        const Node summary = _root.object("priceSummary");
        if (auto total = money(summary, "total")) return total;
        return money(summary, "totalPrice");  // the 2021 schema's name
    }

    std::optional<Decimal> wixTax() {
        if (auto tax = money(_root.object("priceSummary"), "tax")) return tax;
        if (auto tax = money(_root.object("taxSummary"), "totalTax")) return tax;
        return money(_root.object("taxInfo"), "totalTax");
    }

    Decimal linesGross(bool productsOnly) const {
        Decimal sum;
        for (const auto& line : _order.lines)
            if (!productsOnly || line.kind == LineKind::Product) sum += sdk::toDecimal(line.gross);
        return sum;
    }

    /// Product gross per VAT rate, in the order the rates first appear.
    std::vector<RateTotal> productGrossByRate() const {
        std::vector<RateTotal> groups;
        for (const auto& line : _order.lines) {
            if (line.kind != LineKind::Product) continue;
            const Decimal rate = sdk::toDecimal(line.vatRate);
            auto it = std::find_if(groups.begin(), groups.end(),
                                   [&](const RateTotal& g) { return g.rate == rate; });
            if (it == groups.end()) it = groups.insert(groups.end(), RateTotal{rate, {}, {}, {}});
            it->gross += sdk::toDecimal(line.gross);
        }
        return groups;
    }

    /// A discount Wix took off the order total but not off any line (a GLOBAL merchant discount, say) is
    /// the lines' gross minus Wix's total. It is spread over the product lines' VAT rates in proportion
    /// to their gross, in whole cents by largest remainder, as one Discount line per rate with the VAT
    /// that rate contains. Whether that reproduces Wix's tax is checked with the totals.
    void spreadOrderDiscount() {
        const auto total = wixTotal();
        if (!total) return;
        const Decimal difference = linesGross(false) - *total;
        const Decimal products = linesGross(true);
        if (difference.isNegative() || difference.isZero() || products < difference) {
            _unspreadDifference = difference;
            return;
        }
        _spreadDiscount = difference;
        auto groups = productGrossByRate();
        const auto shares = largestRemainderShares(difference.toUnits(_scale), groups);
        const std::string name = discountName();
        for (std::size_t i = 0; i < groups.size(); ++i)
            if (shares[i] != 0)
                _order.lines.push_back(
                    lineAtRate(LineKind::Discount, name, Decimal(-shares[i], _scale), groups[i].rate));
    }

    /// One line of quantity 1 for `gross` (negative for a discount) at `rate`, with the VAT it contains.
    SalesOrderLine lineAtRate(LineKind kind, const std::string& name, const Decimal& gross,
                              const Decimal& rate) {
        const Decimal vat =
            gross.isNegative() ? -vatInGross(-gross, rate, _scale) : vatInGross(gross, rate, _scale);
        SalesOrderLine line;
        line.kind = kind;
        line.name = name;
        line.quantity = {1, 0};
        line.unitPrice = sdk::toAmount(_order.pricesIncludeVat ? gross : gross - vat, _scale);
        line.discount = {0, _scale};
        line.vatRate = sdk::toNormalizedAmount(rate);
        line.net = sdk::toAmount(gross - vat, _scale);
        line.vat = sdk::toAmount(vat, _scale);
        line.gross = sdk::toAmount(gross, _scale);
        return line;
    }

    /// The goods' gross per VAT rate after discounts (product and discount lines), rates with nothing left
    /// left out.
    std::vector<RateTotal> goodsGrossByRate() const {
        std::vector<RateTotal> groups;
        for (const auto& line : _order.lines) {
            if (line.kind != LineKind::Product && line.kind != LineKind::Discount) continue;
            const Decimal rate = sdk::toDecimal(line.vatRate);
            auto it = std::find_if(groups.begin(), groups.end(),
                                   [&](const RateTotal& g) { return g.rate == rate; });
            if (it == groups.end()) it = groups.insert(groups.end(), RateTotal{rate, {}, {}, {}});
            it->gross += sdk::toDecimal(line.gross);
        }
        groups.erase(
            std::remove_if(groups.begin(), groups.end(),
                           [](const RateTotal& g) { return g.gross.isNegative() || g.gross.isZero(); }),
            groups.end());
        return groups;
    }

    /// Transport charged with the goods is part of their taxable amount and takes their rate (ZDDV-1
    /// Art. 36(1): the taxable amount includes incidental costs such as transport charged to the buyer;
    /// DOMAIN.md), split over mixed rates in proportion to the goods' gross. Wix taxes shipping at one rate
    /// of its own choosing. When that is not the goods' rate and prices include VAT, the shipping's gross is
    /// split over the goods' rates (to the cent, largest remainder; one part when the goods have one rate),
    /// each part with the VAT its rate contains: the total stays what the buyer paid, the VAT is what the
    /// law asks, and the order is flagged with Wix's figure and ours. With tax-exclusive prices the buyer
    /// paid Wix's net plus Wix's VAT, so nothing can be corrected without changing the total: flagged.
    void followGoodsVat() {
        // EU VAT law's rule (Directive 2006/112/EC Art. 78(b) as ZDDV-1 Art. 36): for goods leaving the EU
        // every line is an export at 0 %, and a rate Wix charged there is flagged as unverified already.
        if (!_destination.empty() && !sdk::isEuVatArea(_destination)) return;
        const auto goods = goodsGrossByRate();
        if (goods.empty()) return;
        std::vector<SalesOrderLine> lines;
        for (auto& line : _order.lines) {
            const Decimal gross = sdk::toDecimal(line.gross);
            const bool follows = goods.size() == 1 && sdk::toDecimal(line.vatRate) == goods[0].rate;
            if (line.kind != LineKind::Shipping || gross.isZero() || follows) {
                lines.push_back(std::move(line));
                continue;
            }
            if (!_order.pricesIncludeVat || gross.isNegative()) {
                flagShippingRate(line, goods);
                lines.push_back(std::move(line));
                continue;
            }
            const auto shares = largestRemainderShares(gross.toUnits(_scale), goods);
            Decimal splitVat;
            for (std::size_t i = 0; i < goods.size(); ++i) {
                if (shares[i] == 0) continue;
                const std::string name =
                    goods.size() == 1 ? line.name : line.name + " (" + slNumber(goods[i].rate, 0) + " %)";
                SalesOrderLine part =
                    lineAtRate(LineKind::Shipping, name, Decimal(shares[i], _scale), goods[i].rate);
                part.sku = line.sku;
                part.externalId = line.externalId;
                splitVat += sdk::toDecimal(part.vat);
                lines.push_back(std::move(part));
            }
            _shippingVatChange += splitVat - sdk::toDecimal(line.vat);
            flagShippingSplit(line, goods, splitVat);
        }
        _order.lines = std::move(lines);
    }

    std::string goodsRatesText(const std::vector<RateTotal>& goods, bool slovenian) const {
        std::string out;
        for (const auto& g : goods)
            out = joined(out, slovenian ? " in " : " and ",
                         (slovenian ? slNumber(g.rate, 0) : enNumber(g.rate, 0)) + " %");
        return out;
    }

    void flagShippingRate(const SalesOrderLine& line, const std::vector<RateTotal>& goods) {
        const Decimal rate = sdk::toDecimal(line.vatRate);
        flag(review::kShippingVatDiffers,
             {"Dostava »" + line.name + "« je obdavčena po " + slNumber(rate, 0) + " %, blago pa po " +
                  goodsRatesText(goods, true) +
                  "; prevoz, zaračunan z blagom, sledi stopnji blaga (ZDDV-1, 36. člen). Zneski so uvoženi, "
                  "kot jih je dal Wix; preverite davčne nastavitve dostave v Wixu.",
              "Shipping \"" + line.name + "\" is taxed at " + enNumber(rate, 0) + " % and its goods at " +
                  goodsRatesText(goods, false) +
                  "; transport charged with goods follows the goods' rate (ZDDV-1 Art. 36). The amounts were "
                  "imported as Wix gave them; check the shipping tax settings in Wix."});
    }

    void flagShippingSplit(const SalesOrderLine& line, const std::vector<RateTotal>& goods,
                           const Decimal& splitVat) {
        const Decimal rate = sdk::toDecimal(line.vatRate);
        const Decimal vat = sdk::toDecimal(line.vat);
        flag(review::kShippingVatSplit,
             {"Wix je dostavo »" + line.name + "« (" + slNumber(sdk::toDecimal(line.gross)) +
                  ") obdavčil po " + slNumber(rate, 0) + " %, blago pa je po " + goodsRatesText(goods, true) +
                  "; prevoz, zaračunan z blagom, sledi stopnji blaga (ZDDV-1, 36. člen), zato je dostava na "
                  "dokumentu obdavčena po stopnjah blaga v razmerju njihovih vrednosti: DDV " +
                  slNumber(splitVat) + " namesto " + slNumber(vat) +
                  ". Skupni znesek je enak; preverite DDV pred izdajo računa.",
              "Wix taxed shipping \"" + line.name + "\" (" + enNumber(sdk::toDecimal(line.gross)) + ") at " +
                  enNumber(rate, 0) + " % and its goods are at " + goodsRatesText(goods, false) +
                  "; transport charged with goods follows the goods' rate (ZDDV-1 Art. 36), so the document "
                  "taxes the shipping at the goods' rates in proportion to their value: VAT " +
                  enNumber(splitVat) + " instead of " + enNumber(vat) +
                  ". The total is the same; check the VAT before invoicing."});
    }

    bool isTip(const SalesOrderLine& line) const {
        return line.kind == LineKind::Fee &&
               std::find(_tipLineIds.begin(), _tipLineIds.end(), line.externalId) != _tipLineIds.end();
    }

    /// Whether a tip is subject to VAT depends on whom it belongs to. A voluntary tip is no consideration
    /// for a supply (CJEU C-16/93 Tolsma); FURS's explanation on tips (February 2023, summarised at
    /// https://unija.com/sl/novo-pojasnilo-furs-glede-napitnin/) says a tip that by agreement goes
    /// straight to the staff is not taxed under ZDDV-1, while one the business keeps is its taxable
    /// income, card tips included. Wix Tips gives the business the undistributed part. The connector
    /// cannot know the agreement, so the order waits for a person.
    void checkTips() {
        if (!_tips.empty()) {
            const Text names = listed(_tips);
            flag(review::kTipIncluded,
                 {"Naročilo vsebuje napitnino (" + names.sl +
                      "), ki jo je Wix dodal kot dodatni strošek. Ali je predmet DDV, je odvisno od tega, "
                      "komu "
                      "pripada: napitnina, ki po dogovoru pripada neposredno zaposlenim, ni predmet DDV; "
                      "napitnina, ki jo zadrži podjetje, je (pojasnilo FURS o napitninah, 2023; sodba SEU "
                      "C-16/93 Tolsma). Račun se ne izda samodejno; izdajte ga v e-računih z napitnino ali "
                      "brez nje.",
                  "The order contains a tip (" + names.en +
                      "), which Wix added as an additional fee. Whether it is subject to VAT depends on whom "
                      "it belongs to: a tip that by agreement goes straight to the staff is not; a tip the "
                      "business keeps is (FURS's explanation on tips, 2023; CJEU C-16/93 Tolsma). No invoice "
                      "is issued automatically; issue it in e-računi with or without the tip."});
        }
        if (_uncheckedFees.empty()) return;
        const Text names = listed(_uncheckedFees);
        flag(review::kTipUnchecked,
             {"Dodatni strošek (" + names.sl +
                  ") ne navaja aplikacije, ki ga je dodala, in je lahko napitnina, "
                  "vendar Wix Tips ni odgovoril: " +
                  _tip.why.sl + " Račun se ne izda samodejno; v Wixu preverite, ali gre za napitnino.",
              "An additional fee (" + names.en +
                  ") names no app that added it and may be a tip, but Wix Tips "
                  "did not answer: " +
                  _tip.why.en + " No invoice is issued automatically; check in Wix whether it is a tip."});
    }

    static Text listed(const std::vector<Text>& items) {
        Text all;
        for (const auto& item : items) {
            all.sl = joined(all.sl, "; ", item.sl);
            all.en = joined(all.en, "; ", item.en);
        }
        return all;
    }

    bool isGiftCard(const SalesOrderLine& line) const {
        return line.kind == LineKind::Product &&
               std::find(_giftCards.begin(), _giftCards.end(), line.name) != _giftCards.end();
    }

    /// A Wix gift card is good for anything in the shop, at any VAT rate: a multi-purpose voucher. Its
    /// sale is no supply and is not subject to VAT; VAT falls due when it pays for goods (Council
    /// Directive 2006/112/EC Art. 30b(1) and 73a, added by Directive (EU) 2016/1065 and transposed into
    /// ZDDV-1). That is neither a 0 % rate nor an exemption, which a sales order cannot state, so such
    /// an order waits for a person.
    void checkGiftCards() {
        if (_giftCards.empty()) return;
        std::string names;
        for (const auto& name : _giftCards) names = joined(names, ", ", "»" + name + "«");
        flag(
            review::kGiftCardSold,
            {"Naročilo vsebuje darilni bon (" + names +
                 "), večnamensko vrednotnico: njena prodaja ni predmet DDV (ne 0 % in ne oprostitev), DDV se "
                 "obračuna, ko z njo kupec plača blago. Račun se ne izda samodejno; bon v e-računih "
                 "evidentirajte "
                 "kot prejeto predplačilo brez DDV.",
             "The order contains a gift card (" + names +
                 "), a multi-purpose voucher: its sale is not subject to VAT (neither 0 % nor exempt); VAT "
                 "is "
                 "due when the buyer pays for goods with it. No invoice is issued automatically; record the "
                 "card "
                 "in e-računi as a payment received without VAT."});
    }

    /// A deposit is an advance payment: VAT is due on it when it is received and it needs its own invoice,
    /// which the final invoice then deducts (ZDDV-1 Art. 33 and 81). The connector issues neither, so the
    /// order waits for a person.
    void checkDeposits() {
        const bool partlyPaid = _order.paymentStatus == "PARTIALLY_PAID";
        // A cancelled order is never invoiced; what it received is refunded or settled by hand.
        if ((_deposits.empty() && !partlyPaid) || _order.status == "CANCELED") return;
        std::string names;
        for (const auto& name : _deposits) names = joined(names, ", ", "»" + name + "«");
        const std::string what = names.empty() ? "" : " (" + names + ")";
        flag(
            review::kAdvancePayment,
            {"Naročilo se plača po delih" + what +
                 ": za prejeti polog (predplačilo) je treba izdati račun za predplačilo, končni račun pa ga "
                 "odšteje (ZDDV-1, 33. in 81. člen). Račun se ne izda samodejno; izdajte ju v e-računih.",
             "The order is paid in parts" + what +
                 ": the deposit received (an advance payment) needs an advance invoice, which the final "
                 "invoice deducts (ZDDV-1 Art. 33 and 81). No invoice is issued automatically; issue both in "
                 "e-računi."});
    }

    /// No exemption fits a web shop's sale to a consumer in Slovenia: a 0 % line there means Wix's tax
    /// settings are wrong (ZDDV-1 Art. 41; eracuni-domain.md: e-računi warns of it too).
    void checkDomesticZeroRate() {
        const bool domestic = _destination.empty() || _destination == "SI";
        if (!domestic || _order.buyer.business) return;
        std::string names;
        for (const auto& line : _order.lines)
            if (line.kind != LineKind::Discount && sdk::toDecimal(line.vatRate).isZero() &&
                !sdk::toDecimal(line.gross).isZero() && !isGiftCard(line) && !isTip(line))
                names = joined(names, ", ", "»" + line.name + "«");
        if (names.empty()) return;
        flag(review::kVatZeroDomestic,
             {"Prodaja potrošniku v Sloveniji z 0 % DDV (" + names +
                  "): za tako prodajo ni oprostitve, zato so davčne nastavitve v Wixu verjetno napačne. "
                  "Zneski "
                  "so uvoženi, kot jih je dal Wix; račun se ne izda samodejno.",
              "A sale to a consumer in Slovenia at 0 % VAT (" + names +
                  "): no exemption fits such a sale, so the tax settings in Wix are probably wrong. The "
                  "amounts "
                  "were imported as Wix gave them; no invoice is issued automatically."});
    }

    /// `cents` split over the groups in proportion to their gross; the cents lost to rounding down go
    /// one each to the largest remainders (ties: the earlier group).
    std::vector<std::int64_t> largestRemainderShares(std::int64_t cents,
                                                     const std::vector<RateTotal>& groups) {
        __extension__ typedef __int128 Wide;
        Wide whole = 0;
        for (const auto& g : groups) whole += g.gross.toUnits(_scale);
        std::vector<std::int64_t> shares(groups.size());
        std::vector<Wide> remainders(groups.size());
        std::int64_t given = 0;
        for (std::size_t i = 0; i < groups.size(); ++i) {
            const Wide part = static_cast<Wide>(cents) * groups[i].gross.toUnits(_scale);
            shares[i] = static_cast<std::int64_t>(part / whole);
            remainders[i] = part % whole;
            given += shares[i];
        }
        std::vector<std::size_t> order(groups.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
        for (std::size_t k = 0; given < cents; ++k, ++given) ++shares[order[k % order.size()]];
        return shares;
    }

    /// "Popust na naročilo (POLETJE5)": the codes or descriptions of the order-wide discounts Wix lists.
    std::string discountName() const {
        std::string labels;
        _root.eachObject("appliedDiscounts", [&](const Node& d) {
            const std::string type = d.text("discountType").value_or("GLOBAL");
            if (type != "GLOBAL") return;
            std::string label = d.object("coupon").text("code").value_or("");
            if (label.empty()) label = d.object("merchantDiscount").text("description").value_or("");
            if (label.empty()) label = d.object("discountRule").object("name").text("original").value_or("");
            labels = joined(labels, ", ", Poco::trim(label));
        });
        return labels.empty() ? "Popust na naročilo" : "Popust na naročilo (" + labels + ")";
    }

    // -- totals --

    void addTotals() {
        std::vector<RateTotal> byRate;
        Decimal net, vat, gross;
        for (const auto& line : _order.lines) {
            const Decimal rate = sdk::toDecimal(line.vatRate);
            auto it = std::find_if(byRate.begin(), byRate.end(),
                                   [&](const RateTotal& t) { return t.rate == rate; });
            if (it == byRate.end()) it = byRate.insert(byRate.end(), RateTotal{rate, {}, {}, {}});
            it->net += sdk::toDecimal(line.net);
            it->vat += sdk::toDecimal(line.vat);
            it->gross += sdk::toDecimal(line.gross);
            net += sdk::toDecimal(line.net);
            vat += sdk::toDecimal(line.vat);
            gross += sdk::toDecimal(line.gross);
        }
        std::stable_sort(byRate.begin(), byRate.end(),
                         [](const RateTotal& a, const RateTotal& b) { return a.rate > b.rate; });
        for (const auto& t : byRate)
            _order.vatBreakdown.push_back({sdk::toNormalizedAmount(t.rate), sdk::toAmount(t.net, _scale),
                                           sdk::toAmount(t.vat, _scale), sdk::toAmount(t.gross, _scale)});
        _order.totalNet = sdk::toAmount(net, _scale);
        _order.totalVat = sdk::toAmount(vat, _scale);
        _order.totalGross = sdk::toAmount(gross, _scale);
    }

    /// The document must equal Wix's total and tax to the cent. When it cannot, it stays as Wix's lines
    /// make it and the order is flagged with both figures: nothing is invented to close the gap.
    void checkTotals() {
        const auto total = wixTotal();
        const auto tax = wixTax();
        const Decimal gross = sdk::toDecimal(_order.totalGross);
        const Decimal vat = sdk::toDecimal(_order.totalVat);
        std::string partsSl, partsEn;
        if (total && gross != *total) {
            partsSl = "skupaj " + slNumber(gross) + " namesto " + slNumber(*total);
            partsEn = "total " + enNumber(gross) + " instead of " + enNumber(*total);
        }
        // VAT that the shipping split moved (followGoodsVat) is explained by its own flag.
        if (tax && vat - _shippingVatChange != *tax) {
            partsSl = joined(partsSl, ", ", "DDV " + slNumber(vat) + " namesto " + slNumber(*tax));
            partsEn = joined(partsEn, ", ", "VAT " + enNumber(vat) + " instead of " + enNumber(*tax));
        }
        if (!partsSl.empty()) flagTotalMismatch(partsSl, partsEn);
        if (!total || !tax) {
            const std::string whatSl = !total ? "skupnega zneska" : "skupnega DDV";
            const std::string whatEn = !total ? "total" : "tax total";
            flag(review::kTotalUnverified,
                 {"Wix ni dal " + whatSl + " naročila, zato dokumenta ni bilo mogoče preveriti.",
                  "Wix gave no order " + whatEn + ", so the document could not be checked against it."});
        }
    }

    void flagTotalMismatch(const std::string& partsSl, const std::string& partsEn) {
        std::string noteSl, noteEn;
        if (_spreadDiscount) {
            noteSl =
                " (po razdelitvi popusta na naročilo " + slNumber(*_spreadDiscount) + " po stopnjah DDV)";
            noteEn = " (after spreading the order discount of " + enNumber(*_spreadDiscount) +
                     " over the VAT rates)";
        } else if (_unspreadDifference && !_unspreadDifference->isNegative() &&
                   !_unspreadDifference->isZero()) {
            noteSl = " (razlika " + slNumber(*_unspreadDifference) +
                     " presega vrednost izdelkov, zato ni razdeljena kot popust)";
            noteEn = " (the difference of " + enNumber(*_unspreadDifference) +
                     " exceeds the products' value, so it was not spread as a discount)";
        }
        flag(review::kTotalMismatch,
             {"Dokument se ne ujema z naročilom v Wixu: " + partsSl + noteSl +
                  ". Zneski so uvoženi, kot jih je dal Wix; preverite jih pred izdajo računa.",
              "The document does not add up to the Wix order: " + partsEn + noteEn +
                  ". The amounts were imported as Wix gave them; check them before invoicing."});
    }

    void flag(const char* code, Text reason) { _order.flags.push_back({code, std::move(reason)}); }

    const Node& _root;
    const TipCheck& _tip;
    SalesOrder _order;
    std::string _destination;
    std::vector<std::string> _giftCards;   ///< names of the gift card lines (itemType GIFT_CARD)
    std::vector<std::string> _deposits;    ///< names of the lines paid by a deposit first (DEPOSIT_ONLINE)
    std::vector<Text> _tips;               ///< the tips' fees, named with their amounts
    std::vector<std::string> _tipLineIds;  ///< the tips' lines (externalId)
    std::vector<Text> _uncheckedFees;      ///< fees that may be tips the Tips API would not tell
    std::vector<Decimal> _knownRates;
    std::optional<Decimal> _spreadDiscount;
    std::optional<Decimal> _unspreadDifference;
    Decimal _shippingVatChange;  ///< the document's VAT minus Wix's, from splitting shipping over rates
    bool _roundedFlagged = false;
    int _scale = 2;  // the order currency's minor unit (ISO 4217): every amount of the document is kept to it
};

/// "10234 (id …)" for messages; reads leniently, since it also names orders that cannot be read.
std::string orderLabel(simdjson::dom::element order, bool slovenian) {
    std::string number, id;
    std::int64_t n = 0;
    std::string_view text;
    if (order.at_key("number").get(text) == simdjson::SUCCESS)
        number = std::string(text);
    else if (order.at_key("number").get(n) == simdjson::SUCCESS)
        number = std::to_string(n);
    if (order.at_key("id").get(text) == simdjson::SUCCESS) id = std::string(text);
    if (id.empty()) return number.empty() ? (slovenian ? "brez id" : "without an id") : number;
    return number.empty() ? "(id " + id + ")" : number + " (id " + id + ")";
}

Outcome malformedOutcome(simdjson::dom::element order, const std::string& path, const Text& problem) {
    return Outcome::failure(
        ErrorCategory::Permanent, "wix.order.malformed",
        {"Naročila Wix " + orderLabel(order, true) + " ni mogoče uvoziti: vrednost " + path + " " +
             problem.sl + ". Popravite naročilo v Wixu ali obvestite podporo.",
         "Wix order " + orderLabel(order, false) + " cannot be imported: " + path + " " + problem.en +
             ". Correct the order in Wix or contact support."},
        path + ": " + problem.en);
}

}  // namespace

MappedOrder OrderMapper::map(simdjson::dom::element wixOrder, const std::string& paymentMethod,
                             const TipCheck& tip) const {
    MappedOrder result;
    try {
        simdjson::dom::object object;
        if (wixOrder.get_object().get(object) != simdjson::SUCCESS)
            throw Malformed{"(order)", Problem::NotObject, {}};
        const Node root(object, "");
        result.order = OrderBuilder(root, paymentMethod, tip).build();
    } catch (const Malformed& m) {
        result.error = malformedOutcome(wixOrder, m.path, describe(m.problem, m.value));
    } catch (const std::overflow_error&) {
        result.error = malformedOutcome(wixOrder, "(amounts)",
                                        {"presegajo obseg zneskov", "exceed the range of amounts"});
    }
    return result;
}

MappedOrder OrderMapper::map(std::string_view orderJson, const std::string& paymentMethod,
                             const TipCheck& tip) const {
    sdk::JsonDocument document;
    std::string why;
    if (!document.parse(orderJson, why)) {
        MappedOrder result;
        result.error = Outcome::failure(
            ErrorCategory::Permanent, "wix.order.malformed",
            {"Naročila Wix ni mogoče prebrati: " + why + ".", "The Wix order cannot be read: " + why + "."},
            why);
        return result;
    }
    return map(document.root(), paymentMethod, tip);
}

}  // namespace estore::wix

#include "wix_sandbox/orders/order_composer.h"

#include <algorithm>

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include "wix_sandbox/core/money.h"

namespace wix_sandbox {

namespace {

const std::string kStoresAppId = "215238eb-22a5-4c36-9e7b-e7c08025e04e";  // reference §1
constexpr std::int64_t kOrderSpacingMs = 5 * 60 * 1000;  // 100,000 orders fit in a year before "now"
constexpr std::int64_t kSecondMs = 1000;
constexpr std::int64_t kHourMs = 3600 * kSecondMs;
constexpr std::int64_t kDayMs = 24 * kHourMs;
constexpr long kFreeShippingFromCents = 5000;

struct Place {
    const char* street;
    const char* city;
    const char* postalCode;
    const char* subdivision;  // ISO 3166-2, "" when Wix would leave it out
    const char* subdivisionName;
};

struct Person {
    const char* firstName;
    const char* lastName;
    const char* emailLocal;
};

/// A destination country: its VAT rates (OSS: goods are taxed where they go) and people who live there.
struct Country {
    const char* code;
    const char* fullName;
    const char* language;
    long ratesBp[3];  // standard, reduced, super-reduced
    const char* phonePrefix;
    const char* vatTitle;
    const char* vatPrefix;
    int vatDigits;
    std::vector<Place> places;
    std::vector<Person> people;
    std::vector<const char*> companies;
    std::vector<const char*> mailDomains;
};

/// Eight random digits made into a tax number FURS could have issued: a Slovenian VAT ID's last digit is a
/// mod-11 check digit over the first seven (weights 8…2; 10 is written 0; a remainder of 0 is never issued),
/// and real buyers type real IDs. The seventh digit moves on until a check digit exists, so the random
/// sequence (and every order generated after) stays what it was.
std::string withSlovenianCheckDigit(std::string number) {
    if (number.size() != 8) return number;
    if (number[0] == '0') number[0] = '1';
    for (int attempt = 0; attempt < 10; ++attempt) {
        int sum = 0;
        for (int i = 0; i < 7; ++i) sum += (number[static_cast<std::size_t>(i)] - '0') * (8 - i);
        const int check = 11 - sum % 11;
        if (check != 11) {
            number[7] = static_cast<char>('0' + (check == 10 ? 0 : check));
            return number;
        }
        number[6] = static_cast<char>('0' + (number[6] - '0' + 1) % 10);
    }
    return number;
}

const std::vector<Country>& countries() {
    static const std::vector<Country> kCountries = {
        {"SI",
         "Slovenia",
         "sl",
         {2200, 950, 500},
         "+386 4",
         "ID za DDV",
         "SI",
         8,
         {{"Slovenska cesta", "Ljubljana", "1000", "", ""},
          {"Gosposvetska cesta", "Maribor", "2000", "", ""},
          {"Ljubljanska cesta", "Celje", "3000", "", ""},
          {"Cesta Staneta Žagarja", "Kranj", "4000", "", ""},
          {"Prešernova ulica", "Velenje", "3320", "", ""},
          {"Glavni trg", "Novo mesto", "8000", "", ""},
          {"Kidričeva ulica", "Koper", "6000", "", ""},
          {"Cankarjeva ulica", "Murska Sobota", "9000", "", ""}},
         {{"Ana", "Novak", "ana.novak"},
          {"Marko", "Horvat", "marko.horvat"},
          {"Maja", "Kranjc", "maja.kranjc"},
          {"Luka", "Zupančič", "luka.zupancic"},
          {"Nina", "Potočnik", "nina.potocnik"},
          {"Jure", "Kovačič", "jure.kovacic"},
          {"Eva", "Mlakar", "eva.mlakar"},
          {"Matej", "Vidmar", "matej.vidmar"},
          {"Tina", "Golob", "tina.golob"},
          {"Rok", "Turk", "rok.turk"}},
         {"Mizarstvo Kranjc d.o.o.", "Gostilna Pri Lipi d.o.o.", "Cvetličarna Roža s.p.",
          "Biro Novak d.o.o."},
         {"gmail.com", "siol.net", "t-2.net", "amis.net", "outlook.com"}},
        {"HR",
         "Croatia",
         "hr",
         {2500, 1300, 500},
         "+385 9",
         "OIB",
         "HR",
         11,
         {{"Ilica", "Zagreb", "10000", "HR-21", "Grad Zagreb"},
          {"Riva", "Split", "21000", "HR-17", "Splitsko-dalmatinska županija"},
          {"Korzo", "Rijeka", "51000", "HR-08", "Primorsko-goranska županija"}},
         {{"Ivan", "Horvat", "ivan.horvat"}, {"Petra", "Kovačević", "petra.kovacevic"}},
         {"Adria Trade d.o.o."},
         {"gmail.com", "net.hr"}},
        {"AT",
         "Austria",
         "de",
         {2000, 1000, 1000},
         "+43 664",
         "UID",
         "ATU",
         8,
         {{"Mariahilfer Straße", "Wien", "1060", "AT-9", "Wien"},
          {"Herrengasse", "Graz", "8010", "AT-6", "Steiermark"},
          {"Alter Platz", "Klagenfurt", "9020", "AT-2", "Kärnten"}},
         {{"Lukas", "Gruber", "lukas.gruber"}, {"Anna", "Huber", "anna.huber"}},
         {"Alpen Handel GmbH"},
         {"gmx.at", "gmail.com"}},
        {"DE",
         "Germany",
         "de",
         {1900, 700, 700},
         "+49 151",
         "USt-IdNr.",
         "DE",
         9,
         {{"Leopoldstraße", "München", "80802", "DE-BY", "Bayern"},
          {"Friedrichstraße", "Berlin", "10117", "DE-BE", "Berlin"}},
         {{"Jonas", "Müller", "jonas.mueller"}, {"Laura", "Schmidt", "laura.schmidt"}},
         {"Bio Laden Schmidt GmbH"},
         {"web.de", "gmx.de"}},
        {"IT",
         "Italy",
         "it",
         {2200, 1000, 400},
         "+39 347",
         "Partita IVA",
         "IT",
         11,
         {{"Via Roma", "Trieste", "34121", "IT-TS", "Trieste"},
          {"Corso Buenos Aires", "Milano", "20124", "IT-MI", "Milano"}},
         {{"Marco", "Rossi", "marco.rossi"}, {"Giulia", "Bianchi", "giulia.bianchi"}},
         {"Bottega Carsica S.r.l."},
         {"libero.it", "gmail.com"}},
    };
    return kCountries;
}

/// Rounded half up; amounts here are never negative.
long divideRounded(long numerator, long denominator) {
    return (2 * numerator + denominator) / (2 * denominator);
}

/// Basis points as Wix writes rates: 2200 -> "0.22", 950 -> "0.095".
std::string rateText(long basisPoints) {
    std::string digits = std::to_string(basisPoints);
    digits.insert(0, 4 - std::min<std::size_t>(4, digits.size()), '0');
    std::string text = "0." + digits;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text += '0';
    return text;
}

std::string isoDate(std::int64_t epochMs) {
    return Poco::DateTimeFormatter::format(Poco::Timestamp(epochMs * 1000), "%Y-%m-%dT%H:%M:%S.%iZ");
}

std::int64_t baseEpochMs() {
    // A fixed epoch keeps the shop reproducible; early March 2025, 08:00 UTC.
    static const std::int64_t kBase =
        Poco::DateTime(2025, 3, 3, 8, 0, 0).timestamp().epochMicroseconds() / 1000;
    return kBase;
}

/// The sandbox's stand-in for the app that adds the generated fees (cash on delivery, gift wrap).
constexpr const char* kFeeAppId = "4b1e6f52-0e3c-4c3d-9a57-5d7f0c1a2b3e";

void money(JsonWriter& out, const std::string& key, long cents, const std::string& currency) {
    out.key(key).beginObject();
    out.field("amount", Money::amount(cents)).field("formattedAmount", Money::formatted(cents, currency));
    out.endObject();
}

void translated(JsonWriter& out, const std::string& key, const std::string& text) {
    out.key(key).beginObject().field("original", text).field("translated", text).endObject();
}

void taxDetails(JsonWriter& out, long net, long rateBp, long tax, const std::string& currency) {
    out.key("taxDetails").beginObject();
    money(out, "taxableAmount", net, currency);
    out.field("taxRate", rateText(rateBp));
    money(out, "totalTax", tax, currency);
    out.endObject();
}

std::string digits(DeterministicRandom& random, int count) {
    std::string text;
    for (int i = 0; i < count; ++i) text += static_cast<char>('0' + random.between(i == 0 ? 1 : 0, 9));
    return text;
}

bool chance(DeterministicRandom& random, long percent) {
    return random.between(0, 99) < percent;
}

}  // namespace

struct OrderComposer::Line {
    const Product* product = nullptr;
    const Variant* variant = nullptr;
    std::string id;
    long quantity = 1;
    long unitCents = 0;
    long ruleDiscountCents = 0;  // an automatic discount on this line (SPECIFIC_ITEMS)
    std::string ruleName;
    std::string ruleId;
    long couponShareCents = 0;  // this line's part of a GLOBAL coupon
    long rateBp = 0;
    long net = 0, tax = 0, gross = 0;
    long refundQuantity = 0;

    long discount() const { return ruleDiscountCents + couponShareCents; }
    long amount() const { return unitCents * quantity - discount(); }  // the shown basis
};

struct OrderComposer::Draft {
    struct Fee {
        std::string id, code, name;
        long cents = 0, rateBp = 0, net = 0, tax = 0, gross = 0;
    };

    const SiteInfo* site = nullptr;
    std::string number, status, orderId;
    std::size_t index = 0;
    std::optional<std::int64_t> placedAtMs;

    const Country* country = nullptr;
    const Person* person = nullptr;
    const Place* place = nullptr;
    std::string houseNumber, email, phone, contactId, company, vatTitle, vatValue;
    bool subdivision = false, otherRecipient = false, member = false;
    const Place* recipientPlace = nullptr;
    std::string recipientHouse;

    std::vector<Line> lines;
    bool digitalOnly = false;
    std::string couponId, couponCode, couponName;
    long couponCents = 0;

    bool hasShipping = false, pickup = false;
    std::string shippingCode, shippingTitle, deliveryTime, shippingCouponId;
    long shippingCents = 0, shippingDiscount = 0, shippingRateBp = 0, shippingNet = 0, shippingTax = 0,
         shippingGross = 0;
    std::vector<Fee> fees;

    PaymentMethod method = PaymentMethod::CreditCard;
    std::string paymentStatus, fulfillmentStatus, channel = "WEB", buyerNote;
    bool archived = false;
    long subtotal = 0, discount = 0, tax = 0, total = 0, fees_total = 0, paid = 0, refunded = 0;
    std::int64_t createdMs = 0, pendingMs = 0, paidMs = 0, fulfilledMs = 0, canceledMs = 0, refundedMs = 0,
                 updatedMs = 0;

    long rate(int rateClass) const { return country->ratesBp[rateClass]; }
    const std::string& currency() const { return site->currency; }
    bool inclusive() const { return site->taxIncludedInPrices; }
};

OrderComposer::OrderComposer(std::uint64_t catalogSeed) {
    DeterministicRandom random(catalogSeed);
    _catalog = makeCatalog(random);
}

std::vector<OrderComposer::Product> OrderComposer::makeCatalog(DeterministicRandom& random) {
    // A Slovenian shop's range: food at 9.5 %, books at 5 %, the rest at 22 %; some products with
    // variants, one without a SKU, two sharing one (merchants copy products), and digital goods.
    std::vector<Product> catalog = {
        {"", "Cvetlični med 450 g", "MED-CVET-450", 890, 1, "0.6", false, {}},
        {"", "Gozdni med 900 g", "MED-GOZD-900", 1590, 1, "1.1", false, {}},
        {"", "Bučno olje 0,5 l", "OLJE-BUC-050", 1250, 1, "0.8", false, {}},
        {"",
         "Keramična skodelica Pohorje",
         "KER-SKOD-01",
         1800,
         0,
         "0.35",
         false,
         {{"", "KER-SKOD-01-MOD", {{"Barva", "Modra"}}, 0},
          {"", "KER-SKOD-01-BEL", {{"Barva", "Bela"}}, 0},
          {"", "KER-SKOD-01-ZEL", {{"Barva", "Zelena"}}, 0}}},
        {"",
         "Lanena brisača",
         "TEX-LAN-BRI",
         2490,
         0,
         "0.3",
         false,
         {{"", "TEX-LAN-BRI-50", {{"Velikost", "50 × 100 cm"}}, 0},
          {"", "", {{"Velikost", "70 × 140 cm"}}, 1000}}},
        {"", "Knjiga: Slovenske ljudske pravljice", "KNJ-PRAV-01", 2290, 2, "0.7", false, {}},
        {"", "Zeliščni čaj Arnika 50 g", "CAJ-ARN-050", 590, 1, "0.1", false, {}},
        {"", "Darilni paket Lipa", "DAR-LIPA-01", 3500, 0, "1.5", false, {}},
        {"",
         "Majica Lipa",
         "MAJ-LIPA",
         1990,
         0,
         "0.2",
         false,
         {{"", "MAJ-LIPA-S-BEL", {{"Velikost", "S"}, {"Barva", "Bela"}}, 0},
          {"", "MAJ-LIPA-M-BEL", {{"Velikost", "M"}, {"Barva", "Bela"}}, 0},
          {"", "MAJ-LIPA-L-ZEL", {{"Velikost", "L"}, {"Barva", "Zelena"}}, 0},
          {"", "MAJ-LIPA-XL-ZEL", {{"Velikost", "XL"}, {"Barva", "Zelena"}}, 200}}},
        {"", "Ročno izdelano milo", std::nullopt, 650, 0, "0.12", false, {}},
        {"", "Sivkino milo", "MILO-01", 590, 0, "0.1", false, {}},
        {"", "Ognjičevo milo", "MILO-01", 590, 0, "0.1", false, {}},
        {"", "E-knjiga: Domače zeliščarstvo", "EKNJ-ZEL", 1290, 2, "0", true, {}},
        {"", "Spletni tečaj peke kruha", "TEC-KRUH", 4900, 0, "0", true, {}},
    };
    for (Product& product : catalog) {
        product.id = random.guid();
        for (Variant& variant : product.variants) variant.id = random.guid();
    }
    return catalog;
}

OrderRecord OrderComposer::compose(const SiteInfo& site, const std::string& number, std::size_t index,
                                   const std::string& status, std::uint64_t seed,
                                   std::optional<std::int64_t> placedAtMs) const {
    DeterministicRandom random(seed);
    Draft draft;
    draft.site = &site;
    draft.number = number;
    draft.status = status;
    draft.index = index;
    draft.placedAtMs = placedAtMs;
    draft.orderId = random.guid();
    decidePayment(draft, random);
    decideBuyer(draft, random);
    decideLines(draft, random);
    applyCoupon(draft, random);
    decideShipping(draft, random);
    decideFees(draft, random);
    computeTaxes(draft);
    decideMoneyFlow(draft);
    decideDates(draft, random);

    JsonWriter out;
    writeOrder(draft, out);
    OrderRecord record;
    record.id = draft.orderId;
    record.number = number;
    record.status = status;
    record.paymentStatus = draft.paymentStatus;
    record.fulfillmentStatus = draft.fulfillmentStatus;
    record.archived = draft.archived;
    record.buyerEmail = draft.email;
    record.createdDate = isoDate(draft.createdMs);
    record.updatedDate = isoDate(draft.updatedMs);
    record.paymentMethod = draft.method;
    record.json = out.take();
    return record;
}

void OrderComposer::decidePayment(Draft& draft, DeterministicRandom& random) const {
    const long pick = random.between(0, 99);
    draft.method = pick < 25   ? PaymentMethod::WixPayments
                   : pick < 35 ? PaymentMethod::Stripe
                   : pick < 45 ? PaymentMethod::CreditCard
                   : pick < 60 ? PaymentMethod::PayPal
                   : pick < 77 ? PaymentMethod::CashOnDelivery
                   : pick < 95 ? PaymentMethod::BankTransfer
                               : PaymentMethod::GiftCard;
    const bool offline = PaymentMethodTraits::of(draft.method).offline;
    const long roll = random.between(0, 99);
    if (draft.status == "INITIALIZED") {
        draft.paymentStatus = "NOT_PAID";  // an abandoned checkout
    } else if (draft.placedAtMs) {
        draft.paymentStatus = offline ? "NOT_PAID" : "PAID";
    } else if (draft.status == "CANCELED") {
        draft.paymentStatus = !offline && roll < 60 ? "FULLY_REFUNDED" : "NOT_PAID";
    } else if (draft.method == PaymentMethod::GiftCard) {
        draft.paymentStatus = "PAID";
    } else if (offline) {
        // Manual payments wait for the merchant to mark them paid (§15: PENDING_MERCHANT).
        draft.paymentStatus = roll < 45 ? "NOT_PAID" : roll < 92 ? "PAID" : "PARTIALLY_PAID";
    } else {
        draft.paymentStatus = roll < 70   ? "PAID"
                              : roll < 78 ? "PENDING"
                              : roll < 89 ? "PARTIALLY_REFUNDED"
                                          : "FULLY_REFUNDED";
    }
    const std::string& paid = draft.paymentStatus;
    const long fulfil = random.between(0, 99);
    draft.fulfillmentStatus = "NOT_FULFILLED";
    const bool settled = draft.status != "CANCELED" && draft.status != "INITIALIZED" && !draft.placedAtMs;
    if (settled && (paid == "PAID" || paid == "PARTIALLY_REFUNDED"))
        draft.fulfillmentStatus = fulfil < 75   ? "FULFILLED"
                                  : fulfil < 80 ? "PARTIALLY_FULFILLED"
                                                : "NOT_FULFILLED";
    if (settled && paid == "FULLY_REFUNDED" && fulfil < 50)
        draft.fulfillmentStatus = "FULFILLED";  // returned
    // Cash on delivery ships before the money comes.
    if (settled && paid == "NOT_PAID" && draft.method == PaymentMethod::CashOnDelivery && fulfil < 30)
        draft.fulfillmentStatus = "FULFILLED";
    draft.archived = settled || draft.status == "CANCELED" ? chance(random, 3) && !draft.placedAtMs : false;
    draft.channel = chance(random, 5) ? "BACKOFFICE_MERCHANT" : "WEB";
}

void OrderComposer::decideBuyer(Draft& draft, DeterministicRandom& random) const {
    const long where = random.between(0, 99);
    const std::vector<Country>& all = countries();
    draft.country = where < 80   ? &all[0]
                    : where < 86 ? &all[1]
                    : where < 91 ? &all[2]
                    : where < 96 ? &all[3]
                                 : &all[4];
    const Country& country = *draft.country;
    draft.person = &random.pick(country.people);
    draft.place = &random.pick(country.places);
    draft.houseNumber = std::to_string(random.between(1, 120));
    draft.email = std::string(draft.person->emailLocal) + "@" + random.pick(country.mailDomains);
    draft.contactId = random.guid();
    draft.member = chance(random, 40);
    if (chance(random, 80))
        draft.phone = std::string(country.phonePrefix) + std::to_string(random.between(0, 9)) + " " +
                      digits(random, 3) + " " + digits(random, 3);
    draft.subdivision = country.places.front().subdivision[0] != '\0' && chance(random, 70);
    if (chance(random, 15)) {
        draft.company = random.pick(country.companies);
        draft.vatTitle = country.vatTitle;
        draft.vatValue = std::string(country.vatPrefix) + digits(random, country.vatDigits);
        if (std::string(country.code) == "SI")
            draft.vatValue = "SI" + withSlovenianCheckDigit(draft.vatValue.substr(2));
        // Buyers type VAT IDs as they like: "si 123 456 78" is as common as "SI12345678".
        if (std::string(country.code) == "SI" && chance(random, 30))
            draft.vatValue = "si " + draft.vatValue.substr(2, 3) + " " + draft.vatValue.substr(5, 3) + " " +
                             draft.vatValue.substr(8);
    }
    draft.otherRecipient = chance(random, 12);
    draft.recipientPlace = draft.otherRecipient ? &random.pick(country.places) : draft.place;
    draft.recipientHouse = draft.otherRecipient ? std::to_string(random.between(1, 120)) : draft.houseNumber;
    if (chance(random, 5)) draft.buyerNote = "Prosim, pokličite pred dostavo.";
}

void OrderComposer::decideLines(Draft& draft, DeterministicRandom& random) const {
    std::vector<const Product*> physical, digital;
    for (const Product& product : _catalog) (product.digital ? digital : physical).push_back(&product);
    draft.digitalOnly = chance(random, 6);
    const std::vector<const Product*>& range = draft.digitalOnly ? digital : physical;
    const long roll = random.between(0, 99);
    const long count = draft.digitalOnly ? 1 : roll < 50 ? 1 : roll < 80 ? 2 : roll < 95 ? 3 : 4;
    const long first = random.between(0, static_cast<long>(range.size()) - 1);
    for (long i = 0; i < count; ++i) {
        // Consecutive catalog entries, so one order never lists a product twice.
        Line line;
        line.product = range[static_cast<std::size_t>(first + i) % range.size()];
        if (!line.product->variants.empty()) line.variant = &random.pick(line.product->variants);
        std::string lineNo = std::to_string(i + 1);
        line.id = "00000000-0000-0000-0000-" + std::string(12 - lineNo.size(), '0') + lineNo;
        const long quantity = random.between(0, 99);
        line.quantity = draft.digitalOnly || quantity < 60 ? 1
                        : quantity < 90                    ? random.between(2, 3)
                                                           : random.between(4, 10);
        line.unitCents = line.product->priceCents + (line.variant ? line.variant->extraCents : 0);
        line.rateBp = draft.rate(line.product->rateClass);
        if (chance(random, 10)) {
            const bool big = chance(random, 40);
            line.ruleName = big ? "Akcija -20 %" : "Jesenska akcija -10 %";
            line.ruleId = random.guid();
            line.ruleDiscountCents = divideRounded(line.unitCents * line.quantity * (big ? 20 : 10), 100);
        }
        draft.lines.push_back(line);
    }
}

void OrderComposer::applyCoupon(Draft& draft, DeterministicRandom& random) {
    long base = 0;
    for (const Line& line : draft.lines) base += line.amount();
    if (base < 1000 || !chance(random, 12)) return;
    static const std::vector<std::pair<const char*, long>> kCoupons = {
        {"POLETJE10", 10}, {"DOBRODOSLI5", 5}, {"ZVESTOBA15", 15}, {"BON5", -500}};
    const auto& [code, value] = random.pick(kCoupons);
    draft.couponId = random.guid();
    draft.couponCode = code;
    draft.couponName = value > 0 ? std::to_string(value) + " % popusta" : "Bon 5 €";
    draft.couponCents = value > 0 ? divideRounded(base * value, 100) : -value;
    // Wix takes a GLOBAL coupon off the lines themselves (doc order 10108: the 5 % coupon of 10.81 is
    // the lines' totalDiscount 3.5 + 7.31), in proportion to their amounts; the cents lost to rounding
    // go to the largest remainders.
    long given = 0;
    std::vector<std::pair<long, std::size_t>> remainders;
    for (std::size_t i = 0; i < draft.lines.size(); ++i) {
        const long part = draft.couponCents * draft.lines[i].amount();
        draft.lines[i].couponShareCents = part / base;
        given += part / base;
        remainders.emplace_back(part % base, i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& left, const auto& right) { return left.first > right.first; });
    for (std::size_t k = 0; given < draft.couponCents; ++k, ++given)
        ++draft.lines[remainders[k % remainders.size()].second].couponShareCents;
}

void OrderComposer::decideShipping(Draft& draft, DeterministicRandom& random) {
    if (draft.digitalOnly) return;  // nothing to ship: Wix leaves shippingInfo out
    draft.hasShipping = true;
    long goods = 0;
    for (const Line& line : draft.lines) goods += line.amount();
    const bool home = std::string(draft.country->code) == "SI";
    if (home && chance(random, 6)) {
        draft.pickup = true;
        draft.shippingCode = "osebni-prevzem";
        draft.shippingTitle = "Osebni prevzem v trgovini";
        draft.deliveryTime = "Naslednji delovni dan";
    } else if (home) {
        const bool gls = chance(random, 25);
        draft.shippingCode = gls ? "gls" : "posta-slovenije";
        draft.shippingTitle = gls ? "Dostava GLS" : "Pošta Slovenije";
        draft.deliveryTime = "2-3 delovni dnevi";
        draft.shippingCents = goods >= kFreeShippingFromCents ? 0 : gls ? 450 : 390;
    } else {
        draft.shippingCode = "gls-eu";
        draft.shippingTitle = "GLS Europe";
        draft.deliveryTime = "3-5 delovnih dni";
        draft.shippingCents = 990;
    }
    draft.shippingRateBp = draft.rate(0);  // shipping follows the destination's standard rate
    if (draft.shippingCents > 0 && chance(random, 5)) {
        draft.shippingCouponId = random.guid();
        draft.shippingDiscount = draft.shippingCents;
    }
}

void OrderComposer::decideFees(Draft& draft, DeterministicRandom& random) {
    if (draft.method == PaymentMethod::CashOnDelivery && draft.hasShipping && !draft.pickup &&
        chance(random, 70))
        draft.fees.push_back({random.guid(), "cod-fee", "Plačilo po povzetju", 200, draft.rate(0), 0, 0, 0});
    if (!draft.digitalOnly && chance(random, 4))
        draft.fees.push_back({random.guid(), "gift-wrap", "Darilna embalaža", 250, draft.rate(0), 0, 0, 0});
}

void OrderComposer::computeTaxes(Draft& draft) {
    const bool inclusive = draft.inclusive();
    // Gross prices contain the tax; net prices get it added.
    const auto split = [inclusive](long amount, long rateBp, long& net, long& tax, long& gross) {
        tax = inclusive ? divideRounded(amount * rateBp, 10000 + rateBp)
                        : divideRounded(amount * rateBp, 10000);
        net = inclusive ? amount - tax : amount;
        gross = net + tax;
    };
    for (Line& line : draft.lines) {
        split(line.amount(), line.rateBp, line.net, line.tax, line.gross);
        draft.subtotal += line.unitCents * line.quantity;
        draft.discount += line.discount();
        draft.tax += line.tax;
        draft.total += line.gross;
    }
    split(draft.shippingCents - draft.shippingDiscount, draft.shippingRateBp, draft.shippingNet,
          draft.shippingTax, draft.shippingGross);
    draft.discount += draft.shippingDiscount;
    draft.tax += draft.shippingTax;
    draft.total += draft.shippingGross;
    for (Draft::Fee& fee : draft.fees) {
        split(fee.cents, fee.rateBp, fee.net, fee.tax, fee.gross);
        draft.fees_total += fee.cents;
        draft.tax += fee.tax;
        draft.total += fee.gross;
    }
}

void OrderComposer::decideMoneyFlow(Draft& draft) {
    const std::string& status = draft.paymentStatus;
    if (status == "PAID" || status == "PARTIALLY_REFUNDED" || status == "FULLY_REFUNDED")
        draft.paid = draft.total;
    if (status == "PARTIALLY_PAID") draft.paid = draft.total * 3 / 10;  // a first instalment by bank transfer
    if (status == "FULLY_REFUNDED") {
        draft.refunded = draft.total;
        for (Line& line : draft.lines) line.refundQuantity = line.quantity;
    }
    if (status == "PARTIALLY_REFUNDED") {
        // One returned line when there are several, else part of the money back (a goodwill refund).
        if (draft.lines.size() > 1 && draft.lines.back().gross > 0) {
            draft.refunded = draft.lines.back().gross;
            draft.lines.back().refundQuantity = draft.lines.back().quantity;
        } else {
            draft.refunded = std::max(1L, draft.total / 2);
        }
    }
}

void OrderComposer::decideDates(Draft& draft, DeterministicRandom& random) {
    const bool offline = PaymentMethodTraits::of(draft.method).offline;
    draft.createdMs = draft.placedAtMs
                          ? *draft.placedAtMs
                          : baseEpochMs() + static_cast<std::int64_t>(draft.index) * kOrderSpacingMs +
                                random.between(0, kOrderSpacingMs - 1);
    std::int64_t last = draft.createdMs;
    const std::string& status = draft.paymentStatus;
    if (draft.placedAtMs) {
        if (status == "PAID") draft.paidMs = draft.createdMs;
        draft.updatedMs = draft.createdMs;
        return;
    }
    if (status == "PENDING") last = draft.pendingMs = draft.createdMs + random.between(2, 30) * kSecondMs;
    if (draft.paid > 0)
        last = draft.paidMs = draft.createdMs + (offline ? random.between(1 * kHourMs, 72 * kHourMs)
                                                         : random.between(5 * kSecondMs, 120 * kSecondMs));
    if (draft.fulfillmentStatus != "NOT_FULFILLED")
        last = draft.fulfilledMs = last + random.between(2 * kHourMs, 48 * kHourMs);
    if (draft.status == "CANCELED")
        last = draft.canceledMs = last + random.between(1 * kHourMs, 48 * kHourMs);
    if (draft.refunded > 0)
        last = draft.refundedMs = last + (draft.status == "CANCELED" ? random.between(1, 60) * kSecondMs
                                                                     : random.between(kDayMs, 10 * kDayMs));
    // Wix moves updatedDate on any edit; archiving comes days later.
    draft.updatedMs =
        last + random.between(0, 5000) + (draft.archived ? random.between(kDayMs, 30 * kDayMs) : 0);
}

void OrderComposer::writeOrder(const Draft& draft, JsonWriter& out) const {
    const std::string& currency = draft.currency();
    out.beginObject();
    out.field("id", draft.orderId).field("number", draft.number);
    out.field("createdDate", isoDate(draft.createdMs)).field("updatedDate", isoDate(draft.updatedMs));
    out.key("lineItems").beginArray();
    for (const Line& line : draft.lines) writeLine(draft, line, out);
    out.endArray();
    out.key("buyerInfo").beginObject().field("contactId", draft.contactId).field("email", draft.email);
    out.field(draft.member ? "memberId" : "visitorId", draft.contactId).endObject();
    out.field("paymentStatus", draft.paymentStatus).field("fulfillmentStatus", draft.fulfillmentStatus);
    out.field("buyerLanguage", draft.country->language).field("weightUnit", "KG").field("currency", currency);
    out.field("taxIncludedInPrices", draft.inclusive()).field("siteLanguage", draft.site->language);
    writeSummaries(draft, out);
    out.key("billingInfo");
    writeParty(draft, false, out);
    if (draft.hasShipping) writeShipping(draft, out);
    if (!draft.buyerNote.empty()) out.field("buyerNote", draft.buyerNote);
    out.field("status", draft.status).field("archived", draft.archived);
    out.key("taxSummary").beginObject();
    money(out, "totalTax", draft.tax, currency);
    out.endObject();
    writeDiscounts(draft, out);
    writeActivities(draft, out);
    out.key("channelInfo").beginObject().field("type", draft.channel).endObject();
    out.field("seenByAHuman", draft.fulfillmentStatus != "NOT_FULFILLED" || draft.archived);
    out.field("checkoutId", draft.contactId.substr(0, 24) + draft.orderId.substr(24));
    if (!draft.vatValue.empty()) {
        out.key("customFields").beginArray().beginObject();
        out.field("value", draft.vatValue)
            .field("title", draft.vatTitle)
            .field("translatedTitle", draft.vatTitle);
        out.endObject().endArray();
    }
    out.key("balanceSummary").beginObject();
    money(out, "balance", draft.status == "CANCELED" ? 0 : draft.total - draft.paid, currency);
    money(out, "paid", draft.paid, currency);
    money(out, "refunded", draft.refunded, currency);
    out.endObject();
    writeFees(draft, out);
    if (draft.hasShipping) {
        out.key("recipientInfo");
        writeParty(draft, true, out);
    }
    out.field("purchasedDate", isoDate(draft.createdMs));
    out.endObject();
}

void OrderComposer::writeLine(const Draft& draft, const Line& line, JsonWriter& out) const {
    const std::string& currency = draft.currency();
    const Product& product = *line.product;
    out.beginObject().field("id", line.id);
    translated(out, "productName", product.name);
    out.key("catalogReference").beginObject().field("catalogItemId", product.id).field("appId", kStoresAppId);
    if (line.variant) out.key("options").beginObject().field("variantId", line.variant->id).endObject();
    out.endObject();
    out.field("quantity", line.quantity);
    money(out, "totalDiscount", line.discount(), currency);
    out.key("descriptionLines").beginArray();
    if (line.variant) {
        for (const auto& [name, value] : line.variant->options) {
            out.beginObject();
            translated(out, "name", name);
            translated(out, "plainText", value);
            out.field("lineType", "PLAIN_TEXT").endObject();
        }
    }
    out.endArray();
    // The variant's SKU when the product has variants (reference §12.4); either may be missing.
    const std::optional<std::string> sku =
        line.variant ? std::optional<std::string>(line.variant->sku) : product.sku;
    out.key("physicalProperties").beginObject();
    if (!product.digital) out.key("weight").raw(product.weight);
    if (sku) out.field("sku", *sku);
    out.field("shippable", !product.digital).endObject();
    out.key("itemType").beginObject().field("preset", product.digital ? "DIGITAL" : "PHYSICAL").endObject();
    out.field("refundQuantity", line.refundQuantity);
    money(out, "price", line.unitCents, currency);
    money(out, "priceBeforeDiscounts", line.unitCents, currency);
    money(out, "totalPriceBeforeTax", line.net, currency);
    money(out, "totalPriceAfterTax", line.gross, currency);
    out.field("paymentOption", "FULL_PAYMENT_ONLINE");
    taxDetails(out, line.net, line.rateBp, line.tax, currency);
    out.endObject();
}

void OrderComposer::writeParty(const Draft& draft, bool recipient, JsonWriter& out) {
    const Place& place = recipient ? *draft.recipientPlace : *draft.place;
    const std::string& house = recipient ? draft.recipientHouse : draft.houseNumber;
    out.beginObject().key("address").beginObject();
    out.field("country", draft.country->code);
    if (draft.subdivision) out.field("subdivision", place.subdivision);
    out.field("city", place.city).field("postalCode", place.postalCode);
    out.field("addressLine", std::string(place.street) + " " + house);
    out.key("streetAddress").beginObject().field("number", house).field("name", place.street).endObject();
    out.field("countryFullname", draft.country->fullName);
    if (draft.subdivision) out.field("subdivisionFullname", place.subdivisionName);
    out.endObject();
    out.key("contactDetails").beginObject();
    out.field("firstName", draft.person->firstName).field("lastName", draft.person->lastName);
    if (!draft.phone.empty()) out.field("phone", draft.phone);
    if (!draft.company.empty()) out.field("company", draft.company);
    out.endObject().endObject();
}

void OrderComposer::writeShipping(const Draft& draft, JsonWriter& out) {
    const std::string& currency = draft.currency();
    out.key("shippingInfo").beginObject();
    out.field("code", draft.shippingCode).field("title", draft.shippingTitle);
    out.key("logistics").beginObject().field("deliveryTime", draft.deliveryTime);
    if (draft.pickup) {
        out.key("pickupDetails").beginObject().key("address").beginObject();
        out.field("country", "SI")
            .field("city", draft.site->city)
            .field("postalCode", draft.site->postalCode);
        out.field("addressLine", draft.site->street).endObject();
        out.field("pickupMethod", "STORE_PICKUP").endObject();
    } else {
        out.key("shippingDestination");
        writeParty(draft, true, out);
    }
    out.endObject();
    out.key("region").beginObject().field("name", draft.country->fullName).endObject();
    out.key("cost").beginObject();
    money(out, "price", draft.shippingCents, currency);
    money(out, "totalPriceBeforeTax", draft.shippingNet, currency);
    money(out, "totalPriceAfterTax", draft.shippingGross, currency);
    taxDetails(out, draft.shippingNet, draft.shippingRateBp, draft.shippingTax, currency);
    money(out, "discount", draft.shippingDiscount, currency);
    out.endObject().endObject();
}

void OrderComposer::writeFees(const Draft& draft, JsonWriter& out) {
    const std::string& currency = draft.currency();
    out.key("additionalFees").beginArray();
    for (const Draft::Fee& fee : draft.fees) {
        out.beginObject().field("code", fee.code).field("name", fee.name);
        money(out, "price", fee.cents, currency);
        taxDetails(out, fee.net, fee.rateBp, fee.tax, currency);
        money(out, "priceBeforeTax", fee.net, currency);
        money(out, "priceAfterTax", fee.gross, currency);
        out.field("id", fee.id).key("lineItemIds").beginArray().endArray();
        // A fee an app adds names the app (AdditionalFee.providerAppId); ours is a stand-in app id.
        out.field("providerAppId", kFeeAppId).endObject();
    }
    out.endArray();
}

void OrderComposer::writeDiscounts(const Draft& draft, JsonWriter& out) {
    const std::string& currency = draft.currency();
    out.key("appliedDiscounts").beginArray();
    if (draft.couponCents > 0) {
        out.beginObject().field("discountType", "GLOBAL").key("lineItemIds").beginArray().endArray();
        out.key("coupon").beginObject().field("id", draft.couponId).field("code", draft.couponCode);
        out.field("name", draft.couponName);
        money(out, "amount", draft.couponCents, currency);
        out.endObject().endObject();
    }
    for (const Line& line : draft.lines) {
        if (line.ruleDiscountCents == 0) continue;
        out.beginObject().field("discountType", "SPECIFIC_ITEMS");
        out.key("lineItemIds").beginArray().value(line.id).endArray();
        out.key("discountRule").beginObject().field("id", line.ruleId);
        translated(out, "name", line.ruleName);
        money(out, "amount", line.ruleDiscountCents, currency);
        out.endObject().endObject();
    }
    if (draft.shippingDiscount > 0) {
        out.beginObject().field("discountType", "SHIPPING").key("lineItemIds").beginArray().endArray();
        out.key("coupon").beginObject().field("id", draft.shippingCouponId).field("code", "BREZPOSTNINE");
        out.field("name", "Brezplačna poštnina");
        money(out, "amount", draft.shippingDiscount, currency);
        out.endObject().endObject();
    }
    out.endArray();
}

void OrderComposer::writeSummaries(const Draft& draft, JsonWriter& out) {
    const std::string& currency = draft.currency();
    // subtotal is before discounts; discount covers lines, coupon and shipping; so
    // total = subtotal - discount + shipping + fees (+ tax when prices exclude it), to the cent.
    out.key("priceSummary").beginObject();
    money(out, "subtotal", draft.subtotal, currency);
    money(out, "shipping", draft.shippingCents, currency);
    money(out, "tax", draft.tax, currency);
    money(out, "discount", draft.discount, currency);
    money(out, "total", draft.total, currency);
    money(out, "totalAdditionalFees", draft.fees_total, currency);
    out.endObject();
}

void OrderComposer::writeActivities(const Draft& draft, JsonWriter& out) {
    std::vector<std::pair<std::int64_t, const char*>> activities;
    if (draft.status != "INITIALIZED") activities.emplace_back(draft.createdMs, "ORDER_PLACED");
    if (draft.pendingMs) activities.emplace_back(draft.pendingMs, "PAYMENT_PENDING");
    if (draft.paidMs)
        activities.emplace_back(
            draft.paidMs, draft.paymentStatus == "PARTIALLY_PAID" ? "ORDER_PARTIALLY_PAID" : "ORDER_PAID");
    if (draft.fulfilledMs) activities.emplace_back(draft.fulfilledMs, "ORDER_FULFILLED");
    if (draft.canceledMs) activities.emplace_back(draft.canceledMs, "ORDER_CANCELED");
    if (draft.refundedMs) activities.emplace_back(draft.refundedMs, "ORDER_REFUNDED");
    std::stable_sort(activities.begin(), activities.end(),
                     [](const auto& left, const auto& right) { return left.first < right.first; });
    out.key("activities").beginArray();
    for (const auto& [when, type] : activities)
        out.beginObject().field("createdDate", isoDate(when)).field("type", type).endObject();
    out.endArray();
}

}  // namespace wix_sandbox

#include "estore/host/invoicing/exchange_rates.h"

#include <Poco/DOM/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/Data/Statement.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/XMLReader.h>
#include <Poco/Timespan.h>

#include "estore/host/storage/database.h"
#include "estore/host/storage/transaction.h"

using namespace Poco::Data::Keywords;

namespace estore::host {

namespace {

/// "YYYY-MM-DD" that is a real calendar day.
bool isDay(const std::string& text) {
    Poco::DateTime parsed;
    int zone = 0;
    return text.size() == 10 && Poco::DateTimeParser::tryParse("%Y-%m-%d", text, parsed, zone) &&
           Poco::DateTimeFormatter::format(parsed, "%Y-%m-%d") == text;
}

/// Three capital letters (ISO 4217).
bool isCurrency(const std::string& text) {
    return text.size() == 3 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string daysBefore(const std::string& day, int days) {
    Poco::DateTime parsed;
    int zone = 0;
    Poco::DateTimeParser::parse("%Y-%m-%d", day, parsed, zone);
    parsed -= Poco::Timespan(days, 0, 0, 0, 0);
    return Poco::DateTimeFormatter::format(parsed, "%Y-%m-%d");
}

}  // namespace

EcbImport ExchangeRates::parseEcbXml(const std::string& xml) {
    EcbImport result;
    try {
        Poco::XML::DOMParser parser;
        // A rates file names no entities; one that does is refused rather than followed.
        parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
        parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
        Poco::AutoPtr<Poco::XML::Document> document = parser.parseString(xml);
        Poco::AutoPtr<Poco::XML::NodeList> cubes = document->getElementsByTagName("Cube");
        for (unsigned long i = 0; i < cubes->length(); ++i) {
            auto* day = dynamic_cast<Poco::XML::Element*>(cubes->item(i));
            if (!day || !day->hasAttribute("time")) continue;
            const std::string time = day->getAttribute("time");
            if (!isDay(time)) {
                result.error = "Cube time='" + time + "' is not a day (YYYY-MM-DD)";
                return result;
            }
            for (Poco::XML::Node* child = day->firstChild(); child; child = child->nextSibling()) {
                auto* cube = dynamic_cast<Poco::XML::Element*>(child);
                if (!cube || cube->localName() != "Cube") continue;
                const std::string currency = cube->getAttribute("currency");
                const auto rate = sdk::Decimal::parse(cube->getAttribute("rate"));
                if (!isCurrency(currency) || !rate || rate->isNegative() || rate->isZero()) {
                    result.error = "on " + time + ": currency='" + currency + "' rate='" +
                                   cube->getAttribute("rate") +
                                   "' is not a currency code with a positive rate";
                    result.rates.clear();
                    return result;
                }
                result.rates.push_back({time, currency, *rate});
            }
        }
    } catch (const Poco::Exception& e) {
        result.error = "not XML: " + e.displayText();
        result.rates.clear();
        return result;
    }
    if (result.rates.empty()) result.error = "no rates (Cube time=… with Cube currency=… rate=…) in it";
    return result;
}

void ExchangeRates::store(const std::vector<EcbRate>& rates) {
    Transaction tx(_db);
    const Poco::Int64 now = Database::nowMillis();
    for (const auto& r : rates) {
        std::string currency = r.currency, day = r.day, rate = r.rate.toString();
        Poco::Data::Statement update(_db.session());
        update << _db.sql(
            "UPDATE exchange_rates SET rate = ?, imported_at = ? WHERE currency = ? AND day = ?"),
            use(rate), bind(now), use(currency), use(day);
        if (update.execute() == 0)
            _db.session() << _db.sql(
                "INSERT INTO exchange_rates (currency, day, rate, imported_at) VALUES (?, ?, ?, ?)"),
                use(currency), use(day), use(rate), bind(now), Poco::Data::Keywords::now;
    }
    tx.commit();
}

std::optional<EcbRate> ExchangeRates::rateOn(const std::string& currency, const std::string& day) {
    if (!isDay(day)) return std::nullopt;
    std::string found, rate;
    std::string cur = currency, to = day, from = daysBefore(day, kMaxDaysBack);
    Poco::Data::Statement select(_db.session());
    select << _db.sql(
        "SELECT day, rate FROM exchange_rates WHERE currency = ? AND day <= ? AND day >= ? ORDER BY day DESC "
        "LIMIT 1"),
        use(cur), use(to), use(from), into(found), into(rate);
    if (select.execute() == 0 || found.empty()) return std::nullopt;
    const auto value = sdk::Decimal::parse(rate);
    if (!value) return std::nullopt;
    return EcbRate{found, currency, *value};
}

}  // namespace estore::host

#pragma once
// The euro reference rates of the European Central Bank (which the Bank of Slovenia publishes as its
// own), as the ECB publishes them: eurofxref-daily.xml, or eurofxref-hist.xml for every day since 1999.
// An invoice in another currency states its VAT in EUR at the rate of the day of supply: Council
// Directive 2006/112/EC Art. 91(2) lets a member state use the ECB's last published rate, and Slovenian
// law converts at the rate of the day the tax liability arises (the old ZDDV's Art. 23, racunovodstvo.net;
// the article number in ZDDV-1 was not confirmed here). The rate is "1 EUR = rate units of the currency".
#include <optional>
#include <string>
#include <vector>

#include "estore/sdk/decimal.h"

namespace estore::host {

class Database;

struct EcbRate {
    std::string day;       ///< "2025-03-14"
    std::string currency;  ///< "CHF"
    sdk::Decimal rate;     ///< units of the currency for 1 EUR
};

struct EcbImport {
    std::vector<EcbRate> rates;
    std::string error;  ///< why the file was refused as a whole; nothing of it is stored then
};

class ExchangeRates {
public:
    /// How far back a day's rate may come from: the ECB publishes none on weekends and TARGET holidays
    /// (Easter, 1 May, Christmas), so the rate of the day is the last one published before it.
    static constexpr int kMaxDaysBack = 7;

    explicit ExchangeRates(Database& db) : _db(db) {}

    /// The ECB's XML (gesmes:Envelope, Cube time=…, Cube currency=… rate=…): every rate in it, or why it
    /// is not such a file (not XML, no rates, a rate that is not a positive decimal, a day that is no date).
    static EcbImport parseEcbXml(const std::string& xml);

    /// Stores the rates (a rate already stored for a day is replaced); all or nothing.
    void store(const std::vector<EcbRate>& rates);

    /// The rate for `currency` on `day` ("YYYY-MM-DD"): that day's, else the last published within
    /// kMaxDaysBack days before it. nullopt when there is none: an invoice is never issued on a guess.
    std::optional<EcbRate> rateOn(const std::string& currency, const std::string& day);

private:
    Database& _db;
};

}  // namespace estore::host

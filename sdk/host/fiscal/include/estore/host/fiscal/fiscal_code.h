#pragma once
// The pure parts of FURS fiscal verification (davčno potrjevanje), as the FURS technical documentation
// defines them and python-furs-fiscal implements them:
//   ZOI input  = tax number + issue date-time "dd.MM.yyyy HH:mm:ss" + invoice (sequence) number + premise
//                + device + invoice amount "1245.56", concatenated without separators; ZOI is the MD5 hex of
//                its RSA-SHA256 signature (see FiscalSigner).
//   QR data    = the ZOI as a decimal, zero-padded to 39 digits + tax number (8 digits) + issue date-time
//                "yyMMddHHmmss" + one check digit (the sum of the 59 digits modulo 10): 60 digits.
// Issue times are Slovenian local time (Europe/Ljubljana), as printed on the invoice.
#include <cstdint>
#include <string>

#include "estore/sdk/decimal.h"

namespace estore::host {

struct LocalDateTime {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;

    /// "15.08.2015 10:13:32": the form inside the ZOI input.
    std::string zoiForm() const;
    /// "150815101332": the form inside the QR data.
    std::string qrForm() const;
    /// "2015-08-15T10:13:32": the form of FURS's IssueDateTime and of the stored invoice.
    std::string isoForm() const;
};

class FiscalCode {
public:
    /// Europe/Ljubljana wall-clock time of an instant: CET, or CEST from the last Sunday of March 01:00 UTC
    /// to the last Sunday of October 01:00 UTC (the EU rule; no tz database needed).
    static LocalDateTime ljubljanaTime(std::int64_t epochMillis);

    static std::string zoiInput(const std::string& taxNumber, const LocalDateTime& issued,
                                const std::string& invoiceNumber, const std::string& premise,
                                const std::string& device, const sdk::Decimal& amount);

    /// The 60-digit QR / Code128 / PDF417 data; empty if the ZOI is not 32 hex digits or the tax number
    /// not 8 digits.
    static std::string qrData(const std::string& zoiHex, const std::string& taxNumber,
                              const LocalDateTime& issued);

    /// A hex number (any length) as decimal digits, without leading zeros ("0" for zero).
    static std::string hexToDecimal(const std::string& hex);
    /// The sum of the digits modulo 10, as a digit character.
    static char checkDigit(const std::string& digits);
    static bool isTaxNumber(const std::string& text);
};

}  // namespace estore::host

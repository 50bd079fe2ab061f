#pragma once
// The business premises this host registered with FURS (BusinessPremiseRequest), so that `estore-host
// fiscal status` can say which ones FURS knows and since when. FURS itself stays the authority: an
// invoice from an unregistered premise is refused with S006.
#include <cstdint>
#include <string>
#include <vector>

namespace estore::host {

class Database;

struct FiscalPremiseRecord {
    std::string taxNumber;
    std::string premise;
    std::int64_t registeredAtMillis = 0;
    std::string validityDate;
    bool closed = false;
};

class FiscalPremises {
public:
    explicit FiscalPremises(Database& db) : _db(db) {}

    /// Records FURS's acceptance of a registration (or closing), replacing an earlier one.
    void record(const FiscalPremiseRecord& premise);
    std::vector<FiscalPremiseRecord> list();

private:
    Database& _db;
};

}  // namespace estore::host

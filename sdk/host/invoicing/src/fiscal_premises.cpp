#include "estore/host/invoicing/fiscal_premises.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include "estore/host/storage/database.h"
#include "estore/host/storage/transaction.h"

using namespace Poco::Data::Keywords;
using Poco::Int64;

namespace estore::host {

void FiscalPremises::record(const FiscalPremiseRecord& premise) {
    Transaction tx(_db);
    _db.session() << _db.sql("DELETE FROM fiscal_premises WHERE tax_number = ? AND premise = ?"),
        bind(premise.taxNumber), bind(premise.premise), now;
    _db.session() << _db.sql(
        "INSERT INTO fiscal_premises (tax_number, premise, registered_at, validity_date, closed, message) "
        "VALUES (?, ?, ?, ?, ?, '')"),
        bind(premise.taxNumber), bind(premise.premise), bind(Int64(premise.registeredAtMillis)),
        bind(premise.validityDate), bind(Int64(premise.closed ? 1 : 0)), now;
    tx.commit();
}

std::vector<FiscalPremiseRecord> FiscalPremises::list() {
    std::vector<Poco::Tuple<std::string, std::string, Int64, std::string, Int64>> rows;
    _db.session() << _db.sql(
        "SELECT tax_number, premise, registered_at, validity_date, closed FROM fiscal_premises "
        "ORDER BY tax_number, premise"),
        into(rows), now;
    std::vector<FiscalPremiseRecord> premises;
    for (const auto& r : rows)
        premises.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>() != 0});
    return premises;
}

}  // namespace estore::host

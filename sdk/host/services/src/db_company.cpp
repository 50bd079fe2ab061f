#include "estore/host/services/db_company.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include <iostream>

#include "estore/host/core/error_text.h"
#include "estore/host/storage/database.h"

using namespace Poco::Data::Keywords;

namespace estore::host {

std::vector<host_api::NamedCode> DbCompany::read(const std::string& table) {
    std::vector<host_api::NamedCode> result;
    try {
        std::vector<Poco::Tuple<std::string, std::string>> rows;
        _db.session() << "SELECT code, name FROM " + table + " ORDER BY code", into(rows), now;
        for (const auto& row : rows) result.push_back({row.get<0>(), row.get<1>()});
    } catch (const std::exception& e) {
        std::cerr << "estore-host: " << table << " could not be read: " << errorText(e) << "\n";
    }
    return result;
}

}  // namespace estore::host

#include "estore/host/storage/sequence.h"

#include <Poco/Data/Statement.h>

#include "estore/host/storage/database.h"
#include "estore/host/storage/transaction.h"

using namespace Poco::Data::Keywords;

namespace estore::host {

std::int64_t Sequence::next(Database& db, const std::string& name) {
    return reserve(db, name, 1);
}

std::int64_t Sequence::reserve(Database& db, const std::string& name, std::int64_t count) {
    Transaction tx(db);
    const Poco::Int64 step = count;
    // The UPDATE comes first so the row is locked before it is read.
    db.session() << db.sql("UPDATE sequences SET next_value = next_value + ? WHERE name = ?"), bind(step),
        bind(name), now;
    Poco::Int64 value = 0;
    db.session() << db.sql("SELECT next_value - ? FROM sequences WHERE name = ?"), bind(step), bind(name),
        into(value), now;
    tx.commit();
    return value;
}

std::int64_t Sequence::current(Database& db, const std::string& name) {
    Poco::Int64 value = 0;
    db.session() << db.sql("SELECT next_value FROM sequences WHERE name = ?"), bind(name), into(value), now;
    return value;
}

}  // namespace estore::host

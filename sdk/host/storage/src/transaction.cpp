#include "estore/host/storage/transaction.h"

#include "estore/host/storage/database.h"

namespace estore::host {

Transaction::Transaction(Database& db) : _db(db) {
    if (!_db.inTransaction()) {
        _db.begin();
        _owner = true;
    }
}

Transaction::~Transaction() {
    if (_owner && !_done && _db.inTransaction()) {
        try {
            _db.rollback();
        } catch (...) {
            // A destructor must not throw; the connection drops the transaction anyway.
        }
    }
}

void Transaction::commit() {
    if (_owner && !_done) _db.commit();
    _done = true;
}

void Transaction::rollback() {
    if (!_done && _db.inTransaction()) _db.rollback();
    _done = true;
}

}  // namespace estore::host

#pragma once
// A scope that commits explicitly and rolls back otherwise. Nested scopes join the outer transaction,
// so a host service called by the plugin during add-store writes into add-store's transaction.
namespace estore::host {

class Database;

class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();

    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    /// Commits if this scope opened the transaction; a joined scope leaves that to the outer one.
    void commit();
    /// Rolls back now (the outer transaction too, when joined: a failure anywhere spoils the whole).
    void rollback();

private:
    Database& _db;
    bool _owner = false;
    bool _done = false;
};

}  // namespace estore::host

#pragma once
// host_api::WarehouseStock over the stock table: what the plugin's stock push reads. Never throws into
// the plugin: an unknown warehouse is NotFound, a database failure Transient (the push tries again later).
#include <string>
#include <vector>

#include "estore/host_api/host_services.h"

namespace estore::host {

class Database;

class DbWarehouseStock final : public host_api::WarehouseStock {
public:
    explicit DbWarehouseStock(Database& db) : _db(db) {}

    host_api::Outcome levels(const std::string& warehouseCode,
                             std::vector<host_api::StockLevel>& out) override;

    /// "Warehouse X does not exist; the company's warehouses: …", for the plugin and the CLI alike.
    static host_api::Text unknownWarehouse(const std::string& warehouseCode,
                                           const std::vector<std::string>& known);

private:
    Database& _db;
};

}  // namespace estore::host

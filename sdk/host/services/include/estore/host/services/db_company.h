#pragma once
// host_api::Company over the warehouses and cost_centers tables (seeded when the database is created).
#include "estore/host_api/host_services.h"

namespace estore::host {

class Database;

class DbCompany final : public host_api::Company {
public:
    explicit DbCompany(Database& db) : _db(db) {}

    std::vector<host_api::NamedCode> warehouses() override { return read("warehouses"); }
    std::vector<host_api::NamedCode> costCenters() override { return read("cost_centers"); }

private:
    std::vector<host_api::NamedCode> read(const std::string& table);

    Database& _db;
};

}  // namespace estore::host

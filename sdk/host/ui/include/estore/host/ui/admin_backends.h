#pragma once
// The database connections the admin pages' threads use, each with its host services: a Poco session
// is never shared between threads, so a request borrows a connection of its own for as long as it runs.
// At most `size` are opened; a request finding all of them busy waits for one.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"

namespace estore::host {

class HostConfig;

class AdminBackends {
public:
    struct Backend {
        Backend(const std::string& location, HostConfig& config) : db(location), host(db, config) {}
        Database db;
        HostServiceSet host;
    };

    /// Returns its backend to the pool when it goes.
    class Lease {
    public:
        Lease(AdminBackends& pool, std::unique_ptr<Backend> backend)
            : _pool(pool), _backend(std::move(backend)) {}
        ~Lease() { _pool.giveBack(std::move(_backend)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        HostServiceSet& host() { return _backend->host; }

    private:
        AdminBackends& _pool;
        std::unique_ptr<Backend> _backend;
    };

    AdminBackends(std::string databaseLocation, HostConfig& config, std::size_t size);

    /// A connection for this request; opens one when fewer than `size` exist. Throws DatabaseError when
    /// the database cannot be opened.
    std::unique_ptr<Lease> borrow();

private:
    void giveBack(std::unique_ptr<Backend> backend);

    std::string _location;
    HostConfig& _config;
    std::size_t _size;
    std::size_t _opened = 0;
    std::mutex _mutex;
    std::condition_variable _returned;
    std::vector<std::unique_ptr<Backend>> _idle;
};

}  // namespace estore::host

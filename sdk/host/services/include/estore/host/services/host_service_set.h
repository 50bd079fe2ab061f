#pragma once
// The host's implementations of every service, over one database connection, bundled so that a plugin
// call gets a HostServices pointing at them. JobProgress is per run (see DbJobProgress), so it is null here.
#include "estore/host/config/host_config.h"
#include "estore/host/invoicing/auto_invoicer.h"
#include "estore/host/services/db_activity.h"
#include "estore/host/services/db_company.h"
#include "estore/host/services/db_sales_orders.h"
#include "estore/host/services/db_scheduler.h"
#include "estore/host/services/db_secrets.h"
#include "estore/host/services/db_state.h"
#include "estore/host/services/db_store_status.h"
#include "estore/host/services/system_clock.h"
#include "estore/host/stock/db_warehouse_stock.h"
#include "estore/host_api/host_services.h"

namespace estore::host {

class Database;

class HostServiceSet {
public:
    HostServiceSet(Database& db, HostConfig& config);

    HostServiceSet(const HostServiceSet&) = delete;
    HostServiceSet& operator=(const HostServiceSet&) = delete;

    host_api::HostServices& services() { return _services; }

    Database& database() { return _db; }
    DbScheduler& scheduler() { return _scheduler; }
    DbState& state() { return _state; }
    DbSecrets& secrets() { return _secrets; }
    SecretKeyring& keyring() { return _keyring; }
    DbActivity& activity() { return _activity; }
    DbCompany& company() { return _company; }
    DbSalesOrders& salesOrders() { return _salesOrders; }
    AutoInvoicer& invoicer() { return _invoicer; }
    DbStoreStatus& storeStatus() { return _storeStatus; }
    DbWarehouseStock& stock() { return _stock; }
    HostConfig& config() { return _config; }

private:
    Database& _db;
    HostConfig& _config;
    DbScheduler _scheduler;
    DbState _state;
    SecretKeyring _keyring;  ///< before _secrets, which holds it
    DbSecrets _secrets;
    DbActivity _activity;
    DbCompany _company;
    AutoInvoicer _invoicer;  // before _salesOrders, which calls it
    DbSalesOrders _salesOrders;
    DbStoreStatus _storeStatus;
    DbWarehouseStock _stock;
    SystemClock _clock;
    host_api::HostServices _services;
};

}  // namespace estore::host

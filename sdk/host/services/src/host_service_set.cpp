#include "estore/host/services/host_service_set.h"

namespace estore::host {

HostServiceSet::HostServiceSet(Database& db, HostConfig& config)
    : _db(db),
      _config(config),
      _scheduler(db, &config),
      _state(db),
      _keyring(SecretKeyring::load(config, db)),
      _secrets(db, _keyring),
      _activity(db, _secrets),
      _company(db),
      _invoicer(db, config, _activity),
      _salesOrders(db, &_invoicer),
      _storeStatus(db, _activity),
      _stock(db) {
    _services.scheduler = &_scheduler;
    _services.state = &_state;
    _services.secrets = &_secrets;
    _services.activity = &_activity;
    _services.config = &_config;
    _services.clock = &_clock;
    _services.company = &_company;
    _services.salesOrders = &_salesOrders;
    _services.storeStatus = &_storeStatus;
    _services.stock = &_stock;
}

}  // namespace estore::host

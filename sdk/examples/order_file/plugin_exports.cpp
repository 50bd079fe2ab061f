// The one place the plugin exports itself to the host.
#include "estore/sdk/export.h"
#include "order_file_store.h"

ESTORE_PLUGIN(order_file::OrderFileStore, "order_file")

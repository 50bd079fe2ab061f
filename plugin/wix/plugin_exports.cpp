// The one place the Wix plugin exports itself to the host.
#include "estore/sdk/export.h"
#include "wix_store.h"

ESTORE_PLUGIN(estore::wix::WixStore, "wix")

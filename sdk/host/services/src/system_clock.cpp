#include "estore/host/services/system_clock.h"

#include "estore/host/storage/database.h"

namespace estore::host {

std::int64_t SystemClock::nowEpochMillis() {
    return Database::nowMillis();
}

}  // namespace estore::host

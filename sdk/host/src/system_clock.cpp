#include "estore/host/system_clock.h"

#include "estore/host/database.h"

namespace estore::host {

std::int64_t SystemClock::nowEpochMillis() {
    return Database::nowMillis();
}

}  // namespace estore::host

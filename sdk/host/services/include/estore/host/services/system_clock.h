#pragma once
#include "estore/host_api/host_services.h"

namespace estore::host {

/// host_api::Clock on the system's wall clock.
class SystemClock final : public host_api::Clock {
public:
    std::int64_t nowEpochMillis() override;
};

}  // namespace estore::host

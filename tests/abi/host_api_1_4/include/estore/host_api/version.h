#pragma once
// The version of the host <-> plugin contract. A plugin exports the version it was built against
// (estore_api_version); the host refuses another major version or a newer minor version.
#include <cstdint>
#include <string>

namespace estore::host_api {

inline constexpr std::uint32_t kApiMajor = 1;
// 1.1: SalesOrders, StoreStatus and JobProgress services, the SalesOrder value type.
// 1.2: the WarehouseStock service (stock push); SalesOrder's payment and e-računi status fields
//      (auto-invoicing).
// 1.3: SalesOrder's payment parts (mixed payments, one line per method on the invoice).
// 1.4: SalesOrders::upsertPage (a page of orders in one transaction).
// New fields are only ever appended, by the rules in host_api/README.md ("Growing the contract").
inline constexpr std::uint32_t kApiMinor = 4;

struct ApiVersion {
    std::uint32_t major = 0;
    std::uint32_t minor = 0;

    /// Packs into one integer so it can cross the boundary as a plain value: major << 16 | minor.
    constexpr std::uint32_t packed() const { return (major << 16) | (minor & 0xFFFFu); }
    static constexpr ApiVersion unpack(std::uint32_t v) { return {v >> 16, v & 0xFFFFu}; }
    std::string toString() const { return std::to_string(major) + "." + std::to_string(minor); }
};

inline constexpr ApiVersion kApiVersion{kApiMajor, kApiMinor};

/// The interface name a plugin implements, versioned like a Qt IID.
inline constexpr const char* kInterfaceName = "ElectronicStore/1";

/// Stable alias names every plugin exports (see sdk/include/estore/sdk/export.h).
inline constexpr const char* kSymbolApiVersion = "estore_api_version";
inline constexpr const char* kSymbolPlatformId = "estore_platform_id";
inline constexpr const char* kSymbolCreate = "estore_create";
inline constexpr const char* kSymbolDestroy = "estore_destroy";

}  // namespace estore::host_api

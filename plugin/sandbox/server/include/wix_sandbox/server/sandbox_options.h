#pragma once

#include <optional>
#include <string>

#include "wix_sandbox/core/site_info.h"

namespace wix_sandbox {

struct SandboxOptions {
    std::string bindAddress = "127.0.0.1";
    unsigned short port = 0;  ///< 0 = ephemeral, see Sandbox::port()
    unsigned seed = 1;        ///< the generated shop depends on this alone
    std::string configFile;   ///< optional JSON with extra sites, keys and orders
    std::string tlsCertFile;  ///< PEM; with tlsKeyFile the server speaks HTTPS only
    std::string tlsKeyFile;
    int rateLimitPerMinute = 200;   ///< per site; 0 = off (reference §10)
    int rateLimitWindowMs = 60000;  ///< sliding window length; tests shorten it
    int maxThreads = 16;            ///< concurrent connections served
    int ordersPerSite = 3;          ///< APPROVED orders generated for the seeded site
    int catalogSkus = 0;            ///< >0: a generated catalog of that many SKUs on the default site
    std::optional<CatalogVersion> catalogVersion;  ///< the default site's catalog instead of the seeded one
};

}  // namespace wix_sandbox

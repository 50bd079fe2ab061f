#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "wix_sandbox/core/site_info.h"

namespace wix_sandbox {

class OrderComposer;

/// Everything a generated order is composed from: with the same composer, the same text every time.
struct OrderBlueprint {
    std::shared_ptr<const OrderComposer> composer;
    std::shared_ptr<const SiteInfo> site;  ///< the site as it was when the order was made
    std::string number;
    std::size_t index = 0;
    std::string status;
    std::uint64_t seed = 0;

    std::string render() const;
};

}  // namespace wix_sandbox

#pragma once
// What the connector knows of an order's tip (Wix Tips), handed from the Tips API call to the mapper.
#include <string>

#include "estore/host_api/outcome.h"

namespace estore::wix {

/// The Wix Tips app's id (the @wix/auto_sdk_ecom_tips package's types). A fee naming it as its
/// providerAppId is a tip without asking; a fee naming another app is that app's, not a tip.
inline constexpr const char* kWixTipsAppId = "869a50c8-dd38-4324-b201-e33dc0747a5f";

struct TipCheck {
    std::string tipId;       ///< the order's tip (its fee's code) as the Tips API named it; empty: none
    bool unchecked = false;  ///< the Tips API refused to answer (no permission): a fee may hide a tip
    host_api::Text why;      ///< that refusal, for the review flag
};

}  // namespace estore::wix

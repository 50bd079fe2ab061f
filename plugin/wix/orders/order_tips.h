#pragma once
// Wix Tips applies a tip to an eCom order as one additional fee whose `code` is the tip's id, and nothing
// on the fee itself says "tip" (https://dev.wix.com/docs/rest/business-solutions/e-commerce/tips/tips/
// introduction). The Tips API tells: GET https://www.wixapis.com/tips/v1/tips/order/{orderId} answers
// {"tip": {"id", "amount", "lineItemSubtotal", "distributions", "undistributedAmount"}} or 404
// TIP_NOT_FOUND (…/tips/tips/get-tip-by-order-id and its sample flows). Its permission is "Manage Wix
// Tips"; Wix Tips comes with Wix Bookings.
#include <optional>
#include <string>

#include "client/wix_client.h"
#include "estore/host_api/outcome.h"
#include "estore/sdk/json_document.h"
#include "orders/tip_check.h"

namespace estore::wix {

/// True when a fee of the order could be a tip that only the Tips API can tell apart: a fee that names
/// no app as its provider.
bool needsTipCheck(simdjson::dom::element order);

/// Asks the Tips API for the order's tip into `out`. No tip (404) or no Wix Tips on the site (428) is no
/// tip; a refusal that concerns the key's permissions leaves `out` unchecked. Wix busy, down or answering
/// nonsense returns the failure, which stops the page so that it is imported again on the next run.
std::optional<host_api::Outcome> checkTip(WixClient& client, const std::string& orderId, TipCheck& out);

}  // namespace estore::wix

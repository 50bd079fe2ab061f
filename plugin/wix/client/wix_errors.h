#pragma once
// Turns what Wix (or the network) answered into an outcome a user can act on: which field is wrong,
// why, and what to do, in Slovenian and English.
#include "estore/host_api/outcome.h"
#include "estore/sdk/http_client.h"

namespace estore::wix {

/// The Wix calls whose failures need their own wording (a 403 means a different missing permission in each).
enum class WixCall {
    SiteProperties,
    CatalogVersion,
    OrdersSearch,
    OrderGet,
    Transactions,
    InventoryRead,
    ProductsRead,  ///< Catalog V1 products query (the stock push's SKU map)
    InventoryWrite,
    Tips  ///< Wix Tips: the tip of an order
};

const char* callDescription(WixCall call);

/// The outcome of a call that did not deliver a 2xx answer; ok when it did.
host_api::Outcome outcomeFromHttp(const sdk::HttpResult& result, WixCall call);

/// A 2xx answer whose body is not the JSON Wix documents.
host_api::Outcome unexpectedBody(WixCall call, const sdk::HttpResult& result, const std::string& why);

/// Wix Stores is not installed on the site (provision/version or a 428 REQUIRED_APP_NOT_INSTALLED).
host_api::Outcome storesNotInstalled(const std::string& detail);

}  // namespace estore::wix

#pragma once

#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Object.h>

#include "wix_sandbox/core/cursor_codec.h"
#include "wix_sandbox/core/wix_endpoint.h"
#include "wix_sandbox/orders/order_filter.h"
#include "wix_sandbox/orders/order_ordering.h"
#include "wix_sandbox/orders/order_store.h"

namespace wix_sandbox {

/// POST /ecom/v1/orders/search (reference §9.1): filter, sort, cursor paging (limit 1..100, default
/// 100), INITIALIZED orders never returned, answer under `metadata`.
class OrdersSearchEndpoint : public WixEndpoint {
public:
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 100;

    explicit OrdersSearchEndpoint(const OrderStore& orders);

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

private:
    using Match = std::pair<OrderOrdering::Key, OrderStore::Ptr>;

    static Poco::JSON::Object::Ptr searchOf(const Poco::JSON::Object::Ptr& body);
    static Poco::JSON::Object::Ptr pagingOf(const Poco::JSON::Object::Ptr& search);
    static int limitOf(const Poco::JSON::Object::Ptr& paging);
    static CursorCodec::State stateOf(const Poco::JSON::Object::Ptr& search);
    /// Up to `wanted` matching orders in result order after the cursor position `after` (if any), read
    /// off the store's date index: O(log N + what the filter skips).
    std::vector<Match> indexedMatches(const std::string& siteId, const OrderFilter& filter,
                                      const OrderOrdering& ordering, const OrderOrdering::Key& after,
                                      std::size_t wanted) const;
    /// Every matching order in result order after `after`: the general case, sorted per request.
    static std::vector<Match> sortedMatches(const std::vector<OrderStore::Ptr>& records,
                                            const OrderFilter& filter, const OrderOrdering& ordering,
                                            const OrderOrdering::Key& after);
    /// The first `limit` matches, plus a cursor (carrying `state`) when more remain.
    static std::string render(const std::vector<Match>& matches, std::size_t limit, CursorCodec::State state);

    const OrderStore& _orders;
};

}  // namespace wix_sandbox

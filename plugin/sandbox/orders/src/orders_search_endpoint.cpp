#include "wix_sandbox/orders/orders_search_endpoint.h"

#include <algorithm>

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/wix_errors.h"
#include "wix_sandbox/core/wix_failure.h"
#include "wix_sandbox/orders/order_filter.h"
#include "wix_sandbox/orders/order_ordering.h"

namespace wix_sandbox {

namespace {

[[noreturn]] void reject(const std::string& field, const std::string& description, const std::string& rule) {
    throw WixFailure(WixErrors::validationError(field + " " + description, field, description, rule));
}

bool isObject(const Poco::Dynamic::Var& value) {
    return value.type() == typeid(Poco::JSON::Object::Ptr);
}

bool isArray(const Poco::Dynamic::Var& value) {
    return value.type() == typeid(Poco::JSON::Array::Ptr);
}

/// Present and not an empty object/array: a cursor may not come with one (§9.1).
bool given(const Poco::JSON::Object::Ptr& search, const std::string& key) {
    if (!search->has(key) || search->isNull(key)) return false;
    Poco::Dynamic::Var value = search->get(key);
    if (isObject(value)) return value.extract<Poco::JSON::Object::Ptr>()->size() > 0;
    if (isArray(value)) return value.extract<Poco::JSON::Array::Ptr>()->size() > 0;
    return true;
}

/// The member as JSON text, "" when absent; it must be an object (filter) or array (sort).
std::string memberText(const Poco::JSON::Object::Ptr& search, const std::string& key, bool wantObject) {
    if (!given(search, key)) return {};
    Poco::Dynamic::Var value = search->get(key);
    if (wantObject ? !isObject(value) : !isArray(value))
        reject("search." + key, wantObject ? "must be an object" : "must be an array", "TYPE");
    return JsonBody::stringify(value);
}

Poco::JSON::Array::Ptr parseArray(const std::string& text) {
    if (text.empty()) return nullptr;
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    return parser.parse(text).extract<Poco::JSON::Array::Ptr>();
}

Poco::JSON::Object::Ptr parseObject(const std::string& text) {
    return text.empty() ? nullptr : JsonBody::parseObjectStrict(text);
}

}  // namespace

OrdersSearchEndpoint::OrdersSearchEndpoint(const OrderStore& orders)
    : WixEndpoint(EndpointSpec{"POST",
                               "/ecom/v1/orders/search",
                               {"SCOPE.DC-STORES.READ-ORDERS", "SCOPE.DC-STORES.MANAGE-ORDERS"},
                               true,
                               std::nullopt}),
      _orders(orders) {}

HttpReply OrdersSearchEndpoint::handle(const WixRequest& request, const SiteInfo& site) {
    Poco::JSON::Object::Ptr search = searchOf(JsonBody::parseObject(request.body));
    const int limit = limitOf(pagingOf(search));
    CursorCodec::State state = stateOf(search);
    const OrderFilter filter(parseObject(state.filterJson));
    const OrderOrdering ordering(parseArray(state.sortJson));
    const std::optional<std::pair<std::string, bool>> single = ordering.singleField();
    const std::vector<Match> matches =
        single && OrderStore::indexed(single->first)
            ? indexedMatches(site.siteId, filter, ordering, state.after, static_cast<std::size_t>(limit) + 1)
            : sortedMatches(_orders.orders(site.siteId), filter, ordering, state.after);
    return HttpReply{200, render(matches, static_cast<std::size_t>(limit), state), "application/json", {}};
}

std::vector<OrdersSearchEndpoint::Match> OrdersSearchEndpoint::indexedMatches(const std::string& siteId,
                                                                              const OrderFilter& filter,
                                                                              const OrderOrdering& ordering,
                                                                              const OrderOrdering::Key& after,
                                                                              std::size_t wanted) const {
    std::vector<Match> matches;
    const std::pair<std::string, bool> sort = *ordering.singleField();
    _orders.walk(siteId, sort.first, sort.second, after, [&](const OrderStore::Ptr& order) {
        // INITIALIZED orders are never returned, whatever the filter says (§9.1).
        if (order->status == "INITIALIZED" || !filter.matches(*order)) return true;
        matches.emplace_back(ordering.keyOf(*order), order);
        return matches.size() < wanted;
    });
    return matches;
}

std::vector<OrdersSearchEndpoint::Match> OrdersSearchEndpoint::sortedMatches(
    const std::vector<OrderStore::Ptr>& records, const OrderFilter& filter, const OrderOrdering& ordering,
    const OrderOrdering::Key& after) {
    std::vector<Match> matches;
    for (const OrderStore::Ptr& order : records) {
        // INITIALIZED orders are never returned, whatever the filter says (§9.1).
        if (order->status == "INITIALIZED" || !filter.matches(*order)) continue;
        OrderOrdering::Key key = ordering.keyOf(*order);
        // A cursor resumes strictly after the last order it returned.
        if (!after.empty() && !ordering.before(after, key)) continue;
        matches.emplace_back(std::move(key), order);
    }
    std::sort(matches.begin(), matches.end(), [&](const Match& left, const Match& right) {
        return ordering.before(left.first, right.first);
    });
    return matches;
}

Poco::JSON::Object::Ptr OrdersSearchEndpoint::pagingOf(const Poco::JSON::Object::Ptr& search) {
    if (!given(search, "cursorPaging")) return nullptr;
    if (!isObject(search->get("cursorPaging"))) reject("search.cursorPaging", "must be an object", "TYPE");
    return search->getObject("cursorPaging");
}

Poco::JSON::Object::Ptr OrdersSearchEndpoint::searchOf(const Poco::JSON::Object::Ptr& body) {
    if (!body->has("search") || body->isNull("search")) return JsonBody::object();
    if (!isObject(body->get("search"))) reject("search", "must be an object", "TYPE");
    return body->getObject("search");
}

int OrdersSearchEndpoint::limitOf(const Poco::JSON::Object::Ptr& paging) {
    if (!paging || !paging->has("limit") || paging->isNull("limit")) return kDefaultLimit;
    int limit = 0;
    try {
        limit = paging->getValue<int>("limit");
    } catch (const Poco::Exception&) {
        reject("search.cursorPaging.limit", "must be an integer", "TYPE");
    }
    if (limit < 1) reject("search.cursorPaging.limit", "must be at least 1", "MIN");
    if (limit > kMaxLimit) reject("search.cursorPaging.limit", "must be at most 100", "MAX");
    return limit;
}

CursorCodec::State OrdersSearchEndpoint::stateOf(const Poco::JSON::Object::Ptr& search) {
    Poco::JSON::Object::Ptr paging = search->getObject("cursorPaging");
    std::string cursor = paging ? paging->optValue<std::string>("cursor", "") : "";
    if (cursor.empty())
        return CursorCodec::State{memberText(search, "filter", true), memberText(search, "sort", false), {}};
    if (given(search, "filter") || given(search, "sort"))
        reject("search.cursorPaging.cursor", "cannot be combined with filter or sort", "CURSOR_WITH_QUERY");
    return CursorCodec::decode(cursor);
}

std::string OrdersSearchEndpoint::render(const std::vector<Match>& matches, std::size_t limit,
                                         CursorCodec::State state) {
    const std::size_t count = std::min(limit, matches.size());
    const bool hasNext = matches.size() > count;
    std::string out = "{\"orders\":[";
    for (std::size_t i = 0; i < count; ++i) {
        if (i) out += ',';
        out += matches[i].second->jsonText();
    }
    Poco::JSON::Object::Ptr cursors = JsonBody::object();
    if (hasNext) {
        state.after = matches[count - 1].first;
        cursors->set("next", CursorCodec::encode(state));
    }
    Poco::JSON::Object::Ptr metadata = JsonBody::object();
    metadata->set("count", static_cast<int>(count));
    metadata->set("cursors", cursors);
    metadata->set("hasNext", hasNext);
    out += "],\"metadata\":" + JsonBody::stringify(metadata) + "}";
    return out;
}

}  // namespace wix_sandbox

#include "wix_sandbox/catalog/v1_query.h"

#include <algorithm>
#include <limits>

#include <Poco/JSON/Array.h>
#include <Poco/String.h>

#include "wix_sandbox/core/request_fields.h"

namespace wix_sandbox {

namespace {

const std::string kNumericId = "numericId";

}  // namespace

V1Query::Request V1Query::read(const Poco::JSON::Object::Ptr& query, const CatalogFilter::Allowed& allowed,
                               int maxLimit, int offsetCeiling) {
    Request request;
    request.filter = CatalogFilter::parse(RequestFields::encodedJson(query, "filter", "query.filter"),
                                          allowed, "query.filter");
    request.descending = readSort(query);
    Poco::JSON::Object::Ptr paging = RequestFields::object(query, "paging", "query.paging");
    request.limit = RequestFields::limit(paging, maxLimit, maxLimit, "query.paging.limit");
    if (RequestFields::has(paging, "offset")) {
        const std::int64_t offset = RequestFields::integer(paging->get("offset"), "query.paging.offset");
        if (offset < 0) RequestFields::reject("query.paging.offset", "must not be negative", "MIN");
        if (offset > std::numeric_limits<int>::max() - maxLimit)
            RequestFields::reject("query.paging.offset", "is too large", "MAX");
        request.offset = static_cast<int>(offset);
    }
    // Offset paging ends at 10,000 items (Pagination.md): deeper pages need the numericId crawl (§5).
    if (offsetCeiling > 0 && request.offset + request.limit > offsetCeiling)
        RequestFields::reject("query.paging.offset",
                              "offset + limit must not exceed " + std::to_string(offsetCeiling) +
                                  "; page with a numericId $gt filter sorted by numericId instead",
                              "MAX");
    return request;
}

bool V1Query::readSort(const Poco::JSON::Object::Ptr& query) {
    const Poco::Dynamic::Var sort = RequestFields::encodedJson(query, "sort", "query.sort");
    if (sort.isEmpty()) return false;
    if (!RequestFields::isArray(sort)) RequestFields::reject("query.sort", "must encode an array", "TYPE");
    bool descending = false;
    for (const Poco::Dynamic::Var& entry : *sort.extract<Poco::JSON::Array::Ptr>()) {
        if (!RequestFields::isObject(entry))
            RequestFields::reject("query.sort", "entries must be objects", "TYPE");
        for (const auto& [field, order] : *entry.extract<Poco::JSON::Object::Ptr>()) {
            if (field != kNumericId) RequestFields::reject("query.sort", "cannot sort by " + field, "SORT");
            const std::string direction = Poco::toLower(order.toString());
            if (direction != "asc" && direction != "desc")
                RequestFields::reject("query.sort", "order must be asc or desc", "SORT");
            descending = direction == "desc";
        }
    }
    return descending;
}

std::vector<std::size_t> V1Query::select(const SiteCatalog& catalog, const Request& request,
                                         const std::optional<std::vector<std::size_t>>& candidates,
                                         bool hiddenToo, const Values& values, std::size_t& total) {
    const auto [low, high] = request.filter.integerRange(kNumericId);
    const std::size_t begin = catalog.lowerBound(low);
    const std::size_t end =
        high == std::numeric_limits<std::int64_t>::max() ? catalog.productCount() : catalog.lowerBound(high);
    if (begin >= end) {
        total = 0;
        return {};
    }
    // The numericId crawl (a range and nothing else) is answered from the sorted index alone.
    if (!candidates && request.filter.onlyRangeOn(kNumericId))
        return walkRange(catalog, request, begin, end, hiddenToo, total);

    std::vector<std::size_t> matches;
    const auto consider = [&](std::size_t position) {
        const CatalogProduct& product = *catalog.product(position);
        if (!hiddenToo && !product.visible) return;
        if (request.filter.matches([&](const std::string& field, std::vector<std::string>& out) {
                values(product, field, out);
            }))
            matches.push_back(position);
    };
    if (candidates) {
        for (std::size_t position : *candidates)
            if (position >= begin && position < end) consider(position);
    } else {
        for (std::size_t position = begin; position < end; ++position) consider(position);
    }
    total = matches.size();
    if (request.descending) std::reverse(matches.begin(), matches.end());
    const std::size_t from = std::min(matches.size(), static_cast<std::size_t>(request.offset));
    const std::size_t to = std::min(matches.size(), from + static_cast<std::size_t>(request.limit));
    return std::vector<std::size_t>(matches.begin() + static_cast<std::ptrdiff_t>(from),
                                    matches.begin() + static_cast<std::ptrdiff_t>(to));
}

std::vector<std::size_t> V1Query::walkRange(const SiteCatalog& catalog, const Request& request,
                                            std::size_t begin, std::size_t end, bool hiddenToo,
                                            std::size_t& total) {
    total = hiddenToo ? end - begin : catalog.visibleBefore(end) - catalog.visibleBefore(begin);
    std::vector<std::size_t> page;
    std::size_t skip = static_cast<std::size_t>(request.offset);
    const auto take = [&](std::size_t position) {
        if (!hiddenToo && !catalog.product(position)->visible) return;
        if (skip > 0) {
            --skip;
            return;
        }
        page.push_back(position);
    };
    const auto full = [&] { return page.size() >= static_cast<std::size_t>(request.limit); };
    if (request.descending) {
        for (std::size_t position = end; position-- > begin && !full();) take(position);
    } else {
        for (std::size_t position = begin; position < end && !full(); ++position) take(position);
    }
    return page;
}

void V1Query::writeMetadata(JsonWriter& out, const Request& request, std::size_t total) {
    // metadata.items echoes the page size, not the count: Wix's examples show 100 with totalResults 2 (§7).
    out.key("metadata")
        .beginObject()
        .field("items", request.limit)
        .field("offset", request.offset)
        .endObject();
    out.field("totalResults", static_cast<long>(total));
}

}  // namespace wix_sandbox

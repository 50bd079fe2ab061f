#include "wix_sandbox/catalog/v3_paging.h"

#include <algorithm>

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "wix_sandbox/core/cursor_codec.h"
#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/request_fields.h"

namespace wix_sandbox {

namespace {

const std::string kCursorField = "query.cursorPaging.cursor";

bool nonEmpty(const Poco::JSON::Object::Ptr& query, const std::string& key) {
    if (!RequestFields::has(query, key)) return false;
    const Poco::Dynamic::Var value = query->get(key);
    if (RequestFields::isObject(value)) return value.extract<Poco::JSON::Object::Ptr>()->size() > 0;
    if (RequestFields::isArray(value)) return value.extract<Poco::JSON::Array::Ptr>()->size() > 0;
    return true;
}

}  // namespace

V3Paging::Request V3Paging::read(const Poco::JSON::Object::Ptr& query, int defaultLimit, int maxLimit) {
    Request request;
    Poco::JSON::Object::Ptr paging = RequestFields::object(query, "cursorPaging", "query.cursorPaging");
    request.limit = RequestFields::limit(paging, defaultLimit, maxLimit, "query.cursorPaging.limit");
    // Catalog order only: the sandbox does not sort (§6: sorts are often rejected).
    if (nonEmpty(query, "sort")) RequestFields::reject("query.sort", "is not supported", "SORT");
    Poco::JSON::Object::Ptr filter = RequestFields::object(query, "filter", "query.filter");
    const std::string cursor =
        RequestFields::has(paging, "cursor") ? RequestFields::text(paging->get("cursor"), kCursorField) : "";
    if (cursor.empty()) {
        if (filter) request.filter = filter;
        return request;
    }
    if (filter && filter->size() > 0)
        RequestFields::reject(kCursorField, "cannot be combined with filter or sort", "CURSOR_WITH_QUERY");
    const CursorCodec::State state = CursorCodec::decode(cursor);
    std::int64_t start = 0;
    std::int64_t limit = 0;
    if (state.after.size() != 2 || !Poco::NumberParser::tryParse64(state.after[0], start) || start < 0 ||
        !Poco::NumberParser::tryParse64(state.after[1], limit) || limit < 1 || limit > maxLimit)
        RequestFields::reject(kCursorField, "is not valid", "FORMAT");
    request.start = static_cast<std::size_t>(start);
    // A follow-up that sends the cursor alone keeps the first page's size.
    if (!RequestFields::has(paging, "limit")) request.limit = static_cast<int>(limit);
    if (!state.filterJson.empty()) request.filter = JsonBody::parseObject(state.filterJson);
    return request;
}

std::vector<std::size_t> V3Paging::select(const std::optional<std::vector<std::size_t>>& candidates,
                                          std::size_t end, const Request& request,
                                          const std::function<bool(std::size_t)>& accept,
                                          std::optional<std::size_t>& next) {
    std::vector<std::size_t> page;
    next.reset();
    const auto take = [&](std::size_t position) {
        if (!accept(position)) return true;
        if (page.size() == static_cast<std::size_t>(request.limit)) {
            next = page.back() + 1;  // one more matches: the next page starts after this one
            return false;
        }
        page.push_back(position);
        return true;
    };
    if (candidates) {
        auto from = std::lower_bound(candidates->begin(), candidates->end(), request.start);
        for (; from != candidates->end(); ++from)
            if (!take(*from)) break;
    } else {
        for (std::size_t position = request.start; position < end; ++position)
            if (!take(position)) break;
    }
    return page;
}

void V3Paging::writeMetadata(JsonWriter& out, std::size_t count, const Request& request,
                             const std::optional<std::size_t>& next) {
    out.key("pagingMetadata").beginObject().field("count", static_cast<long>(count));
    out.key("cursors").beginObject();
    if (next) {
        const std::string filterJson = request.filter.isEmpty() ? "" : JsonBody::stringify(request.filter);
        out.field("next", CursorCodec::encode(
                              {filterJson, "", {std::to_string(*next), std::to_string(request.limit)}}));
    }
    out.endObject().field("hasNext", next.has_value()).endObject();
}

}  // namespace wix_sandbox

#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include "wix_sandbox/core/json_writer.h"

namespace wix_sandbox {

/// Cursor paging of the Catalog V3 queries (reference §6, §8): `query.filter` is a real object, a first
/// page takes filter and `cursorPaging.limit`, a follow-up sends `cursorPaging.cursor` alone (with a
/// non-empty filter or sort → 400). Cursors carry the filter, the page size (a follow-up without a limit
/// keeps it) and the next catalog position, so pages are stable while stock changes.
class V3Paging {
public:
    struct Request {
        Poco::Dynamic::Var filter;  ///< empty = none
        std::size_t start = 0;      ///< first catalog position of the page
        int limit = 0;
    };

    static Request read(const Poco::JSON::Object::Ptr& query, int defaultLimit, int maxLimit);
    /// Up to `limit` positions from `start` on that `accept` passes, taken from `candidates` (ascending)
    /// or, without them, from [start, end). `next` is the position after the page when more match.
    static std::vector<std::size_t> select(const std::optional<std::vector<std::size_t>>& candidates,
                                           std::size_t end, const Request& request,
                                           const std::function<bool(std::size_t)>& accept,
                                           std::optional<std::size_t>& next);
    /// "pagingMetadata":{"count","cursors":{"next"?},"hasNext"} as a member of the open object.
    static void writeMetadata(JsonWriter& out, std::size_t count, const Request& request,
                              const std::optional<std::size_t>& next);
};

}  // namespace wix_sandbox

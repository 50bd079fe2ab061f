#pragma once
// Every paging loop ends: a loop remembers each cursor it followed, and a cursor it has seen before
// (Wix returning the same page again, or pages that cycle) stops the job with a clear error instead of
// paging, and renewing the job's lease, forever. Seen against a stand-in Wix that ignored the V1
// products query's numericId filter.
#include <string>
#include <unordered_set>

#include "client/wix_errors.h"

namespace estore::wix {

class PagingGuard {
public:
    explicit PagingGuard(WixCall call) : _call(call) {}

    /// True the first time `cursor` is followed; false (and `stuck` set) when it was followed before.
    bool follow(const std::string& cursor, host_api::Outcome& stuck);

private:
    WixCall _call;
    std::unordered_set<std::string> _followed;
};

}  // namespace estore::wix

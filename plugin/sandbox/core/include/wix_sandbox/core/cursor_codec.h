#pragma once

#include <string>
#include <vector>

namespace wix_sandbox {

/// Search cursors. Like Wix's they are opaque and carry the filter and sort (a follow-up request sends
/// the cursor alone, §9.1); they point after the last returned item rather than at an offset, so new or
/// updated orders do not shift later pages.
class CursorCodec {
public:
    struct State {
        std::string filterJson;          ///< "" = no filter
        std::string sortJson;            ///< "" = default sort
        std::vector<std::string> after;  ///< sort key of the last item returned
    };

    static std::string encode(const State& state);
    /// Throws WixFailure (400) for anything this codec did not produce.
    static State decode(const std::string& cursor);
};

}  // namespace wix_sandbox

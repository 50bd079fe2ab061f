#pragma once
// The Wix Site ID ("metaSiteId") as users paste it: a bare GUID, or a dashboard URL that carries one.
#include <string>
#include <string_view>

namespace estore::wix {

enum class SiteIdProblem {
    None,
    Empty,
    TooLong,
    NotText,      ///< control characters or non-ASCII where a GUID or URL is expected
    NotWixUrl,    ///< a URL on a host that is not Wix
    AccountPage,  ///< a Wix account page, which names no site
    NoSiteInUrl,  ///< a Wix URL without a /dashboard/<id> segment or metaSiteId parameter
    NotGuid,      ///< the candidate is not a GUID
};

struct SiteIdParse {
    std::string siteId;  ///< lower-case GUID when problem is None
    SiteIdProblem problem = SiteIdProblem::None;

    bool ok() const { return problem == SiteIdProblem::None; }
};

/// Accepts "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" in any case, or a Wix URL such as
/// https://manage.wix.com/dashboard/<siteId>/home (scheme optional, any route, query and fragment), or a
/// Wix URL carrying ?metaSiteId=<siteId> (the editor's). Everything else is refused with a reason.
SiteIdParse parseSiteId(std::string_view input);

bool isGuid(std::string_view text);

}  // namespace estore::wix

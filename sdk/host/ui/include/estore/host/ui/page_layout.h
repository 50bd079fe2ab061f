#pragma once
// The frame of every admin page: the head (one style sheet, one script, nothing from elsewhere), the
// navigation with the signed-in user, sign-out and the language switch, then the page's own body.
#include <string>

namespace estore::host {

class AdminRequest;

class PageLayout {
public:
    /// `title` is plain text (escaped here); `body` is HTML the page built with escaped texts.
    static std::string render(const AdminRequest& request, const std::string& title, const std::string& body);
    /// A hidden _csrf field with the session's token, for every form that posts.
    static std::string csrfField(const AdminRequest& request);
};

}  // namespace estore::host

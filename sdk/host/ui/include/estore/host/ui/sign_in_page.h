#pragma once
// Signing in and out of the admin pages. The sign-in form carries a token that must match a cookie set
// with the form (so another site cannot sign a browser in); a wrong name or password gets one answer
// for both, and from the fifth failure in a row the user is locked for a while (UiUsers).
#include <string>

namespace estore::host {

class AdminRequest;

class SignInPage {
public:
    static void show(AdminRequest& request);
    static void submit(AdminRequest& request);
    static void signOut(AdminRequest& request);

    static constexpr const char* kSessionCookie = "estore_session";
    static constexpr const char* kSignInCookie = "estore_signin";

private:
    static void form(AdminRequest& request, int status, const std::string& alert, const std::string& name);
};

}  // namespace estore::host

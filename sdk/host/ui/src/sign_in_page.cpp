#include "estore/host/ui/sign_in_page.h"

#include <Poco/DigestEngine.h>

#include "estore/host/core/formats.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/ui/admin_request.h"
#include "estore/host/ui/ui_sessions.h"
#include "estore/host/ui/ui_users.h"
#include "estore/host/webhooks/webhook_token.h"

namespace estore::host {

namespace {

bool sameToken(const std::string& a, const std::string& b) {
    return !a.empty() && a.size() == b.size() &&
           Poco::DigestEngine::constantTimeEquals(Poco::DigestEngine::Digest(a.begin(), a.end()),
                                                  Poco::DigestEngine::Digest(b.begin(), b.end()));
}

}  // namespace

void SignInPage::form(AdminRequest& request, int status, const std::string& alert, const std::string& name) {
    // The browser's token stays while it has one: another tab's (or the favicon's) sign-in page must not
    // replace the cookie a form already on the screen was made for.
    std::string token = request.cookie(kSignInCookie);
    if (token.size() != 64 || token.find_first_not_of("0123456789abcdef") != std::string::npos) {
        token = WebhookToken::generate();
        request.setCookie(kSignInCookie, token);
    }
    std::string body = "<div class=\"card signin\">";
    if (!alert.empty()) body += "<div class=\"alert\" role=\"alert\" id=\"signin-error\">" + alert + "</div>";
    body +=
        "<form method=\"post\" action=\"/signin\">"
        "<input type=\"hidden\" name=\"_signin\" value=\"" +
        token + "\"><input type=\"hidden\" name=\"next\" value=\"" +
        Html::escape(Html::localPath(request.field("next", "/"))) +
        "\"><div class=\"field\"><label for=\"name\">" + request.t({"Uporabnik", "User"}) +
        "</label><input type=\"text\" id=\"name\" name=\"name\" autocomplete=\"username\" required value=\"" +
        Html::escape(name) + "\"></div><div class=\"field\"><label for=\"password\">" +
        request.t({"Geslo", "Password"}) +
        "</label><input type=\"password\" id=\"password\" name=\"password\" "
        "autocomplete=\"current-password\" "
        "required></div><button class=\"primary\" type=\"submit\" id=\"signin\">" +
        request.t({"Prijava", "Sign in"}) + "</button></form></div>";
    request.sendPage(status, request.lang().pick({"Prijava", "Sign in"}), body);
}

void SignInPage::show(AdminRequest& request) {
    form(request, 200, "", "");
}

void SignInPage::submit(AdminRequest& request) {
    if (!sameToken(request.field("_signin"), request.cookie(kSignInCookie))) {
        form(request, 403,
             request.t({"Obrazec je potekel ali ni bil poslan s te strani. Poskusite znova.",
                        "The form expired or was not sent from this page. Please try again."}),
             "");
        return;
    }
    const std::string name = request.field("name");
    const std::int64_t now = Database::nowMillis();
    UiUsers users(request.host().database());
    const SignInResult result = users.signIn(name, request.field("password"), now);
    if (result.status == SignInResult::Status::Locked) {
        form(request, 429,
             request.t({"Preveč napačnih poskusov. Prijava bo spet mogoča ob " +
                            Formats::localTime(result.lockedUntil) + ".",
                        "Too many failed attempts. You can sign in again at " +
                            Formats::localTime(result.lockedUntil) + "."}),
             name);
        return;
    }
    if (!result.ok()) {
        form(request, 401,
             request.t({"Napačno ime ali geslo.", "Wrong user name or password."}) +
                 (result.lockedUntil > 0 ? " " + request.t({"Prijava je zaklenjena do " +
                                                                Formats::localTime(result.lockedUntil) + ".",
                                                            "Signing in is locked until " +
                                                                Formats::localTime(result.lockedUntil) + "."})
                                         : ""),
             name);
        return;
    }
    const UiSession session = UiSessions(request.host().database()).open(name, now);
    request.setCookie(kSessionCookie, session.token);
    request.setCookie(kSignInCookie, "", 0);
    request.redirect(request.field("next", "/"));
}

void SignInPage::signOut(AdminRequest& request) {
    UiSessions(request.host().database()).close(request.cookie(kSessionCookie));
    request.setCookie(kSessionCookie, "", 0);
    request.redirect("/signin");
}

}  // namespace estore::host

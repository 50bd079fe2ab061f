#include "estore/host/ui/add_store_page.h"

#include <algorithm>

#include "estore/host/core/formats.h"
#include "estore/host/enrollment/settings_builder.h"
#include "estore/host/enrollment/store_enrollment.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/ui/admin_plugins.h"
#include "estore/host/ui/admin_request.h"
#include "estore/host/ui/page_layout.h"
#include "estore/host/ui/store_pages.h"

namespace estore::host {

namespace {

const host_api::Text kTitle{"Dodaj elektronsko trgovino", "Add electronic store"};

bool inForm(const std::vector<host_api::FieldSpec>& fields, const std::string& id) {
    return std::any_of(fields.begin(), fields.end(), [&](const host_api::FieldSpec& f) {
        return f.id == id && f.kind != host_api::FieldKind::Action;
    });
}

void add(FieldMessages& messages, const std::string& field, const host_api::Text& message) {
    auto& list = messages[field];
    const bool seen = std::any_of(list.begin(), list.end(), [&](const host_api::Text& m) {
        return m.sl == message.sl && m.en == message.en;
    });
    if (!seen) list.push_back(message);
}

}  // namespace

FieldMessages AddStorePage::messagesOf(const EnrollmentResult& result,
                                       const std::vector<host_api::FieldSpec>& fields) {
    FieldMessages messages;
    for (const auto& error : result.fieldErrors)
        add(messages, inForm(fields, error.field) ? error.field : "", error.message);
    const host_api::Outcome& outcome = result.outcome;
    if (!outcome.ok()) {
        host_api::Text message = outcome.message;
        if (outcome.retryAfterSeconds > 0) {
            message.sl += " Poskusite znova čez " + std::to_string(outcome.retryAfterSeconds) + " s.";
            message.en += " Try again in " + std::to_string(outcome.retryAfterSeconds) + " s.";
        }
        add(messages, inForm(fields, outcome.field) ? outcome.field : "", message);
    }
    return messages;
}

void AddStorePage::menu(AdminRequest& request) {
    std::string body =
        "<p>" + request.t({"Izberite platformo spletne trgovine.", "Choose the online store's platform."}) +
        "</p><div class=\"platforms\" id=\"platforms\">";
    for (const auto& manifest : request.plugins().platforms())
        body += "<a href=\"/stores/new?platform=" + Html::escape(Html::urlEncode(manifest.id)) +
                "\" id=\"platform-" + Html::escape(manifest.id) + "\"><strong>" + request.t(manifest.name) +
                "</strong>" + request.t(manifest.description) + "</a>";
    body += "</div>";
    request.sendPage(200, request.lang().pick(kTitle), body);
}

void AddStorePage::form(AdminRequest& request, int status, const std::string& platformId,
                        const host_api::Settings& values, const FieldMessages& errors) {
    std::string loadError;
    const auto plugin = request.plugins().open(platformId, loadError);
    if (!plugin) {
        request.refuse(404, {"Vtičnika za platformo '" + platformId + "' ni mogoče naložiti: " + loadError,
                             "Cannot load the plugin for platform '" + platformId + "': " + loadError});
        return;
    }
    const auto& fields = plugin->manifest->descriptor.fields;
    std::string body = SettingsForm::refusal(request, errors,
                                             {"Trgovine ni bilo mogoče dodati; nič ni shranjeno.",
                                              "The store could not be added; nothing was stored."});
    body += "<p class=\"muted\">" + request.t(plugin->manifest->description) + "</p>";
    body += "<form method=\"post\" action=\"/stores/new\" id=\"store-form\" class=\"card\">" +
            PageLayout::csrfField(request) + "<input type=\"hidden\" name=\"platform\" value=\"" +
            Html::escape(platformId) + "\">" +
            SettingsForm::fields(request, fields, values, errors, request.host().company()) +
            "<button class=\"primary\" type=\"submit\" id=\"submit\">" +
            request.t({"Preveri in dodaj", "Check and add"}) + "</button></form>";
    request.sendPage(status,
                     request.lang().pick(kTitle) + " · " + request.lang().pick(plugin->manifest->name), body);
}

void AddStorePage::show(AdminRequest& request) {
    const std::string platformId = request.field("platform");
    if (platformId.empty()) {
        menu(request);
        return;
    }
    std::string loadError;
    const auto plugin = request.plugins().open(platformId, loadError);
    const host_api::Settings defaults =
        plugin ? SettingsBuilder(plugin->manifest->descriptor.fields, Formats::today()).settings()
               : host_api::Settings{};
    form(request, 200, platformId, defaults, {});
}

void AddStorePage::submit(AdminRequest& request) {
    const std::string platformId = request.field("platform");
    std::string loadError;
    const auto plugin = request.plugins().open(platformId, loadError);
    if (!plugin) {
        form(request, 404, platformId, {}, {});
        return;
    }
    const auto& fields = plugin->manifest->descriptor.fields;
    SettingsBuilder builder(fields, Formats::today());
    const host_api::Settings typed = SettingsForm::read(request, fields, builder);
    host_api::Settings shown = builder.settings();  // defaults where nothing was typed
    for (const auto& [key, value] : typed) shown[key] = value;

    FieldMessages errors;
    for (const auto& missing : builder.missingRequired())
        add(errors, missing.id,
            {"Obvezno polje: vpišite ali izberite vrednost.", "Required: enter or choose a value."});
    if (!errors.empty()) {
        form(request, 422, platformId, shown, errors);
        return;
    }
    StoreEnrollment enrollment(request.host());
    const EnrollmentResult result =
        enrollment.enroll(*plugin->store, platformId, fields, builder.settings(), builder.secrets());
    if (!result.ok()) {
        form(request, 422, platformId, shown, messagesOf(result, fields));
        return;
    }
    request.redirect(StorePages::path(result.store.id) + "?added=1");
}

}  // namespace estore::host

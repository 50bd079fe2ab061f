#include "estore/host/ui/store_settings_page.h"

#include "estore/host/core/formats.h"
#include "estore/host/enrollment/settings_builder.h"
#include "estore/host/enrollment/store_enrollment.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/ui/add_store_page.h"
#include "estore/host/ui/admin_plugins.h"
#include "estore/host/ui/admin_request.h"
#include "estore/host/ui/page_layout.h"
#include "estore/host/ui/settings_form.h"
#include "estore/host/ui/store_pages.h"

namespace estore::host {

namespace {

struct Editing {
    StoreRecord store;
    host_api::ElectronicStore* plugin = nullptr;
    const std::vector<host_api::FieldSpec>* fields = nullptr;
};

/// The store and its platform's plugin; answers 404 itself when either is missing.
std::optional<Editing> editing(AdminRequest& request, const std::string& storeId) {
    auto store = StoreRepository(request.host().database()).find(storeId);
    if (!store) {
        request.refuse(404, {"Trgovine " + storeId + " ni.", "There is no store " + storeId + "."});
        return std::nullopt;
    }
    std::string error;
    const auto plugin = request.plugins().open(store->platform, error);
    if (!plugin) {
        request.refuse(503, {"Vtičnika za platformo '" + store->platform + "' ni mogoče naložiti: " + error,
                             "Cannot load the plugin for platform '" + store->platform + "': " + error});
        return std::nullopt;
    }
    return Editing{*store, plugin->store, &plugin->manifest->descriptor.fields};
}

void form(AdminRequest& request, int status, const Editing& edit, const host_api::Settings& values,
          const FieldMessages& errors) {
    std::vector<std::string> secretsSet;
    for (const auto& field : *edit.fields)
        if (isSecretField(field) && request.host().secrets().read(edit.store.id, field.id))
            secretsSet.push_back(field.id);
    std::string body = SettingsForm::refusal(
        request, errors,
        {"Nastavitve niso shranjene; nič ni spremenjeno.", "The settings were not saved; nothing changed."});
    const std::string path = StorePages::path(edit.store.id);
    body +=
        "<form method=\"post\" action=\"" + Html::escape(path) +
        "/settings\" id=\"store-form\" class=\"card\">" + PageLayout::csrfField(request) +
        SettingsForm::fields(request, *edit.fields, values, errors, request.host().company(), secretsSet) +
        "<button class=\"primary\" type=\"submit\" id=\"submit\">" +
        request.t({"Preveri in shrani", "Check and save"}) + "</button> <a href=\"" + Html::escape(path) +
        "\">" + request.t({"Prekliči", "Cancel"}) + "</a></form>";
    request.sendPage(status, request.lang().pick({"Nastavitve", "Settings"}) + " · " + edit.store.id, body);
}

}  // namespace

void StoreSettingsPage::show(AdminRequest& request, const std::string& storeId) {
    if (auto edit = editing(request, storeId)) form(request, 200, *edit, edit->store.settings, {});
}

void StoreSettingsPage::submit(AdminRequest& request, const std::string& storeId) {
    auto edit = editing(request, storeId);
    if (!edit) return;
    SettingsBuilder builder(*edit->fields, Formats::today());
    const host_api::Settings typed = SettingsForm::read(request, *edit->fields, builder, true);
    host_api::Settings changes;
    for (const auto& field : *edit->fields)
        if (auto it = builder.settings().find(field.id);
            it != builder.settings().end() && typed.count(field.id))
            changes[field.id] = it->second;
    host_api::Settings shown = edit->store.settings;
    for (const auto& [key, value] : typed) shown[key] = value;
    StoreEnrollment enrollment(request.host());
    const EnrollmentResult result =
        enrollment.reconfigure(*edit->plugin, edit->store, *edit->fields, changes, builder.secrets());
    if (!result.ok()) {
        form(request, 422, *edit, shown, AddStorePage::messagesOf(result, *edit->fields));
        return;
    }
    request.redirect(StorePages::path(storeId) + "?saved=1");
}

}  // namespace estore::host

#pragma once
// "Dodaj elektronsko trgovino": the platform menu (from the manifests, no plugin code loaded), then the
// platform's form. Submitting runs the same enrollment as `estore-host add-store`: the plugin's local and
// live checks, then the store, its secrets and its jobs in one transaction. A refusal shows each error
// next to its field, in the user's language, and keeps what was typed (secrets excepted); nothing is
// stored. Success goes to the new store's page.
#include <string>

#include "estore/host/ui/settings_form.h"

namespace estore::host {

class AdminRequest;
struct EnrollmentResult;

class AddStorePage {
public:
    static void show(AdminRequest& request);
    static void submit(AdminRequest& request);

    /// The result's errors by field; those of no field in the form under "".
    static FieldMessages messagesOf(const EnrollmentResult& result,
                                    const std::vector<host_api::FieldSpec>& fields);

private:
    static void menu(AdminRequest& request);
    static void form(AdminRequest& request, int status, const std::string& platformId,
                     const host_api::Settings& values, const FieldMessages& errors);
};

}  // namespace estore::host

#pragma once
// Changing a store's settings: the same form as the dialog, filled with what is stored (secrets only as
// set, left empty to keep them), validated live the same way (estore-host configure); on success the
// store is active again with its jobs, on a refusal nothing changes and each error is by its field.
#include <string>

namespace estore::host {

class AdminRequest;

class StoreSettingsPage {
public:
    static void show(AdminRequest& request, const std::string& storeId);
    static void submit(AdminRequest& request, const std::string& storeId);
};

}  // namespace estore::host

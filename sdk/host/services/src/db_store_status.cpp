#include "estore/host/services/db_store_status.h"

#include <iostream>

#include "estore/host/core/error_text.h"
#include "estore/host/services/db_activity.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/storage/transaction.h"

namespace estore::host {

void DbStoreStatus::credentialsNeedAttention(const std::string& storeId, const host_api::Outcome& cause) {
    needsAttention(storeId, cause);
}

void DbStoreStatus::needsAttention(const std::string& storeId, const host_api::Outcome& cause) {
    try {
        Transaction tx(_db);
        // Logged once per cause: the plugin and the runner may both report the same failure.
        if (StoreRepository(_db).setNeedsAttention(storeId, cause)) {
            const host_api::Text todo = remedy(storeId, host_api::categoryName(cause.category));
            _activity.record(
                storeId, host_api::ActivityLevel::Error, "store.needs_attention",
                {"Trgovina potrebuje pozornost, opravila so ustavljena: " + cause.message.sl + " " + todo.sl,
                 "The store needs attention; its jobs are paused: " + cause.message.en + " " + todo.en},
                "cause=" + cause.code + "; " + cause.detail);
        }
        tx.commit();
    } catch (const std::exception& e) {
        std::cerr << "estore-host: status of " << storeId << " not recorded (" << cause.code
                  << "): " << errorText(e) << "\n";
    }
}

host_api::Text DbStoreStatus::remedy(const std::string& storeId, const std::string& category) {
    const std::string command = "estore-host configure " + storeId;
    if (category == "auth")
        return {"Ustvarite nov API ključ v skrbništvu trgovine in ga vnesite: " + command +
                    " --set api_key=NOV_KLJUČ",
                "Create a new API key in the shop's administration and enter it: " + command +
                    " --set api_key=NEW_KEY"};
    if (category == "permission")
        return {
            "Ključu v skrbništvu trgovine dodelite manjkajoča dovoljenja (ali vnesite drug ključ), nato: " +
                command,
            "Give the key the missing permissions in the shop's administration (or enter another key), "
            "then: " +
                command};
    return {"Popravite nastavitve: " + command + " --set ključ=vrednost",
            "Correct the settings: " + command + " --set key=value"};
}

}  // namespace estore::host

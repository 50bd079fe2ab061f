#include "client/paging_guard.h"

namespace estore::wix {

bool PagingGuard::follow(const std::string& cursor, host_api::Outcome& stuck) {
    if (_followed.insert(cursor).second) return true;
    stuck = host_api::Outcome::failure(
        host_api::ErrorCategory::Transient, "wix.paging_stuck",
        {"Wix je vrnil stran, ki jo je že poslal, zato je opravilo ustavljeno, namesto da bi se vrtelo v "
         "nedogled. Ponovno bo poskušeno ob naslednjem zagonu; če se ponavlja, obvestite podporo.",
         "Wix returned a page it had already sent, so the job stopped instead of paging forever. It will "
         "be tried again on its next run; if it keeps happening, contact support."},
        std::string(callDescription(_call)) + ": the cursor '" + cursor.substr(0, 80) + "' came back");
    stuck.retryAfterSeconds = 600;
    return false;
}

}  // namespace estore::wix

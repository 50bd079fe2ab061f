#pragma once
// A store's records page by page, as the database hands them out (a store with 100,000 orders reads one
// page): its imported orders (searchable by number, with their review flags), its invoices and credit
// notes, its activity log by level, and one invoice as the buyer gets it, with its ZOI, EOR and the QR code
// drawn as an image.
#include <cstdint>
#include <string>
#include <vector>

#include "estore/host/services/db_activity.h"

namespace estore::host {

class AdminRequest;

class RecordPages {
public:
    static constexpr int kPageSize = 50;

    static void orders(AdminRequest& request, const std::string& storeId);
    static void invoices(AdminRequest& request, const std::string& storeId);
    /// The store's activity log, newest first, of one level or all.
    static void activity(AdminRequest& request, const std::string& storeId);
    /// Activity entries as a table, in the order given.
    static std::string activityTable(AdminRequest& request, const std::vector<ActivityEntry>& entries);
    /// GET /invoices/<number>
    static void invoice(AdminRequest& request, const std::string& number);
    /// GET /invoices/<number>/qr.svg: the code data as FURS wants it printed (404 for a non-fiscal one).
    static void invoiceQr(AdminRequest& request, const std::string& number);

private:
    /// "Stran 2 od 7" with links to the previous and next pages; `queryTail` ("&q=…") is kept in them.
    static std::string pager(AdminRequest& request, const std::string& path, const std::string& queryTail,
                             std::int64_t page, std::int64_t total);
    static std::int64_t pageNumber(AdminRequest& request);
};

}  // namespace estore::host

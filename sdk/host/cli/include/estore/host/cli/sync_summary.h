#pragma once
// The closing line `estore-host sync` prints for a push job (stock.push), from the counts the plugin
// reported: what was sent to the shop, what was already right, what the shop has no product for, what
// failed. Jobs that count other things (orders.import) get no such line.
#include <cstdint>
#include <map>
#include <string>

#include "estore/host/core/language.h"

namespace estore::host {

class SyncSummary {
public:
    /// "Preneseno: 1.200, nespremenjeno: 3, brez para: 2, neuspešno: 0" ("Pushed: 1.200, unchanged: 3,
    /// unmatched: 2, failed: 0" in English) when the counts have "pushed"; empty otherwise. A missing count
    /// of the four shows as 0.
    static std::string pushLine(const std::map<std::string, std::int64_t>& counts, const Language& language);
};

}  // namespace estore::host

// libFuzzer target: the intake journal reader (what a restart reads back from a killed process's journal)
// must never crash, hang or leak on any bytes, must account for every byte as a record or as damage, and
// must read back exactly what it would write for the records it found.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "estore/host/webhooks/webhook_journal_record.h"

using estore::host::WebhookJournalRecord;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto decoded = WebhookJournalRecord::decodeAll(bytes);
    std::string again;
    for (const auto& row : decoded.rows) again += WebhookJournalRecord::encode(row);
    if (again.size() + decoded.damagedBytes != size) std::abort();
    const auto twice = WebhookJournalRecord::decodeAll(again);
    if (twice.damagedBytes != 0 || twice.rows.size() != decoded.rows.size()) std::abort();
    for (std::size_t i = 0; i < twice.rows.size(); ++i)
        if (twice.rows[i].body != decoded.rows[i].body || twice.rows[i].id != decoded.rows[i].id)
            std::abort();
    return 0;
}

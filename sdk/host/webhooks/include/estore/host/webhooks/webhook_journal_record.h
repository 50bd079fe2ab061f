#pragma once
// One accepted webhook request as the intake journal keeps it: its inbox row, under the inbox id it will
// have. A frame is  magic | payload length | CRC-32 of the payload | payload,  so a
// reader can tell a whole record from a torn one (a write cut short by a crash or a full disk) and
// find the next whole record after damage.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "estore/host/webhooks/webhook_inbox.h"

namespace estore::host {

class WebhookJournalRecord {
public:
    /// The largest payload a frame may have; a length above it is damage, not a record.
    static constexpr std::uint32_t kMaxPayload = 64u << 20;

    /// The record as one frame, ready for a single write().
    static std::string encode(const InboxRow& row);

    struct Decoded {
        std::vector<InboxRow> rows;
        std::size_t damagedBytes = 0;  ///< bytes skipped because no whole record started there
    };
    /// Every whole record in `bytes`, in order. Bytes that do not start a whole frame (a torn write, a
    /// damaged block) are skipped up to the next whole frame and counted.
    static Decoded decodeAll(std::string_view bytes);
};

}  // namespace estore::host

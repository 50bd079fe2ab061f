// libFuzzer target: the webhook payload reader must never crash, hang or leak on any input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "webhooks/webhook_payload.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    estore::wix::readOrderReference("application/json", body);
    estore::wix::readOrderReference("application/x-www-form-urlencoded", body);
    estore::wix::readOrderReference("text/plain", body);
    return 0;
}

// libFuzzer target: the manifest reader (the host reads every plugin folder's manifest.json before it
// loads any code). Never a crash on any bytes; a refused manifest says where and why; an accepted one
// has an id and fields and jobs with ids.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "estore/sdk/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto read = estore::sdk::ManifestReader::parse(text, "/nonexistent");
    if (!read.ok()) {
        if (read.errors.empty()) std::abort();
        for (const auto& error : read.errors)
            if (error.message.empty()) std::abort();
        return 0;
    }
    if (read.manifest->id.empty()) std::abort();
    for (const auto& field : read.manifest->descriptor.fields)
        if (field.id.empty()) std::abort();
    for (const auto& job : read.manifest->descriptor.jobs)
        if (job.id.empty()) std::abort();
    return 0;
}

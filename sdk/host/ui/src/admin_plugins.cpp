#include "estore/host/ui/admin_plugins.h"

namespace estore::host {

std::vector<sdk::Manifest> AdminPlugins::platforms() const {
    std::vector<sdk::Manifest> manifests;
    for (const auto& found : _registry.discover())
        if (found.manifest.ok()) manifests.push_back(*found.manifest.manifest);
    return manifests;
}

std::optional<AdminPlugins::Open> AdminPlugins::open(const std::string& platformId, std::string& error) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (auto failure = _registry.open(platformId)) {
        error = failure->message;
        return std::nullopt;
    }
    // The registry's entries stay where they are once made, so the references outlive the lock.
    return Open{&_registry.store(platformId), &_registry.manifest(platformId)};
}

}  // namespace estore::host

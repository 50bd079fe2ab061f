#pragma once
// The admin pages' only style sheet and script, served from /static/: the pages load nothing from
// elsewhere (they work offline) and carry no inline script, so the Content-Security-Policy can forbid it.
#include <optional>
#include <string>

namespace estore::host {

struct AdminAsset {
    const char* contentType;
    const char* body;
};

class AdminAssets {
public:
    /// The asset at a path under /static/ ("app.css", "app.js"); nullopt when there is none.
    static std::optional<AdminAsset> find(const std::string& name);
};

}  // namespace estore::host

#include "estore/host/cli/platforms_command.h"

#include <Poco/JSON/Array.h>

#include <ostream>

#include "estore/host/cli/command_context.h"
#include "estore/host/core/formats.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/plugins/plugin_registry.h"
#include "estore/sdk/plugin_loader.h"

namespace estore::host {

namespace {

struct PlatformEntry {
    std::string manifestPath;
    std::optional<sdk::Manifest> manifest;
    std::string error;  ///< why it cannot be used; empty when usable
};

std::vector<PlatformEntry> readMenu(const std::filesystem::path& dir) {
    const sdk::PluginLoader loader;
    std::vector<PlatformEntry> entries;
    for (const auto& found : loader.discover(dir)) {
        PlatformEntry entry;
        entry.manifestPath = found.manifestPath.string();
        if (!found.manifest.ok()) {
            entry.error = found.manifest.errorText();
        } else {
            entry.manifest = found.manifest.manifest;
            // Host-API range and the like: still without loading any code.
            if (auto problem = loader.checkManifest(found.manifestPath, nullptr))
                entry.error = problem->message;
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

Poco::JSON::Object::Ptr toJson(const PlatformEntry& entry) {
    auto object = JsonCodec::newObject();
    if (entry.manifest) {
        object->set("id", entry.manifest->id);
        object->set("name", JsonCodec::fromText(entry.manifest->name));
        object->set("description", JsonCodec::fromText(entry.manifest->description));
        object->set("version", entry.manifest->version);
        object->set("interface", entry.manifest->interfaceName);
    }
    object->set("manifest", entry.manifestPath);
    object->set("usable", entry.error.empty());
    object->set("error", entry.error.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(entry.error));
    return object;
}

}  // namespace

int PlatformsCommand::run(CommandContext& ctx) {
    if (!ctx.args().empty())
        return ctx.usage({"platforms ne sprejme argumentov", "platforms takes no arguments"});
    const auto dir = ctx.pluginDir();
    const auto entries = readMenu(dir);

    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("plugin_dir", dir.string());
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& entry : entries) list->add(toJson(entry));
        root->set("platforms", list);
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }

    ctx.out() << ctx.t({"Platforme v ", "Platforms in "}) << dir.string() << "\n";
    if (entries.empty()) {
        ctx.out() << ctx.t({"  (ni vtičnikov)", "  (no plugins found)"}) << "\n";
        return kExitOk;
    }
    std::vector<std::vector<std::string>> rows = {
        {"ID", ctx.t({"Ime", "Name"}), ctx.t({"Različica", "Version"}), ctx.t({"Stanje", "Status"})}};
    for (const auto& e : entries) {
        const std::string id = e.manifest ? e.manifest->id : "?";
        const std::string name = e.manifest ? ctx.t(e.manifest->name) : e.manifestPath;
        rows.push_back({id, name, e.manifest ? e.manifest->version : "",
                        e.error.empty() ? "OK" : ctx.t({"napaka", "error"})});
    }
    ctx.out() << Formats::table(rows);
    for (const auto& e : entries)
        if (!e.error.empty()) ctx.out() << "  " << e.manifestPath << ": " << e.error << "\n";
    return kExitOk;
}

}  // namespace estore::host

#include "estore/host/cli/config_command.h"

#include <Poco/Environment.h>
#include <Poco/Path.h>
#include <Poco/String.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/JSONConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <Poco/Util/XMLConfiguration.h>

#include <map>
#include <set>

#include "estore/host/cli/command_context.h"
#include "estore/host/config/config_keys.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/plugins/plugin_registry.h"

namespace estore::host {

namespace {

using Poco::Util::AbstractConfiguration;

struct Found {
    std::string value;
    std::string origin;    ///< the file, or "environment VARIABLE" (as --json reports it)
    std::string variable;  ///< the environment variable it came from; empty when from a file
};

/// A configuration file read on its own, by its extension as Poco::Util::Application reads it.
Poco::AutoPtr<AbstractConfiguration> readFile(const std::string& path) {
    const std::string extension = Poco::toLower(Poco::Path(path).getExtension());
    if (extension == "ini") return new Poco::Util::IniFileConfiguration(path);
    if (extension == "json") return new Poco::Util::JSONConfiguration(path);
    if (extension == "xml") return new Poco::Util::XMLConfiguration(path);
    return new Poco::Util::PropertyFileConfiguration(path);
}

/// Every key with a value, "host.job_interval.orders.import" whole.
void collect(const AbstractConfiguration& config, const std::string& prefix, std::vector<std::string>& into) {
    AbstractConfiguration::Keys children;
    config.keys(prefix, children);
    if (!prefix.empty() && config.hasProperty(prefix) &&
        (children.empty() || !config.getString(prefix).empty()))
        into.push_back(prefix);
    for (const auto& child : children) collect(config, prefix.empty() ? child : prefix + "." + child, into);
}

bool isSecret(const std::string& key) {
    const ConfigKey* known = ConfigKeys::find(key);
    if (known) return known->secret;
    const std::string lower = Poco::toLower(key);
    return lower.find("password") != std::string::npos || lower.find("secret") != std::string::npos ||
           lower.find("api_key") != std::string::npos || lower.find("token") != std::string::npos;
}

std::string shown(const std::string& key, const std::string& value) {
    return isSecret(key) && !value.empty() ? "********" : value;
}

std::string namespaceOf(const std::string& key) {
    return key.substr(0, key.find('.'));
}

}  // namespace

int ConfigCommand::run(CommandContext& ctx) {
    if (ctx.args().size() != 1 || ctx.args()[0] != "check") return ctx.usageLine("config check [--json]");
    // Values by key, the first file (the one that wins) first.
    std::map<std::string, Found> values;
    std::vector<std::pair<std::string, std::string>> unknown;  // key, file
    std::set<std::string> platforms;
    for (const auto& plugin : ctx.plugins().discover())
        if (plugin.manifest.manifest) platforms.insert(plugin.manifest.manifest->id);
    for (const auto& file : ctx.options().configFiles) {
        std::vector<std::string> keys;
        try {
            collect(*readFile(file), "", keys);
        } catch (const std::exception& e) {
            ctx.err() << ctx.t({"Datoteke " + file + " ni mogoče brati: ", "Cannot read " + file + ": "})
                      << e.what() << "\n";
            return kExitFailure;
        }
        Poco::AutoPtr<AbstractConfiguration> config = readFile(file);
        for (const auto& key : keys) {
            if (!ConfigKeys::find(key) && !platforms.count(namespaceOf(key))) unknown.emplace_back(key, file);
            if (!values.count(key)) values[key] = {config->getString(key), file, ""};
        }
    }
    for (const auto& [variable, key] :
         {std::pair<const char*, const char*>{"WIX_API_BASE_URL", "wix.api_base_url"},
          {"WIX_CA_FILE", "wix.ca_file"}})
        if (Poco::Environment::has(variable))
            values[key] = {Poco::Environment::get(variable), std::string("environment ") + variable,
                           variable};

    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("ok", unknown.empty());
        Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
        for (const auto& file : ctx.options().configFiles) files->add(file);
        root->set("files", files);
        Poco::JSON::Array::Ptr keys = new Poco::JSON::Array;
        for (const auto& known : ConfigKeys::known()) {
            if (known.key.back() == '*') continue;
            auto entry = JsonCodec::newObject();
            const auto found = values.find(known.key);
            entry->set("key", known.key);
            entry->set("value",
                       found == values.end() ? known.defaultValue : shown(known.key, found->second.value));
            entry->set("origin", found == values.end() ? (known.defaultValue.empty() ? "unset" : "default")
                                                       : found->second.origin);
            keys->add(entry);
        }
        for (const auto& [key, found] : values) {
            const ConfigKey* known = ConfigKeys::find(key);
            if (known && known->key.back() != '*') continue;
            auto entry = JsonCodec::newObject();
            entry->set("key", key);
            entry->set("value", shown(key, found.value));
            entry->set("origin", found.origin);
            if (!known && platforms.count(namespaceOf(key))) entry->set("plugin", namespaceOf(key));
            keys->add(entry);
        }
        root->set("keys", keys);
        Poco::JSON::Array::Ptr refused = new Poco::JSON::Array;
        for (const auto& [key, file] : unknown) {
            auto entry = JsonCodec::newObject();
            entry->set("key", key);
            entry->set("file", file);
            const auto nearest = ConfigKeys::nearest(key);
            entry->set("nearest", nearest ? *nearest : "");
            refused->add(entry);
        }
        root->set("unknown", refused);
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return unknown.empty() ? kExitOk : kExitValidation;
    }
    auto& out = ctx.out();
    // The origin as a person reads it: --json keeps "environment VARIABLE" in English, as data.
    const auto originOf = [&ctx](const Found& found) {
        return found.variable.empty() ? found.origin
                                      : ctx.t({"spremenljivka okolja ", "environment "}) + found.variable;
    };
    out << ctx.t({"Datoteke:", "Files:"});
    if (ctx.options().configFiles.empty()) out << ctx.t({" (nobene)", " (none)"});
    for (const auto& file : ctx.options().configFiles) out << " " << file;
    out << "\n";
    for (const auto& known : ConfigKeys::known()) {
        if (known.key.back() == '*') continue;
        const auto found = values.find(known.key);
        out << "  " << known.key << " = "
            << (found == values.end() ? known.defaultValue : shown(known.key, found->second.value)) << "   ("
            << (found == values.end()
                    ? ctx.t(known.defaultValue.empty() ? host_api::Text{"ni nastavljeno", "unset"}
                                                       : host_api::Text{"privzeto", "default"})
                    : originOf(found->second))
            << ")\n";
    }
    for (const auto& [key, found] : values) {
        const ConfigKey* known = ConfigKeys::find(key);
        if (known && known->key.back() != '*') continue;
        if (!known && !platforms.count(namespaceOf(key))) continue;
        out << "  " << key << " = " << shown(key, found.value) << "   (" << originOf(found)
            << (known ? "" : ctx.t({"; vtičnik ", "; plugin "}) + namespaceOf(key)) << ")\n";
    }
    for (const auto& [key, file] : unknown) {
        const auto nearest = ConfigKeys::nearest(key);
        ctx.err() << "estore-host: " << ctx.t({"neznan ključ '", "unknown key '"}) << key << "' (" << file
                  << ")";
        if (nearest) ctx.err() << ctx.t({"; ste mislili ", "; did you mean "}) << *nearest << "?";
        ctx.err() << "\n";
    }
    return unknown.empty() ? kExitOk : kExitValidation;
}

}  // namespace estore::host

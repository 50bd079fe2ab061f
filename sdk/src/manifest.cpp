#include "estore/sdk/manifest.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <regex>
#include <sstream>

namespace estore::sdk {

using host_api::FieldKind;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

/// Collects problems with their JSON paths so one read reports all of them.
class Checker {
public:
    std::vector<ManifestError> errors;

    void fail(const std::string& path, const std::string& message) { errors.push_back({path, message}); }

    std::string string(const Object::Ptr& obj, const std::string& key, const std::string& path,
                       bool required) {
        if (!obj->has(key)) {
            if (required) fail(join(path, key), "required key is missing");
            return {};
        }
        const auto& value = obj->get(key);
        if (!value.isString()) {
            fail(join(path, key), "must be a string");
            return {};
        }
        return value.extract<std::string>();
    }

    host_api::Text text(const Object::Ptr& obj, const std::string& key, const std::string& path,
                        bool required) {
        host_api::Text t;
        Object::Ptr inner = object(obj, key, path, required);
        if (!inner) return t;
        t.sl = string(inner, "sl", join(path, key), true);
        t.en = string(inner, "en", join(path, key), true);
        return t;
    }

    Object::Ptr object(const Object::Ptr& obj, const std::string& key, const std::string& path,
                       bool required) {
        if (!obj->has(key)) {
            if (required) fail(join(path, key), "required object is missing");
            return nullptr;
        }
        Object::Ptr inner = obj->getObject(key);
        if (!inner) fail(join(path, key), "must be an object");
        return inner;
    }

    Array::Ptr array(const Object::Ptr& obj, const std::string& key, const std::string& path, bool required) {
        if (!obj->has(key)) {
            if (required) fail(join(path, key), "required array is missing");
            return nullptr;
        }
        Array::Ptr inner = obj->getArray(key);
        if (!inner) fail(join(path, key), "must be an array");
        return inner;
    }

    bool boolean(const Object::Ptr& obj, const std::string& key, const std::string& path) {
        if (!obj->has(key)) return false;
        const auto& value = obj->get(key);
        if (!value.isBoolean()) {
            fail(join(path, key), "must be true or false");
            return false;
        }
        return value.extract<bool>();
    }

    host_api::ApiVersion apiVersion(const Object::Ptr& obj, const std::string& key, const std::string& path) {
        std::string s = string(obj, key, path, true);
        static const std::regex pattern(R"(^(\d{1,5})\.(\d{1,5})$)");
        std::smatch m;
        if (s.empty()) return {};
        if (!std::regex_match(s, m, pattern)) {
            fail(join(path, key), "must be MAJOR.MINOR, got '" + s + "'");
            return {};
        }
        return {static_cast<std::uint32_t>(std::stoul(m[1])), static_cast<std::uint32_t>(std::stoul(m[2]))};
    }

    static std::string join(const std::string& path, const std::string& key) {
        return path.empty() ? key : path + "." + key;
    }
    static std::string index(const std::string& path, std::size_t i) {
        return path + "[" + std::to_string(i) + "]";
    }
};

void readFields(Checker& c, const Object::Ptr& root, Manifest& m) {
    Array::Ptr fields = c.array(root, "fields", "", true);
    if (!fields) return;
    static const std::regex idPattern("^[a-z][a-z0-9_]*$");
    for (std::size_t i = 0; i < fields->size(); ++i) {
        std::string path = Checker::index("fields", i);
        Object::Ptr f = fields->getObject(static_cast<unsigned>(i));
        if (!f) {
            c.fail(path, "must be an object");
            continue;
        }
        host_api::FieldSpec spec;
        spec.id = c.string(f, "id", path, true);
        if (!spec.id.empty() && !std::regex_match(spec.id, idPattern))
            c.fail(path + ".id", "must be lower_snake_case, got '" + spec.id + "'");
        for (const auto& other : m.descriptor.fields)
            if (!spec.id.empty() && other.id == spec.id)
                c.fail(path + ".id", "duplicate field id '" + spec.id + "'");
        std::string kind = c.string(f, "kind", path, true);
        bool known = true;
        spec.kind = fieldKindFromString(kind, known);
        if (!kind.empty() && !known) c.fail(path + ".kind", "unknown kind '" + kind + "'");
        spec.label = c.text(f, "label", path, true);
        spec.help = c.text(f, "help", path, false);
        spec.required = c.boolean(f, "required", path);
        spec.secret = c.boolean(f, "secret", path) || spec.kind == FieldKind::Secret;
        spec.defaultValue = c.string(f, "default", path, false);
        spec.hostSource = c.string(f, "source", path, spec.kind == FieldKind::HostChoice);
        if (!spec.hostSource.empty() && spec.hostSource != "warehouses" && spec.hostSource != "cost_centers")
            c.fail(path + ".source", "must be 'warehouses' or 'cost_centers'");
        if (Array::Ptr choices = c.array(f, "choices", path, spec.kind == FieldKind::Choice)) {
            for (std::size_t j = 0; j < choices->size(); ++j) {
                std::string cpath = Checker::index(path + ".choices", j);
                Object::Ptr ch = choices->getObject(static_cast<unsigned>(j));
                if (!ch) {
                    c.fail(cpath, "must be an object");
                    continue;
                }
                spec.choices.push_back(
                    {c.string(ch, "value", cpath, true), c.text(ch, "label", cpath, true)});
            }
        }
        if (spec.kind == FieldKind::Choice && !spec.defaultValue.empty()) {
            bool found = false;
            for (const auto& ch : spec.choices) found = found || ch.value == spec.defaultValue;
            if (!found) c.fail(path + ".default", "'" + spec.defaultValue + "' is not one of the choices");
        }
        m.descriptor.fields.push_back(std::move(spec));
    }
}

void readJobs(Checker& c, const Object::Ptr& root, Manifest& m) {
    Array::Ptr jobs = c.array(root, "jobs", "", true);
    if (!jobs) return;
    for (std::size_t i = 0; i < jobs->size(); ++i) {
        std::string path = Checker::index("jobs", i);
        Object::Ptr j = jobs->getObject(static_cast<unsigned>(i));
        if (!j) {
            c.fail(path, "must be an object");
            continue;
        }
        host_api::JobSpec spec;
        spec.id = c.string(j, "id", path, true);
        spec.name = c.text(j, "name", path, true);
        if (!j->has("interval_seconds") || !j->get("interval_seconds").isInteger()) {
            c.fail(path + ".interval_seconds", "required whole number of seconds (0: on demand only)");
        } else {
            spec.defaultIntervalSeconds = j->getValue<std::int64_t>("interval_seconds");
            if (spec.defaultIntervalSeconds < 0) c.fail(path + ".interval_seconds", "must not be negative");
        }
        spec.enabledBy = c.string(j, "enabled_by", path, false);
        if (!spec.enabledBy.empty() && !m.field(spec.enabledBy))
            c.fail(path + ".enabled_by", "names no field: '" + spec.enabledBy + "'");
        m.descriptor.jobs.push_back(std::move(spec));
    }
}

void readPermissions(Checker& c, const Object::Ptr& root, Manifest& m) {
    Array::Ptr perms = c.array(root, "permissions", "", false);
    if (!perms) return;
    for (std::size_t i = 0; i < perms->size(); ++i) {
        std::string path = Checker::index("permissions", i);
        Object::Ptr p = perms->getObject(static_cast<unsigned>(i));
        if (!p) {
            c.fail(path, "must be an object");
            continue;
        }
        m.permissions.push_back({c.string(p, "scope", path, false), c.string(p, "name", path, true),
                                 c.string(p, "for", path, false)});
    }
}

void readIdentity(Checker& c, const Object::Ptr& root, Manifest& m) {
    static const std::regex idPattern("^[a-z][a-z0-9_.-]{0,63}$");
    m.id = c.string(root, "id", "", true);
    if (!m.id.empty() && !std::regex_match(m.id, idPattern))
        c.fail("id", "must be a lower-case platform id such as 'wix', got '" + m.id + "'");
    m.interfaceName = c.string(root, "interface", "", true);
    if (!m.interfaceName.empty() && m.interfaceName != host_api::kInterfaceName)
        c.fail("interface", "this host implements '" + std::string(host_api::kInterfaceName) + "', not '" +
                                m.interfaceName + "'");
    m.name = c.text(root, "name", "", true);
    m.description = c.text(root, "description", "", false);
    m.version = c.string(root, "version", "", true);
    static const std::regex versionPattern(R"(^\d+\.\d+\.\d+.*$)");
    if (!m.version.empty() && !std::regex_match(m.version, versionPattern))
        c.fail("version", "must look like 1.2.3, got '" + m.version + "'");
    if (Object::Ptr api = c.object(root, "host_api", "", true)) {
        m.hostApiMin = c.apiVersion(api, "min", "host_api");
        m.hostApiMax = c.apiVersion(api, "max", "host_api");
        if (m.hostApiMin.major != m.hostApiMax.major || m.hostApiMin.minor > m.hostApiMax.minor)
            c.fail("host_api", "min and max must share a major version and min must not exceed max");
    }
    if (Object::Ptr lib = c.object(root, "library", "", true)) {
        m.libraryFile = c.string(lib, "linux", "library", true);
        if (m.libraryFile.find('/') != std::string::npos || m.libraryFile.find("..") != std::string::npos)
            c.fail("library.linux", "must be a file name in the manifest's folder, not a path");
    }
    if (Array::Ptr caps = c.array(root, "capabilities", "", false))
        for (std::size_t i = 0; i < caps->size(); ++i)
            m.descriptor.capabilities.push_back(caps->getElement<std::string>(static_cast<unsigned>(i)));
}

}  // namespace

const host_api::FieldSpec* Manifest::field(const std::string& fieldId) const {
    for (const auto& f : descriptor.fields)
        if (f.id == fieldId) return &f;
    return nullptr;
}

const host_api::JobSpec* Manifest::job(const std::string& jobId) const {
    for (const auto& j : descriptor.jobs)
        if (j.id == jobId) return &j;
    return nullptr;
}

std::string ManifestResult::errorText() const {
    std::string out;
    for (const auto& e : errors) out += (out.empty() ? "" : "; ") + e.toString();
    return out;
}

ManifestResult ManifestReader::parse(const std::string& json, const std::filesystem::path& directory) {
    ManifestResult result;
    Object::Ptr root;
    try {
        Poco::JSON::Parser parser;
        root = parser.parse(json).extract<Object::Ptr>();
    } catch (const Poco::Exception& e) {
        result.errors.push_back({"", "not valid JSON: " + e.displayText()});
        return result;
    } catch (const std::exception& e) {
        result.errors.push_back({"", "not a JSON object: " + std::string(e.what())});
        return result;
    }
    if (!root) {
        result.errors.push_back({"", "must be a JSON object"});
        return result;
    }
    Checker c;
    Manifest m;
    m.directory = directory;
    readIdentity(c, root, m);
    readFields(c, root, m);
    readJobs(c, root, m);
    readPermissions(c, root, m);
    m.descriptor.platformId = m.id;
    m.descriptor.name = m.name;
    m.descriptor.version = m.version;
    result.errors = std::move(c.errors);
    if (result.errors.empty()) result.manifest = std::move(m);
    return result;
}

ManifestResult ManifestReader::readFile(const std::filesystem::path& path) {
    std::filesystem::path file = std::filesystem::is_directory(path) ? path / "manifest.json" : path;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        ManifestResult r;
        r.errors.push_back({"", "cannot read " + file.string()});
        return r;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), file.parent_path());
}

namespace {
struct KindName {
    FieldKind kind;
    const char* name;
};
constexpr KindName kKinds[] = {
    {FieldKind::Text, "text"},     {FieldKind::Secret, "secret"},          {FieldKind::Flag, "flag"},
    {FieldKind::Choice, "choice"}, {FieldKind::HostChoice, "host_choice"}, {FieldKind::Date, "date"},
    {FieldKind::Map, "map"},       {FieldKind::Action, "action"},
};
}  // namespace

host_api::FieldKind fieldKindFromString(const std::string& s, bool& known) {
    for (const auto& k : kKinds)
        if (s == k.name) {
            known = true;
            return k.kind;
        }
    known = false;
    return FieldKind::Text;
}

const char* fieldKindName(host_api::FieldKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k.name;
    return "text";
}

}  // namespace estore::sdk

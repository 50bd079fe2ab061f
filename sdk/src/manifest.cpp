#include "estore/sdk/manifest.h"

#include <cctype>
#include <fstream>
#include <sstream>

#include "estore/sdk/json_document.h"

namespace estore::sdk {

using host_api::FieldKind;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

namespace {

// The manifest is read on every plugin load and in every store a plugin creates (describe()), so it is
// read with simdjson and checked with plain loops (std::regex cost more than the parse).

bool isLower(char c) {
    return c >= 'a' && c <= 'z';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

/// ^[a-z][a-z0-9_]*$: a field id.
bool isSnakeCaseId(const std::string& s) {
    if (s.empty() || !isLower(s[0])) return false;
    for (char c : s)
        if (!isLower(c) && !isDigit(c) && c != '_') return false;
    return true;
}

/// ^[a-z][a-z0-9_.-]{0,63}$: a platform id.
bool isPlatformId(const std::string& s) {
    if (s.empty() || s.size() > 64 || !isLower(s[0])) return false;
    for (char c : s)
        if (!isLower(c) && !isDigit(c) && c != '_' && c != '.' && c != '-') return false;
    return true;
}

/// Digits from `at`; returns how many (at most `most`), 0 when none.
std::size_t digitsAt(const std::string& s, std::size_t at, std::size_t most = std::string::npos) {
    std::size_t n = 0;
    while (at + n < s.size() && isDigit(s[at + n]) && n < most) ++n;
    return n;
}

/// ^\d+\.\d+\.\d+.*$: a version such as 1.2.3 or 1.2.3-rc1.
bool looksLikeVersion(const std::string& s) {
    std::size_t at = 0;
    for (int part = 0; part < 3; ++part) {
        const std::size_t n = digitsAt(s, at);
        if (n == 0) return false;
        at += n;
        if (part < 2) {
            if (at >= s.size() || s[at] != '.') return false;
            ++at;
        }
    }
    return true;
}

/// Collects problems with their JSON paths so one read reports all of them.
class Checker {
public:
    std::vector<ManifestError> errors;

    void fail(const std::string& path, const std::string& message) { errors.push_back({path, message}); }

    std::string string(object obj, std::string_view key, const std::string& path, bool required) {
        element value;
        if (obj.at_key(key).get(value) != simdjson::SUCCESS) {
            if (required) fail(join(path, key), "required key is missing");
            return {};
        }
        std::string_view text;
        if (value.get_string().get(text) != simdjson::SUCCESS) {
            fail(join(path, key), "must be a string");
            return {};
        }
        return std::string(text);
    }

    host_api::Text text(object obj, std::string_view key, const std::string& path, bool required) {
        host_api::Text t;
        auto inner = object(obj, key, path, required);
        if (!inner) return t;
        t.sl = string(*inner, "sl", join(path, key), true);
        t.en = string(*inner, "en", join(path, key), true);
        return t;
    }

    std::optional<simdjson::dom::object> object(simdjson::dom::object obj, std::string_view key,
                                                const std::string& path, bool required) {
        element value;
        if (obj.at_key(key).get(value) != simdjson::SUCCESS) {
            if (required) fail(join(path, key), "required object is missing");
            return std::nullopt;
        }
        simdjson::dom::object inner;
        if (value.get_object().get(inner) != simdjson::SUCCESS) {
            fail(join(path, key), "must be an object");
            return std::nullopt;
        }
        return inner;
    }

    std::optional<array> list(simdjson::dom::object obj, std::string_view key, const std::string& path,
                              bool required) {
        element value;
        if (obj.at_key(key).get(value) != simdjson::SUCCESS) {
            if (required) fail(join(path, key), "required array is missing");
            return std::nullopt;
        }
        array inner;
        if (value.get_array().get(inner) != simdjson::SUCCESS) {
            fail(join(path, key), "must be an array");
            return std::nullopt;
        }
        return inner;
    }

    /// Calls f(object, path) for each element of the array, failing those that are not objects.
    template <typename F>
    void eachObject(array items, const std::string& arrayPath, F&& f) {
        std::size_t i = 0;
        for (element item : items) {
            const std::string path = index(arrayPath, i++);
            simdjson::dom::object o;
            if (item.get_object().get(o) != simdjson::SUCCESS) {
                fail(path, "must be an object");
                continue;
            }
            f(o, path);
        }
    }

    bool boolean(simdjson::dom::object obj, std::string_view key, const std::string& path) {
        element value;
        if (obj.at_key(key).get(value) != simdjson::SUCCESS) return false;
        bool b = false;
        if (value.get_bool().get(b) != simdjson::SUCCESS) {
            fail(join(path, key), "must be true or false");
            return false;
        }
        return b;
    }

    host_api::ApiVersion apiVersion(simdjson::dom::object obj, std::string_view key,
                                    const std::string& path) {
        const std::string s = string(obj, key, path, true);
        if (s.empty()) return {};
        // ^(\d{1,5})\.(\d{1,5})$
        const std::size_t major = digitsAt(s, 0, 6);
        const std::size_t minor = major < s.size() && s[major] == '.' ? digitsAt(s, major + 1, 6) : 0;
        if (major == 0 || major > 5 || minor == 0 || minor > 5 || major + 1 + minor != s.size()) {
            fail(join(path, key), "must be MAJOR.MINOR, got '" + s + "'");
            return {};
        }
        return {static_cast<std::uint32_t>(std::stoul(s.substr(0, major))),
                static_cast<std::uint32_t>(std::stoul(s.substr(major + 1)))};
    }

    static std::string join(const std::string& path, std::string_view key) {
        return path.empty() ? std::string(key) : path + "." + std::string(key);
    }
    static std::string index(const std::string& path, std::size_t i) {
        return path + "[" + std::to_string(i) + "]";
    }
};

void readChoices(Checker& c, object f, const std::string& path, host_api::FieldSpec& spec) {
    if (auto choices = c.list(f, "choices", path, spec.kind == FieldKind::Choice))
        c.eachObject(*choices, path + ".choices", [&](object ch, const std::string& cpath) {
            spec.choices.push_back({c.string(ch, "value", cpath, true), c.text(ch, "label", cpath, true)});
        });
    if (spec.kind == FieldKind::Choice && !spec.defaultValue.empty()) {
        bool found = false;
        for (const auto& ch : spec.choices) found = found || ch.value == spec.defaultValue;
        if (!found) c.fail(path + ".default", "'" + spec.defaultValue + "' is not one of the choices");
    }
}

void readFields(Checker& c, object root, Manifest& m) {
    auto fields = c.list(root, "fields", "", true);
    if (!fields) return;
    c.eachObject(*fields, "fields", [&](object f, const std::string& path) {
        host_api::FieldSpec spec;
        spec.id = c.string(f, "id", path, true);
        if (!spec.id.empty() && !isSnakeCaseId(spec.id))
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
        readChoices(c, f, path, spec);
        m.descriptor.fields.push_back(std::move(spec));
    });
}

void readJobs(Checker& c, object root, Manifest& m) {
    auto jobs = c.list(root, "jobs", "", true);
    if (!jobs) return;
    c.eachObject(*jobs, "jobs", [&](object j, const std::string& path) {
        host_api::JobSpec spec;
        spec.id = c.string(j, "id", path, true);
        spec.name = c.text(j, "name", path, true);
        std::int64_t seconds = 0;
        if (j.at_key("interval_seconds").get(seconds) != simdjson::SUCCESS) {
            c.fail(path + ".interval_seconds", "required whole number of seconds (0: on demand only)");
        } else {
            spec.defaultIntervalSeconds = seconds;
            if (spec.defaultIntervalSeconds < 0) c.fail(path + ".interval_seconds", "must not be negative");
        }
        spec.enabledBy = c.string(j, "enabled_by", path, false);
        if (!spec.enabledBy.empty() && !m.field(spec.enabledBy))
            c.fail(path + ".enabled_by", "names no field: '" + spec.enabledBy + "'");
        m.descriptor.jobs.push_back(std::move(spec));
    });
}

void readPermissions(Checker& c, object root, Manifest& m) {
    auto perms = c.list(root, "permissions", "", false);
    if (!perms) return;
    c.eachObject(*perms, "permissions", [&](object p, const std::string& path) {
        m.permissions.push_back({c.string(p, "scope", path, false), c.string(p, "name", path, true),
                                 c.string(p, "for", path, false)});
    });
}

void readIdentity(Checker& c, object root, Manifest& m) {
    m.id = c.string(root, "id", "", true);
    if (!m.id.empty() && !isPlatformId(m.id))
        c.fail("id", "must be a lower-case platform id such as 'wix', got '" + m.id + "'");
    m.interfaceName = c.string(root, "interface", "", true);
    if (!m.interfaceName.empty() && m.interfaceName != host_api::kInterfaceName)
        c.fail("interface", "this host implements '" + std::string(host_api::kInterfaceName) + "', not '" +
                                m.interfaceName + "'");
    m.name = c.text(root, "name", "", true);
    m.description = c.text(root, "description", "", false);
    m.version = c.string(root, "version", "", true);
    if (!m.version.empty() && !looksLikeVersion(m.version))
        c.fail("version", "must look like 1.2.3, got '" + m.version + "'");
    if (auto api = c.object(root, "host_api", "", true)) {
        m.hostApiMin = c.apiVersion(*api, "min", "host_api");
        m.hostApiMax = c.apiVersion(*api, "max", "host_api");
        if (m.hostApiMin.major != m.hostApiMax.major || m.hostApiMin.minor > m.hostApiMax.minor)
            c.fail("host_api", "min and max must share a major version and min must not exceed max");
    }
    if (auto lib = c.object(root, "library", "", true)) {
        m.libraryFile = c.string(*lib, "linux", "library", true);
        if (m.libraryFile.find('/') != std::string::npos || m.libraryFile.find("..") != std::string::npos)
            c.fail("library.linux", "must be a file name in the manifest's folder, not a path");
    }
    if (auto caps = c.list(root, "capabilities", "", false)) {
        std::size_t i = 0;
        for (element cap : *caps) {
            std::string_view name;
            if (cap.get_string().get(name) == simdjson::SUCCESS)
                m.descriptor.capabilities.emplace_back(name);
            else
                c.fail(Checker::index("capabilities", i), "must be a string");
            ++i;
        }
    }
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
    JsonDocument document;
    std::string why;
    if (!document.parse(json, why)) {
        result.errors.push_back({"", why == "not a JSON object" ? "must be a JSON object" : why});
        return result;
    }
    const object root = document.root().get_object().value_unsafe();
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

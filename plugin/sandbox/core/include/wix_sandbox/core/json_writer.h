#pragma once

#include <string>
#include <vector>

namespace wix_sandbox {

/// Writes compact JSON text straight into a string. The generator renders orders on every page a search
/// returns (100,000-order shops are not kept as text), and appending is an order of magnitude cheaper
/// than building Poco::JSON objects and stringifying them.
class JsonWriter {
public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    /// The member name for the next value (inside an object).
    JsonWriter& key(const std::string& name);
    JsonWriter& value(const std::string& text);
    JsonWriter& value(const char* text);
    JsonWriter& value(long number);
    JsonWriter& value(int number) { return value(static_cast<long>(number)); }
    JsonWriter& value(bool flag);
    /// Pre-rendered JSON (a number with decimals, a nested document).
    JsonWriter& raw(const std::string& json);
    /// Shorthand for key(name).value(v).
    template <typename T>
    JsonWriter& field(const std::string& name, const T& v) {
        return key(name).value(v);
    }

    const std::string& text() const { return _out; }
    std::string take() { return std::move(_out); }

private:
    void separate();
    void quoted(const std::string& text);

    std::string _out;
    std::vector<bool> _first;  // per open container: no member written yet
    bool _afterKey = false;
};

}  // namespace wix_sandbox

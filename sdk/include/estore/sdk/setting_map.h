#pragma once
// A "map" dialog field as a store's settings hold it: one line of text, "key=value[:flag…]; …", e.g. the
// payment method map "CASH=CashOnDelivery:fiscal; PayPal=PayPal". One text form keeps the setting usable
// from `--set`, from a form and from JSON alike; plugin and host read it with the same code.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "estore/host_api/outcome.h"

namespace estore::sdk {

struct SettingMapEntry {
    std::string key;                 ///< as written; compared without regard to case
    std::string value;               ///< as written
    std::vector<std::string> flags;  ///< lower case, e.g. {"fiscal"}

    bool hasFlag(std::string_view flag) const;
};

struct SettingMap {
    std::vector<SettingMapEntry> entries;

    /// The entry whose key equals `key` ignoring case, or null.
    const SettingMapEntry* find(std::string_view key) const;
    /// Back to the text form, entries in their order: "A=x:flag; B=y".
    std::string toString() const;
};

struct SettingMapParse {
    SettingMap map;
    std::optional<host_api::Text> problem;  ///< the first malformed entry, quoted

    bool ok() const { return !problem; }
};

/// Entries are separated by ';' or new lines; blanks around keys, values and flags are ignored; an empty
/// text is an empty map. A key given twice, an entry without '=' or with an empty key or value is a problem.
SettingMapParse parseSettingMap(std::string_view text);

/// Compares ASCII letters without regard to case (Wix writes "PayPal" as well as "paypal").
bool equalsIgnoringCase(std::string_view a, std::string_view b);

}  // namespace estore::sdk

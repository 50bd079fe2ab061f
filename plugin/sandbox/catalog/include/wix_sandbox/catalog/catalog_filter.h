#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

namespace wix_sandbox {

/// A Stores query filter (`{"field": value | {"$op": value}}`, `$and` of those), limited to the fields
/// and operators each route names, so anything else is a 400 and never a silently unfiltered answer.
/// Fields may hold several values (a product's SKUs): a condition holds when one of them satisfies it
/// (`$ne` / `$nin`: when none equals).
class CatalogFilter {
public:
    struct Condition {
        std::string field;
        std::string op;  ///< $eq $ne $gt $gte $lt $lte $in $nin ($hasSome is read as $in)
        std::vector<std::string> values;
    };
    /// field -> operators allowed on it
    using Allowed = std::map<std::string, std::set<std::string>>;
    /// Fills `out` with the field's values of one entity.
    using Values = std::function<void(const std::string& field, std::vector<std::string>& out)>;

    CatalogFilter() = default;
    /// `filter` empty or null = match all; `where` names the filter in 400s ("query.filter").
    static CatalogFilter parse(const Poco::Dynamic::Var& filter, const Allowed& allowed,
                               const std::string& where);

    bool empty() const { return _conditions.empty(); }
    const std::vector<Condition>& conditions() const { return _conditions; }
    /// The values an index can look up: those of the first $eq / $in condition on `field`.
    std::optional<std::vector<std::string>> lookup(const std::string& field) const;
    /// Whether every condition is a range condition ($eq $gt $gte $lt $lte) on `field`, so applying
    /// integerRange(field) is the whole filter.
    bool onlyRangeOn(const std::string& field) const;
    /// The half-open range [low, high) of an integer field the conditions on it allow (a sorted list's
    /// bounds); other conditions are ignored.
    std::pair<std::int64_t, std::int64_t> integerRange(const std::string& field) const;
    bool matches(const Values& values) const;

private:
    void add(const std::string& field, const Poco::Dynamic::Var& value, const Allowed& allowed,
             const std::string& where);
    void addCondition(const std::string& field, std::string op, const Poco::Dynamic::Var& value,
                      const Allowed& allowed, const std::string& where);
    static bool holds(const Condition& condition, const std::vector<std::string>& values);

    std::vector<Condition> _conditions;
};

}  // namespace wix_sandbox

#pragma once

#include <memory>
#include <string>
#include <vector>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include "wix_sandbox/orders/order_record.h"

namespace wix_sandbox {

/// A Search Orders filter (Wix API query language: `{"field":{"$op":value}}`, `$and`, `$or`, `$not`),
/// parsed once and validated up front so an unsupported field or operator is a 400, never a silently
/// unfiltered answer.
class OrderFilter {
public:
    /// Null or empty = match all. Throws WixFailure (400) on unsupported fields, operators or values.
    explicit OrderFilter(const Poco::JSON::Object::Ptr& filter);

    bool matches(const OrderRecord& order) const;
    bool empty() const { return _root.children.empty(); }

private:
    struct Node {
        enum class Kind { All, Any, Not, Condition } kind = Kind::All;
        std::string field;
        std::string op;
        std::vector<std::string> values;
        std::vector<Node> children;
    };

    static Node parseObject(const Poco::JSON::Object::Ptr& filter, const std::string& where);
    static Node parseLogical(const std::string& op, const Poco::Dynamic::Var& value,
                             const std::string& where);
    static Node parseField(const std::string& field, const Poco::Dynamic::Var& value,
                           const std::string& where);
    static Node condition(const std::string& field, const std::string& op, const Poco::Dynamic::Var& value,
                          const std::string& where);
    static std::string operand(const std::string& field, const Poco::Dynamic::Var& value,
                               const std::string& where);
    static bool evaluate(const Node& node, const OrderRecord& order);
    static bool test(const Node& node, const OrderRecord& order);

    Node _root;
};

}  // namespace wix_sandbox

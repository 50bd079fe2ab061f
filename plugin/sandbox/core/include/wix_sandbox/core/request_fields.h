#pragma once

#include <cstdint>
#include <string>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace wix_sandbox {

/// Reading typed members of a Wix request body. Every mismatch is a 400 with one fieldViolation naming
/// the field (WixFailure), so the routes stay linear.
class RequestFields {
public:
    [[noreturn]] static void reject(const std::string& field, const std::string& description,
                                    const std::string& rule);
    /// The member as an object; nullptr when absent or null; 400 when it is something else.
    static Poco::JSON::Object::Ptr object(const Poco::JSON::Object::Ptr& parent, const std::string& key,
                                          const std::string& field);
    static Poco::JSON::Array::Ptr array(const Poco::JSON::Object::Ptr& parent, const std::string& key,
                                        const std::string& field);
    /// An integer (a JSON number, or a decimal string as protobuf's JSON mapping allows); 400 otherwise.
    static std::int64_t integer(const Poco::Dynamic::Var& value, const std::string& field);
    static bool boolean(const Poco::Dynamic::Var& value, const std::string& field);
    static std::string text(const Poco::Dynamic::Var& value, const std::string& field);
    static bool has(const Poco::JSON::Object::Ptr& parent, const std::string& key);
    /// paging.limit in [1, max], `fallback` when absent.
    static int limit(const Poco::JSON::Object::Ptr& paging, int fallback, int max, const std::string& field);
    /// A Catalog V1 filter or sort: a JSON-encoded *string* (reference §5, §7). Returns the decoded value,
    /// empty when absent or ""; 400 for an object or array (the classic mistake) or text that is not JSON.
    static Poco::Dynamic::Var encodedJson(const Poco::JSON::Object::Ptr& query, const std::string& key,
                                          const std::string& field);
    static bool isObject(const Poco::Dynamic::Var& value);
    static bool isArray(const Poco::Dynamic::Var& value);
};

}  // namespace wix_sandbox

#pragma once

#include <string>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

namespace wix_sandbox {

/// JSON in and out. Parsing keeps key order (orders are echoed back as stored); failures become
/// Wix-style 400s.
class JsonBody {
public:
    /// A JSON object; empty text counts as {} (an empty protobuf message). Throws WixFailure (400).
    static Poco::JSON::Object::Ptr parseObject(const std::string& text);
    /// Same without the HTTP mapping: throws Poco::Exception.
    static Poco::JSON::Object::Ptr parseObjectStrict(const std::string& text);
    static std::string stringify(const Poco::Dynamic::Var& value);
    /// A key-order-preserving empty object.
    static Poco::JSON::Object::Ptr object();
};

}  // namespace wix_sandbox

#include "wix_sandbox/core/json_body.h"

#include <sstream>

#include <Poco/Exception.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include "wix_sandbox/core/wix_errors.h"
#include "wix_sandbox/core/wix_failure.h"

namespace wix_sandbox {

Poco::JSON::Object::Ptr JsonBody::parseObject(const std::string& text) {
    try {
        return parseObjectStrict(text);
    } catch (const Poco::Exception& error) {
        throw WixFailure(WixErrors::validationError("Request body is not a valid JSON object", "",
                                                    error.displayText(), "FORMAT"));
    }
}

Poco::JSON::Object::Ptr JsonBody::parseObjectStrict(const std::string& text) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return object();
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    Poco::Dynamic::Var value = parser.parse(text);
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) throw Poco::SyntaxException("not a JSON object");
    return value.extract<Poco::JSON::Object::Ptr>();
}

std::string JsonBody::stringify(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(value, out);
    return out.str();
}

Poco::JSON::Object::Ptr JsonBody::object() {
    return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

}  // namespace wix_sandbox

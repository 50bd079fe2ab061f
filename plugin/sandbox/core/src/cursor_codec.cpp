#include "wix_sandbox/core/cursor_codec.h"

#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/StreamCopier.h>

#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/wix_errors.h"
#include "wix_sandbox/core/wix_failure.h"

namespace wix_sandbox {

namespace {

constexpr int kBase64Options = Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING;

}  // namespace

std::string CursorCodec::encode(const State& state) {
    Poco::JSON::Object::Ptr json = JsonBody::object();
    json->set("f", state.filterJson);
    json->set("s", state.sortJson);
    Poco::JSON::Array::Ptr after = new Poco::JSON::Array;
    for (const std::string& value : state.after) after->add(value);
    json->set("a", after);
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, kBase64Options);
    encoder.rdbuf()->setLineLength(0);
    encoder << JsonBody::stringify(json);
    encoder.close();
    return out.str();
}

CursorCodec::State CursorCodec::decode(const std::string& cursor) {
    try {
        std::istringstream in(cursor);
        Poco::Base64Decoder decoder(in, kBase64Options);
        std::string text;
        Poco::StreamCopier::copyToString(decoder, text);
        Poco::JSON::Object::Ptr json = JsonBody::parseObjectStrict(text);
        State state{json->getValue<std::string>("f"), json->getValue<std::string>("s"), {}};
        Poco::JSON::Array::Ptr after = json->getArray("a");
        if (!after) throw Poco::DataFormatException("cursor without position");
        for (const Poco::Dynamic::Var& value : *after) state.after.push_back(value.toString());
        return state;
    } catch (const Poco::Exception&) {
        throw WixFailure(WixErrors::validationError("Invalid cursor", "search.cursorPaging.cursor",
                                                    "cursor is not valid", "FORMAT"));
    }
}

}  // namespace wix_sandbox

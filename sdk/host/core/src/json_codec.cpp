#include "estore/host/core/json_codec.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/UTF8String.h>

#include <sstream>

namespace estore::host {

namespace {

Poco::JSON::Object::Ptr parseObject(const std::string& text) {
    if (text.empty()) return nullptr;
    try {
        Poco::JSON::Parser parser;
        return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        return nullptr;
    } catch (const std::exception&) {
        return nullptr;
    }
}

std::map<std::string, std::string> toMap(const Poco::JSON::Object::Ptr& object) {
    std::map<std::string, std::string> map;
    if (!object) return map;
    for (const auto& [key, value] : *object)
        map[key] = value.isString() ? value.extract<std::string>() : value.toString();
    return map;
}

}  // namespace

Poco::JSON::Object::Ptr JsonCodec::newObject() {
    return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Poco::JSON::Object::Ptr JsonCodec::fromMap(const std::map<std::string, std::string>& map) {
    auto object = newObject();
    for (const auto& [key, value] : map) object->set(key, value);
    return object;
}

std::string JsonCodec::mapToText(const std::map<std::string, std::string>& map) {
    // Written out directly, with the escaping Poco's JSON writer uses, rather than through a
    // Poco::JSON::Object: the webhook endpoint calls this for every request.
    std::string text = "{";
    for (const auto& [key, value] : map) {
        if (text.size() > 1) text += ',';
        text += '"';
        text += Poco::UTF8::escape(key, true);
        text += "\":\"";
        text += Poco::UTF8::escape(value, true);
        text += '"';
    }
    text += '}';
    return text;
}

std::map<std::string, std::string> JsonCodec::mapFromText(const std::string& text) {
    return toMap(parseObject(text));
}

Poco::JSON::Object::Ptr JsonCodec::fromShop(const host_api::ShopIdentity& shop) {
    auto object = newObject();
    object->set("name", shop.name);
    object->set("currency", shop.currency);
    object->set("catalog_version", shop.catalogVersion);
    object->set("facts", fromMap(shop.facts));
    return object;
}

std::string JsonCodec::shopToText(const host_api::ShopIdentity& shop) {
    std::ostringstream out;
    fromShop(shop)->stringify(out);
    return out.str();
}

host_api::ShopIdentity JsonCodec::shopFromText(const std::string& text) {
    host_api::ShopIdentity shop;
    auto object = parseObject(text);
    if (!object) return shop;
    shop.name = object->optValue<std::string>("name", "");
    shop.currency = object->optValue<std::string>("currency", "");
    shop.catalogVersion = object->optValue<std::string>("catalog_version", "");
    shop.facts = toMap(object->getObject("facts"));
    return shop;
}

Poco::JSON::Object::Ptr JsonCodec::fromText(const host_api::Text& text) {
    auto object = newObject();
    object->set("sl", text.sl);
    object->set("en", text.en);
    return object;
}

std::string JsonCodec::stringify(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(value, out, 2);
    return out.str();
}

std::string JsonCodec::snakeCase(const std::string& key) {
    const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (key.empty() || !lower(key.front())) return key;
    for (char c : key)
        if (!lower(c) && !upper(c) && !digit(c)) return key;
    std::string out;
    for (char c : key) {
        if (upper(c)) {
            out += '_';
            out += static_cast<char>(c - 'A' + 'a');
        } else {
            out += c;
        }
    }
    return out;
}

Poco::Dynamic::Var JsonCodec::snakeCased(const Poco::Dynamic::Var& value) {
    if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
        const auto object = value.extract<Poco::JSON::Object::Ptr>();
        if (!object) return value;
        auto copy = newObject();
        // getNames() keeps the object's own key order where it preserves one (the map would sort them).
        for (const auto& key : object->getNames()) copy->set(snakeCase(key), snakeCased(object->get(key)));
        return copy;
    }
    if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        const auto array = value.extract<Poco::JSON::Array::Ptr>();
        if (!array) return value;
        Poco::JSON::Array::Ptr copy = new Poco::JSON::Array;
        for (const auto& member : *array) copy->add(snakeCased(member));
        return copy;
    }
    return value;
}

}  // namespace estore::host

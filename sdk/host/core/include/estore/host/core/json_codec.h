#pragma once
// The JSON text the host keeps in TEXT columns (settings, shop identity, job args) and prints.
#include <Poco/JSON/Object.h>

#include <map>
#include <string>

#include "estore/host_api/values.h"

namespace estore::host {

class JsonCodec {
public:
    static Poco::JSON::Object::Ptr fromMap(const std::map<std::string, std::string>& map);
    static std::string mapToText(const std::map<std::string, std::string>& map);
    /// Tolerates empty or malformed text (an empty map), since it only ever reads what the host wrote.
    static std::map<std::string, std::string> mapFromText(const std::string& text);

    static Poco::JSON::Object::Ptr fromShop(const host_api::ShopIdentity& shop);
    static std::string shopToText(const host_api::ShopIdentity& shop);
    static host_api::ShopIdentity shopFromText(const std::string& text);

    static Poco::JSON::Object::Ptr fromText(const host_api::Text& text);
    static Poco::JSON::Object::Ptr newObject();

    /// Indented, for people and for tests alike.
    static std::string stringify(const Poco::Dynamic::Var& value);

    /// A deep copy whose camelCase keys ("orderNumber", "vatBreakdown") are snake_case ("order_number",
    /// "vat_breakdown"), for what the command line prints (issue 18: snake_case keys everywhere) from
    /// documents stored in the contract's camelCase. Only keys shaped like identifiers change: a key that
    /// starts with a capital or holds anything but letters and digits ("Barva", "orders.created") is data
    /// and stays as it is.
    static Poco::Dynamic::Var snakeCased(const Poco::Dynamic::Var& value);
    /// "orderNumber" → "order_number"; "eur_rate" and "Barva" unchanged.
    static std::string snakeCase(const std::string& key);
};

}  // namespace estore::host

#include "webhooks/webhook_payload.h"

#include <Poco/String.h>

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "settings/site_id.h"

namespace estore::wix {

namespace {

constexpr std::size_t kMaxDepth = 32;         // Wix payloads are a few levels deep; deeper is hostile
constexpr std::size_t kMaxNodes = 20000;      // bounds the walk over any payload the host let through
constexpr std::size_t kMaxNumberDigits = 20;  // an order number is a short integer

using Candidates = std::map<int, std::string>;  // priority (lower wins) → value

std::optional<std::string> asOrderNumber(const Poco::Dynamic::Var& v) {
    std::string text;
    if (v.isString())
        text = v.extract<std::string>();
    else if (v.isInteger() && !v.isBoolean())
        text = v.convert<std::string>();
    else
        return std::nullopt;
    if (text.empty() || text.size() > kMaxNumberDigits) return std::nullopt;
    if (!std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
        return std::nullopt;
    return text;
}

std::optional<std::string> asOrderId(const Poco::Dynamic::Var& v) {
    if (!v.isString()) return std::nullopt;
    const std::string text = v.extract<std::string>();
    if (!isGuid(text)) return std::nullopt;
    return Poco::toLower(std::string(text));
}

/// Ranks a key at a path: an id or number inside an "order" object beats a loose one elsewhere.
struct KeyRank {
    int id = -1;
    int number = -1;
};

KeyRank rankOf(const std::string& key, const std::string& parent) {
    const std::string k = Poco::toLower(std::string(key));
    const std::string p = Poco::toLower(std::string(parent));
    KeyRank r;
    if (k == "orderid" || k == "order_id")
        r.id = 1;
    else if (k == "id" && p == "order")
        r.id = 0;
    else if (k == "id" && (p.empty() || p == "data" || p == "payload"))
        r.id = 3;
    if (k == "ordernumber" || k == "order_number")
        r.number = 1;
    else if (k == "number" && p == "order")
        r.number = 0;
    else if (k == "number" && (p.empty() || p == "data" || p == "payload"))
        r.number = 2;
    return r;
}

class Walker {
public:
    Candidates ids, numbers;
    std::size_t nodes = 0;

    void walk(const Poco::Dynamic::Var& v, const std::string& parent, std::size_t depth) {
        if (++nodes > kMaxNodes || depth > kMaxDepth) return;
        if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
            const auto obj = v.extract<Poco::JSON::Object::Ptr>();
            if (!obj) return;
            for (const auto& [key, value] : *obj) {
                const KeyRank r = rankOf(key, parent);
                if (r.id >= 0)
                    if (auto id = asOrderId(value)) ids.emplace(r.id + static_cast<int>(depth) * 10, *id);
                if (r.number >= 0)
                    if (auto n = asOrderNumber(value))
                        numbers.emplace(r.number + static_cast<int>(depth) * 10, *n);
                walk(value, key, depth + 1);
            }
        } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
            const auto arr = v.extract<Poco::JSON::Array::Ptr>();
            if (!arr) return;
            for (std::size_t i = 0; i < arr->size() && nodes <= kMaxNodes; ++i)
                walk(arr->get(static_cast<unsigned>(i)), parent, depth + 1);
        }
    }
};

PayloadReading fromCandidates(const Candidates& ids, const Candidates& numbers) {
    PayloadReading r;
    if (ids.empty() && numbers.empty()) {
        r.problem = "the payload names no order id (a GUID) and no order number";
        return r;
    }
    OrderReference ref;
    if (!ids.empty()) ref.orderId = ids.begin()->second;
    if (!numbers.empty()) ref.orderNumber = numbers.begin()->second;
    r.reference = ref;
    return r;
}

PayloadReading readJson(std::string_view body) {
    Poco::Dynamic::Var root;
    try {
        Poco::JSON::Parser parser;
        // The parser counts the nesting as it reads and stops at the limit, before building anything
        // deeper ("Maximum depth exceeded"): a hostile [[[[… costs one pass over the bytes read.
        parser.setDepth(kMaxDepth);
        root = parser.parse(std::string(body));
    } catch (const Poco::Exception& e) {  // displayText() says why, what() only "JSON Exception"
        return {std::nullopt, "not valid JSON: " + e.displayText()};
    } catch (const std::exception& e) {
        return {std::nullopt, std::string("not valid JSON: ") + e.what()};
    }
    Walker w;
    w.walk(root, "", 0);
    return fromCandidates(w.ids, w.numbers);
}

/// "order[id]", "data.order.id", "order_id" … → the last two segments, as a JSON walk would see them.
std::pair<std::string, std::string> formKey(const std::string& key) {
    std::string normal;
    for (char c : key) normal += (c == '[' || c == '.') ? '/' : (c == ']' ? '\0' : c);
    normal.erase(std::remove(normal.begin(), normal.end(), '\0'), normal.end());
    const auto slash = normal.rfind('/');
    if (slash == std::string::npos) return {normal, ""};
    const std::string head = normal.substr(0, slash);
    return {normal.substr(slash + 1),
            head.substr(head.rfind('/') == std::string::npos ? 0 : head.rfind('/') + 1)};
}

PayloadReading readForm(std::string_view body) {
    Candidates ids, numbers;
    std::size_t pairs = 0;
    std::string_view rest = body;
    while (!rest.empty() && ++pairs <= kMaxNodes) {
        const auto amp = rest.find('&');
        std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        std::string key, value;
        try {
            Poco::URI::decode(std::string(pair.substr(0, eq)), key, true);
            Poco::URI::decode(std::string(pair.substr(eq + 1)), value, true);
        } catch (const std::exception&) {
            continue;
        }
        const auto [name, parent] = formKey(key);
        const KeyRank r = rankOf(name, parent);
        if (r.id >= 0)
            if (auto id = asOrderId(value)) ids.emplace(r.id, *id);
        if (r.number >= 0)
            if (auto n = asOrderNumber(value)) numbers.emplace(r.number, *n);
    }
    return fromCandidates(ids, numbers);
}

}  // namespace

PayloadReading readOrderReference(std::string_view contentType, std::string_view body) {
    try {
        const std::string type = Poco::toLower(std::string(contentType.substr(0, contentType.find(';'))));
        if (type == "application/x-www-form-urlencoded") return readForm(body);
        // Wix sends JSON; anything else that parses as JSON is read as JSON too.
        PayloadReading json = readJson(body);
        if (json.reference || type == "application/json") return json;
        PayloadReading form = readForm(body);
        return form.reference ? form : json;
    } catch (const std::exception& e) {
        return {std::nullopt, std::string("unreadable payload: ") + e.what()};
    } catch (...) {
        return {std::nullopt, "unreadable payload"};
    }
}

}  // namespace estore::wix

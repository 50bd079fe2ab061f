#pragma once
// JSON read where speed matters, with simdjson's DOM parser (Debian's libsimdjson-dev): a shop's order
// pages, and plugin manifests (read on every plugin load and store creation). Poco JSON allocates a map
// node and a Var for every value; simdjson parses at memory speed into buffers that are reused document
// after document. Everything else keeps Poco JSON (json_access.h), where speed does not matter.
//
// One difference from Poco: an integer that does not fit 64 bits makes the whole document unreadable
// (simdjson refuses it, Poco turns it into a float). Wix writes 64-bit values as strings (proto3 JSON
// mapping), so a Wix answer never has one; an answer that does is treated like any garbled answer.
#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

namespace estore::sdk {

class JsonDocument {
public:
    JsonDocument();
    JsonDocument(const JsonDocument&) = delete;
    JsonDocument& operator=(const JsonDocument&) = delete;

    /// Parses text that must be a JSON object at most sdk::kMaxJsonDepth deep; on failure `why` says why
    /// and root() must not be read. Values read from an earlier parse are invalid afterwards.
    bool parse(std::string_view text, std::string& why);

    /// The object parsed last.
    simdjson::dom::element root() const { return _root; }

private:
    simdjson::dom::parser _parser;
    simdjson::dom::element _root;
};

/// The value at a dotted path ("metadata.cursors.next") when every step is an object; nullopt otherwise.
std::optional<simdjson::dom::element> jsonAt(simdjson::dom::element root, std::string_view path);

/// The string at a path; nullopt when absent or not a string.
std::optional<std::string_view> jsonTextAt(simdjson::dom::element root, std::string_view path);

/// The array at a path; nullopt when absent or not an array.
std::optional<simdjson::dom::array> jsonArrayAt(simdjson::dom::element root, std::string_view path);

/// The object at a path; nullopt when absent or not an object.
std::optional<simdjson::dom::object> jsonObjectAt(simdjson::dom::element root, std::string_view path);

}  // namespace estore::sdk

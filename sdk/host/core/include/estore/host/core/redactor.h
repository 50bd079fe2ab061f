#pragma once
// Defence in depth: the plugin promises never to put a secret in a message, and the host still scrubs
// every text it prints or stores of the secret values it knows, whole or any part of 8 characters or more
// (sdk::redactSecret).
#include <string>
#include <vector>

#include "estore/host_api/outcome.h"
#include "estore/sdk/redaction.h"

namespace estore::host {

class Redactor {
public:
    static constexpr const char* kMask = sdk::kSecretMask;

    Redactor() = default;
    explicit Redactor(std::vector<std::string> secrets);

    void add(const std::string& secret);
    std::string scrub(std::string text) const;
    host_api::Text scrub(const host_api::Text& text) const;
    host_api::Outcome scrub(host_api::Outcome outcome) const;

private:
    std::vector<std::string> _secrets;
};

}  // namespace estore::host

#include "estore/host/core/redactor.h"

#include "estore/sdk/redaction.h"

namespace estore::host {

namespace {
// Shorter values (a flag, a one-letter key) would mask ordinary words; real keys are long.
constexpr std::size_t kMinSecretLength = 4;
}  // namespace

Redactor::Redactor(std::vector<std::string> secrets) {
    for (auto& s : secrets) add(s);
}

void Redactor::add(const std::string& secret) {
    if (secret.size() >= kMinSecretLength) _secrets.push_back(secret);
}

std::string Redactor::scrub(std::string text) const {
    // Whole or in part: a shop's error that echoes a key, cut short, still carries a long prefix of it.
    for (const auto& secret : _secrets) text = sdk::redactSecret(text, secret);
    return text;
}

host_api::Text Redactor::scrub(const host_api::Text& text) const {
    return {scrub(text.sl), scrub(text.en)};
}

host_api::Outcome Redactor::scrub(host_api::Outcome outcome) const {
    outcome.message = scrub(outcome.message);
    outcome.detail = scrub(outcome.detail);
    outcome.code = scrub(outcome.code);
    outcome.field = scrub(outcome.field);
    return outcome;
}

}  // namespace estore::host

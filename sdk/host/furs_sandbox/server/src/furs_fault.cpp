#include "estore/host/furs_sandbox/furs_fault.h"

#include <array>
#include <utility>

namespace furs_sandbox {

namespace {

constexpr std::array<std::pair<FaultMode, std::string_view>, 6> kNames{{
    {FaultMode::Timeout, "timeout"},
    {FaultMode::Error500, "error500"},
    {FaultMode::Malformed, "malformed"},
    {FaultMode::RefuseSignature, "refuse_signature"},
    {FaultMode::LoseAnswer, "lose_answer"},
    {FaultMode::Down, "down"},
}};

}  // namespace

std::optional<FaultMode> FursFault::parseMode(std::string_view name) {
    for (const auto& [mode, text] : kNames)
        if (text == name) return mode;
    return std::nullopt;
}

std::string FursFault::modeName(FaultMode mode) {
    for (const auto& [candidate, text] : kNames)
        if (candidate == mode) return std::string(text);
    return "unknown";
}

}  // namespace furs_sandbox

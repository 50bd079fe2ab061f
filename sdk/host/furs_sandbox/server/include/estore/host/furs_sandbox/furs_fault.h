#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace furs_sandbox {

/// What goes wrong with the next FURS requests, for clients' failure paths (README.md "Faults").
enum class FaultMode {
    Timeout,    ///< wait delayMs (default 10 s), then answer normally
    Error500,   ///< an HTML "500 Internal Server Error" page
    Malformed,  ///< 200 with the HTML "Request Rejected" page FURS's firewall sends (furs-protocol.md §4)
    RefuseSignature,  ///< a signed S003 answer, whatever was sent
    LoseAnswer,       ///< process the message (an invoice gets its EOR), then close without answering
    Down,             ///< close new connections at once, before TLS; on an open connection, close it
};

struct FursFault {
    static constexpr int kDefaultTimeoutMs = 10000;

    FaultMode mode = FaultMode::Error500;
    int count = 1;    ///< how many requests (connections for Down) it hits; -1 until cleared
    int delayMs = 0;  ///< waited before the fault acts; Timeout's whole effect (0 there = kDefaultTimeoutMs)

    /// "timeout", "error500", "malformed", "refuse_signature", "lose_answer", "down".
    static std::optional<FaultMode> parseMode(std::string_view name);
    static std::string modeName(FaultMode mode);
};

}  // namespace furs_sandbox

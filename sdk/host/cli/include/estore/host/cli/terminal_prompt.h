#pragma once
// Asks a person at a terminal for a value; secret answers are typed without echo. Prompts go to
// stderr so that stdout stays clean for --json.
#include <optional>
#include <string>

namespace estore::host {

class TerminalPrompt {
public:
    /// True when stdin is a terminal, i.e. somebody can answer.
    static bool interactive();
    /// The answer without its newline; nullopt at end of input.
    static std::optional<std::string> ask(const std::string& question, bool secret);
};

}  // namespace estore::host

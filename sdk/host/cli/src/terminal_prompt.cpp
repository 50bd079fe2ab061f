#include "estore/host/cli/terminal_prompt.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace estore::host {

namespace {

/// Turns terminal echo off for its lifetime, and back on however the scope is left.
class EchoOff {
public:
    EchoOff() {
        if (tcgetattr(STDIN_FILENO, &_saved) != 0) return;
        termios quiet = _saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        _active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff() {
        if (_active) tcsetattr(STDIN_FILENO, TCSAFLUSH, &_saved);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios _saved{};
    bool _active = false;
};

}  // namespace

bool TerminalPrompt::interactive() {
    return isatty(STDIN_FILENO) == 1;
}

std::optional<std::string> TerminalPrompt::ask(const std::string& question, bool secret) {
    std::cerr << question << std::flush;
    std::string answer;
    bool got = false;
    if (secret) {
        EchoOff quiet;
        got = static_cast<bool>(std::getline(std::cin, answer));
        std::cerr << "\n";
    } else {
        got = static_cast<bool>(std::getline(std::cin, answer));
    }
    if (!got) return std::nullopt;
    if (!answer.empty() && answer.back() == '\r') answer.pop_back();
    return answer;
}

}  // namespace estore::host

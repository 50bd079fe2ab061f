#pragma once
// Every estore-host command and option, once: `estore-host --help`, `estore-host COMMAND --help`, the
// refusal of an option a command does not take, the man page (estore-host.1) and the bash completion are
// all made from this table, so they cannot disagree (issue 18).
#include <iosfwd>
#include <string>
#include <vector>

#include "estore/host/core/language.h"
#include "estore/host_api/outcome.h"

namespace estore::host {

struct OptionSpec {
    std::string name;      ///< without the dashes: "json"
    std::string argument;  ///< "FILE", or empty for a switch
    host_api::Text help;   ///< one line
};

struct CommandSpec {
    std::string name;                 ///< "add-store"
    std::vector<std::string> usages;  ///< after "estore-host ": "add-store --platform ID --set KEY=VALUE …"
    host_api::Text summary;           ///< one line
    std::vector<std::string> options;   ///< the options it takes besides the global ones
    std::vector<std::string> examples;  ///< whole command lines
};

class CommandCatalog {
public:
    /// Options every command takes: --db, --config, --plugins, --lang, --help.
    static const std::vector<std::string>& globalOptions();
    static const std::vector<OptionSpec>& options();
    static const std::vector<CommandSpec>& commands();
    static const CommandSpec* find(const std::string& command);
    static const OptionSpec* option(const std::string& name);

    /// The options in `given` (names without dashes) that `command` does not take.
    static std::vector<std::string> notTakenBy(const CommandSpec& command,
                                               const std::vector<std::string>& given);

    /// `estore-host --help`: every command's usage and summary, the global options, the exit codes.
    static void printOverview(std::ostream& out, const Language& lang);
    /// `estore-host COMMAND --help`: usage, what it does, the options it takes, examples.
    static void printCommandHelp(const CommandSpec& command, std::ostream& out, const Language& lang);
    /// estore-host.1 in roff (man -l): the same texts, in `lang` (the packages install the English page
    /// in man1 and the Slovenian one in sl/man1, where man(1) finds it for a Slovenian locale).
    static void printManPage(std::ostream& out, const std::string& version, const Language& lang);
    /// A bash completion script: commands, their sub-commands and the options each takes.
    static void printBashCompletion(std::ostream& out);
};

}  // namespace estore::host

#pragma once
// estore-host's command line: Poco::Util::Application with sub-commands.
#include <Poco/Util/Application.h>

#include <iosfwd>
#include <string>
#include <vector>

#include "estore/host/cli/command_context.h"

namespace estore::host {

class HostApplication : public Poco::Util::Application {
public:
    HostApplication();

    /// Parses the command line and runs it; returns the process exit code (see ExitCode). Never throws.
    static int execute(int argc, char** argv);

    /// `estore-host --help`, in the chosen language.
    void printHelp(std::ostream& out) const;
    /// "estore-host 0.1.0 (host API 1.3)", or the same as JSON with --json.
    void printVersion(std::ostream& out) const;

protected:
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    int main(const std::vector<std::string>& args) override;

private:
    /// --lang sl|en as given on the command line, else Language::fromEnvironment(); for the messages of a
    /// command line Poco refused before handleOption saw --lang.
    static Language languageOf(int argc, char** argv);
    int dispatch(const std::string& command, CommandContext& ctx);
    /// `help [COMMAND]`, `help man` (the man page in roff), `help completion` (the bash completion).
    int help(const std::vector<std::string>& args);
    /// Without --config: the user's $XDG_CONFIG_HOME/estore-host/host.properties (or ~/.config/…) and
    /// /etc/estore-host/host.properties, those that exist, the user's winning.
    void loadDefaultConfiguration();

    CliOptions _options;
    std::vector<std::string> _given;  ///< the options given, by name, in order
    bool _help = false;
    bool _version = false;
};

}  // namespace estore::host

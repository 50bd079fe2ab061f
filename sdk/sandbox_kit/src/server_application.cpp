#include "estore/sandbox_kit/server_application.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IntValidator.h>

#include <iostream>

#include "estore/sandbox_kit/termination_signals.h"
#include "estore/sdk/atomic_file.h"

namespace estore::sandbox_kit {

Poco::Util::Option ServerApplication::valued(const std::string& name, const std::string& description,
                                             const std::string& argument) {
    return Poco::Util::Option(name, "", description).required(false).repeatable(false).argument(argument);
}

void ServerApplication::defineOptions(Poco::Util::OptionSet& options) {
    Application::defineOptions(options);
    options.addOption(Poco::Util::Option("help", "h", "print this help and exit"));
    options.addOption(valued("bind", "address to listen on (default 127.0.0.1)", "ADDRESS"));
    options.addOption(valued("port", "port, 0 = any free one (default 0)", "N")
                          .validator(new Poco::Util::IntValidator(0, 65535)));
    options.addOption(valued("port-file", "write the bound port to this file", "FILE"));
    defineServerOptions(options);
}

void ServerApplication::handleOption(const std::string& name, const std::string& value) {
    Application::handleOption(name, value);
    if (name == "help") {
        _help = true;
        stopOptionsProcessing();
    } else if (name == "bind") {
        _bind = value;
    } else if (name == "port") {
        _port = static_cast<unsigned short>(Poco::NumberParser::parse(value));
    } else if (name == "port-file") {
        _portFile = value;
    } else {
        handleServerOption(name, value);
    }
}

int ServerApplication::main(const ArgVec&) {
    if (_help) return printHelp();
    try {
        return serve();
    } catch (const Poco::Exception& error) {
        std::cerr << commandName() << ": " << error.displayText() << std::endl;
    } catch (const std::exception& error) {
        std::cerr << commandName() << ": " << error.what() << std::endl;
    }
    return EXIT_SOFTWARE;
}

int ServerApplication::serve() {
    TerminationSignals signals;  // before any server thread exists
    const unsigned short port = startServer(_bind, _port);
    // Renamed into place, so a script polling for the file never reads half of it.
    if (!_portFile.empty()) sdk::AtomicFile::writePublic(_portFile, std::to_string(port) + "\n");
    signals.wait();
    stopServer();
    return EXIT_OK;
}

int ServerApplication::printHelp() {
    Poco::Util::HelpFormatter help(options());
    help.setCommand(commandName());
    help.setUsage("[options]");
    help.setHeader(description());
    help.format(std::cout);
    return EXIT_OK;
}

}  // namespace estore::sandbox_kit

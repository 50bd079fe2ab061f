#pragma once
// The command line of a local stand-in server (wix-sandbox, furs-sandbox): --help, --bind, --port,
// --port-file and the server's own options; it starts the server, announces it, writes the bound port
// (atomically) and serves until SIGINT or SIGTERM, then stops it and exits 0.
#include <Poco/Util/Application.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <string>

namespace estore::sandbox_kit {

class ServerApplication : public Poco::Util::Application {
protected:
    /// The server's own options, and how it takes them.
    virtual void defineServerOptions(Poco::Util::OptionSet& options) = 0;
    virtual void handleServerOption(const std::string& name, const std::string& value) = 0;
    /// Starts the server on bind:port (port 0: any free one), prints its one announcing line; returns the
    /// bound port. Throws to say why it cannot.
    virtual unsigned short startServer(const std::string& bind, unsigned short port) = 0;
    virtual void stopServer() = 0;
    /// One line for --help.
    virtual std::string description() const = 0;

    /// An option that takes a value.
    static Poco::Util::Option valued(const std::string& name, const std::string& description,
                                     const std::string& argument);

private:
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    int main(const ArgVec& args) override;
    int serve();
    int printHelp();

    std::string _bind = "127.0.0.1";
    unsigned short _port = 0;
    std::string _portFile;
    bool _help = false;
};

}  // namespace estore::sandbox_kit

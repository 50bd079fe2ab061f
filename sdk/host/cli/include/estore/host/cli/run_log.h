#pragma once
// The log of `estore-host run`, through Poco's logging framework (issue 18). Each line the scheduler, the
// webhook inbox and the passes write is one message of the logger "estore-host": a line that starts with
// "  ! " (a problem, a failed job) is a warning, every other one information. Where it goes:
//   - the `logging.*` configuration when there is one: Poco's LoggingConfigurator, so a file
//     (FileChannel, with rotation), syslog (SyslogChannel) or anything Poco has, e.g.
//       logging.loggers.root.channel = file
//       logging.channels.file.class = FileChannel
//       logging.channels.file.path = /var/log/estore-host/run.log
//       logging.channels.file.formatter.class = PatternFormatter
//       logging.channels.file.formatter.pattern = %Y-%m-%d %H:%M:%S %p %t
//   - else standard output, one line per event: "2026-12-07 05:10:27 Information wix-4  orders.import  ok …";
//     with --json one JSON object per line instead: {"time": "2026-12-07T05:10:27Z", "level": "information",
//     "message": "wix-4  orders.import  ok …"}.
// --log-level (error, warning, information, debug) overrides the configured level. What is logged has
// passed the redactor already: no secret reaches it.
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

namespace Poco {
class Logger;
}
namespace Poco::Util {
class AbstractConfiguration;
}

namespace estore::host {

class RunLog {
public:
    /// Throws std::invalid_argument for a level Poco does not know.
    RunLog(const Poco::Util::AbstractConfiguration* config, const std::string& level, std::ostream& console,
           bool json = false);
    ~RunLog();
    RunLog(const RunLog&) = delete;
    RunLog& operator=(const RunLog&) = delete;

    /// Each complete line is one message.
    std::ostream& stream() { return _stream; }

private:
    class LineBuffer final : public std::streambuf {
    public:
        explicit LineBuffer(Poco::Logger& logger) : _logger(logger) {}

    protected:
        int overflow(int c) override;
        int sync() override;

    private:
        void emit();
        Poco::Logger& _logger;
        std::string _line;
    };

    Poco::Logger& _logger;
    LineBuffer _buffer;
    std::ostream _stream;
};

}  // namespace estore::host

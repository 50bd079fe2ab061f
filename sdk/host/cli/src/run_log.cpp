#include "estore/host/cli/run_log.h"

#include <Poco/AutoPtr.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>
#include <Poco/StreamChannel.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <Poco/Util/LoggingConfigurator.h>

#include <stdexcept>

namespace estore::host {

namespace {

constexpr const char* kLogger = "estore-host";

Poco::Logger& configured(const Poco::Util::AbstractConfiguration* config, const std::string& level,
                         std::ostream& console) {
    Poco::Util::AbstractConfiguration::Keys loggingKeys;
    if (config) config->keys("logging", loggingKeys);
    if (!loggingKeys.empty()) {
        // The whole logging.* tree, as Poco::Util::LoggingSubsystem would apply it.
        Poco::AutoPtr<Poco::Util::AbstractConfiguration> logging(
            const_cast<Poco::Util::AbstractConfiguration*>(config)->createView("logging"));
        Poco::Util::LoggingConfigurator().configure(logging);
    } else {
        Poco::AutoPtr<Poco::PatternFormatter> formatter(
            new Poco::PatternFormatter("%Y-%m-%d %H:%M:%S %p %t"));
        formatter->setProperty("times", "local");
        Poco::AutoPtr<Poco::StreamChannel> stream(new Poco::StreamChannel(console));
        Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(formatter, stream));
        Poco::Logger::get(kLogger).setChannel(channel);
    }
    Poco::Logger& logger = Poco::Logger::get(kLogger);
    if (!level.empty()) {
        try {
            logger.setLevel(level);
        } catch (const std::exception&) {
            throw std::invalid_argument(
                "--log-level must be error, warning, notice, information or debug, not '" + level + "'");
        }
    }
    return logger;
}

}  // namespace

RunLog::RunLog(const Poco::Util::AbstractConfiguration* config, const std::string& level,
               std::ostream& console)
    : _logger(configured(config, level, console)), _buffer(_logger), _stream(&_buffer) {}

RunLog::~RunLog() {
    _stream.flush();
}

int RunLog::LineBuffer::overflow(int c) {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    if (c == '\n')
        emit();
    else
        _line.push_back(static_cast<char>(c));
    return c;
}

int RunLog::LineBuffer::sync() {
    return 0;  // a message is a whole line; a flush in the middle of one waits for its end
}

void RunLog::LineBuffer::emit() {
    static constexpr std::string_view kProblem = "  ! ";
    if (_line.compare(0, kProblem.size(), kProblem) == 0)
        _logger.warning(_line.substr(kProblem.size()));
    else
        _logger.information(_line);
    _line.clear();
}

}  // namespace estore::host

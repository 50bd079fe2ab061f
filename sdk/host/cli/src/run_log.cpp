#include "estore/host/cli/run_log.h"

#include <Poco/AutoPtr.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Formatter.h>
#include <Poco/FormattingChannel.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/PatternFormatter.h>
#include <Poco/StreamChannel.h>
#include <Poco/String.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <Poco/Util/LoggingConfigurator.h>

#include <sstream>
#include <stdexcept>

namespace estore::host {

namespace {

constexpr const char* kLogger = "estore-host";

/// One JSON object per message, for `run --json`: time (UTC, ISO 8601), level, message.
class JsonLineFormatter final : public Poco::Formatter {
public:
    void format(const Poco::Message& message, std::string& text) override {
        Poco::JSON::Object line;
        line.set("time",
                 Poco::DateTimeFormatter::format(message.getTime(), Poco::DateTimeFormat::ISO8601_FORMAT));
        line.set("level", Poco::toLower(levelName(message.getPriority())));
        line.set("message", message.getText());
        std::ostringstream out;
        line.stringify(out);
        text = out.str();
    }

private:
    static std::string levelName(Poco::Message::Priority priority) {
        switch (priority) {
            case Poco::Message::PRIO_FATAL: return "fatal";
            case Poco::Message::PRIO_CRITICAL: return "critical";
            case Poco::Message::PRIO_ERROR: return "error";
            case Poco::Message::PRIO_WARNING: return "warning";
            case Poco::Message::PRIO_NOTICE: return "notice";
            case Poco::Message::PRIO_INFORMATION: return "information";
            case Poco::Message::PRIO_DEBUG: return "debug";
            default: return "trace";
        }
    }
};

Poco::Logger& configured(const Poco::Util::AbstractConfiguration* config, const std::string& level,
                         std::ostream& console, bool json) {
    Poco::Util::AbstractConfiguration::Keys loggingKeys;
    if (config) config->keys("logging", loggingKeys);
    if (!loggingKeys.empty()) {
        // The whole logging.* tree, as Poco::Util::LoggingSubsystem would apply it.
        Poco::AutoPtr<Poco::Util::AbstractConfiguration> logging(
            const_cast<Poco::Util::AbstractConfiguration*>(config)->createView("logging"));
        Poco::Util::LoggingConfigurator().configure(logging);
    } else {
        Poco::AutoPtr<Poco::Formatter> formatter;
        if (json) {
            formatter = new JsonLineFormatter;
        } else {
            formatter = new Poco::PatternFormatter("%Y-%m-%d %H:%M:%S %p %t");
            formatter->setProperty("times", "local");
        }
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
               std::ostream& console, bool json)
    : _logger(configured(config, level, console, json)), _buffer(_logger), _stream(&_buffer) {}

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

#include "host_process.h"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <thread>

namespace estore::test {

std::string ProcessResult::describe() const {
    return "exit " + std::to_string(exitCode) + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
}

const std::map<std::string, std::string>& pinnedLocale() {
    static const std::map<std::string, std::string> locale = {
        {"LC_ALL", ""}, {"LC_MESSAGES", ""}, {"LANG", "C.UTF-8"}};
    return locale;
}

ProcessResult runProcess(const std::string& executable, const std::vector<std::string>& args,
                         const std::string& workingDir, const std::map<std::string, std::string>& env) {
    Poco::Pipe in, out, err;
    // The child's messages are in the locale's language (issue 18); every test sees the host's own,
    // Slovenian, whatever the machine's locale, unless it asks for another with --lang or its env.
    Poco::Process::Env environment(pinnedLocale().begin(), pinnedLocale().end());
    for (const auto& [name, value] : env) environment[name] = value;
    Poco::ProcessHandle handle =
        Poco::Process::launch(executable, args, workingDir, &in, &out, &err, environment);
    in.close();
    ProcessResult result;
    // Both streams are drained at once so a chatty child cannot block on a full pipe.
    std::thread errReader([&] {
        Poco::PipeInputStream stream(err);
        Poco::StreamCopier::copyToString(stream, result.err);
    });
    Poco::PipeInputStream stream(out);
    Poco::StreamCopier::copyToString(stream, result.out);
    errReader.join();
    result.exitCode = handle.wait();
    return result;
}

}  // namespace estore::test

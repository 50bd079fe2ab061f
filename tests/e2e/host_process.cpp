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

ProcessResult runProcess(const std::string& executable, const std::vector<std::string>& args,
                         const std::string& workingDir, const std::map<std::string, std::string>& env) {
    Poco::Pipe in, out, err;
    Poco::Process::Env environment(env.begin(), env.end());
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

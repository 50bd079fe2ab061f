#include "background_process.h"

#include "host_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <string_view>
#include <thread>

namespace estore::test {

BackgroundProcess::BackgroundProcess(const std::string& executable, const std::vector<std::string>& args,
                                     const std::string& workingDir, const std::string& logFile) {
    std::vector<std::string> argv = {executable};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> pointers;
    for (auto& arg : argv) pointers.push_back(arg.data());
    pointers.push_back(nullptr);
    // As runProcess: the locale pinned (pinnedLocale), so estore-host speaks its default, Slovenian.
    std::vector<std::string> environment;
    for (char** entry = environ; *entry; ++entry) {
        const std::string_view variable(*entry);
        if (pinnedLocale().count(std::string(variable.substr(0, variable.find('='))))) continue;
        environment.emplace_back(variable);
    }
    for (const auto& [name, value] : pinnedLocale()) environment.push_back(name + "=" + value);
    std::vector<char*> environmentPointers;
    for (auto& variable : environment) environmentPointers.push_back(variable.data());
    environmentPointers.push_back(nullptr);
    _pid = fork();
    if (_pid < 0) throw std::runtime_error("fork failed");
    if (_pid == 0) {
        // In the child: only async-signal-safe calls until exec.
        const int log = open(logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        const int null = open("/dev/null", O_RDONLY);
        if (log < 0 || null < 0 || chdir(workingDir.c_str()) != 0) _exit(127);
        dup2(null, 0);
        dup2(log, 1);
        dup2(log, 2);
        execve(executable.c_str(), pointers.data(), environmentPointers.data());
        _exit(127);
    }
}

BackgroundProcess::~BackgroundProcess() {
    stop(SIGKILL);
}

int BackgroundProcess::stop(int signal) {
    if (_pid <= 0) return 0;
    kill(_pid, signal);
    int status = 0;
    waitpid(_pid, &status, 0);
    _pid = -1;
    return status;
}

unsigned short waitForPortFile(const std::string& path, int timeoutMillis) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMillis);
    while (std::chrono::steady_clock::now() < deadline) {
        std::ifstream in(path);
        unsigned port = 0;
        if (in >> port && port > 0) return static_cast<unsigned short>(port);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return 0;
}

}  // namespace estore::test

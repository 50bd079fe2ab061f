#pragma once
// A child process left running (estore-host run), its output in a log file, that a test can stop
// gently (SIGTERM) or kill outright (SIGKILL) to play a crash. Its locale is C.UTF-8, as runProcess's.
#include <sys/types.h>

#include <string>
#include <vector>

namespace estore::test {

class BackgroundProcess {
public:
    BackgroundProcess(const std::string& executable, const std::vector<std::string>& args,
                      const std::string& workingDir, const std::string& logFile);
    ~BackgroundProcess();

    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    /// Sends the signal and waits for the child; returns its wait status. Safe to call twice.
    int stop(int signal);
    bool running() const { return _pid > 0; }

private:
    pid_t _pid = -1;
};

/// Waits until the file holds a number (a port written by the child); 0 on timeout.
unsigned short waitForPortFile(const std::string& path, int timeoutMillis = 15000);

}  // namespace estore::test

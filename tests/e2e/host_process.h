#pragma once
// Runs a program as a child process and collects its exit code, stdout and stderr. Stdin is an empty
// pipe, so nothing the child does can wait for a person. The child's locale is C.UTF-8 (LC_ALL and
// LC_MESSAGES empty) unless `env` says otherwise, so estore-host speaks Slovenian, its default.
#include <map>
#include <string>
#include <vector>

namespace estore::test {

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;

    /// For failure messages.
    std::string describe() const;
};

/// The locale every child of a test gets unless the test says otherwise: LANG=C.UTF-8, LC_ALL and
/// LC_MESSAGES empty (unset, to POSIX), so estore-host speaks its default, Slovenian, on any machine.
const std::map<std::string, std::string>& pinnedLocale();

ProcessResult runProcess(const std::string& executable, const std::vector<std::string>& args,
                         const std::string& workingDir, const std::map<std::string, std::string>& env = {});

}  // namespace estore::test

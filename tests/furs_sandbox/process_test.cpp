// The furs-sandbox program: its announcement line, the port file, and a clean stop on SIGINT and SIGTERM.

#include <signal.h>

#include <fstream>
#include <sstream>
#include <string>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <gtest/gtest.h>

#include "furs_test_support.h"

namespace furs_test {
namespace {

class ProcessTest : public ::testing::Test {
protected:
    void SetUp() override { _dir = makeTempDirectory(); }
    void TearDown() override { removeDirectory(_dir); }

    /// Starts the program, checks its first line and port file, asks it for its stats over HTTPS, sends
    /// `signal` and returns the exit code.
    int runAndStop(int signal) {
        const std::string state = _dir + "/state";
        const std::string portFile = _dir + "/port";
        Poco::Pipe output;
        Poco::ProcessHandle handle = Poco::Process::launch(
            FURS_SANDBOX_EXE, {"--port", "0", "--port-file", portFile, "--state-dir", state}, nullptr,
            &output, nullptr);
        Poco::PipeInputStream lines(output);
        std::string line;
        std::getline(lines, line);
        const std::string prefix = "furs-sandbox listening on https://127.0.0.1:";
        EXPECT_EQ(line.rfind(prefix, 0), 0u) << line;
        const std::size_t space = line.find(' ', prefix.size());
        const std::string port = line.substr(prefix.size(), space - prefix.size());
        EXPECT_EQ(line, prefix + port + " ca=" + state + "/ca.pem");
        std::string written;
        for (int i = 0; i < 100 && written.empty(); ++i) {  // written right after the line
            std::ifstream in(portFile);
            std::getline(in, written);
            if (written.empty()) usleep(20000);
        }
        EXPECT_EQ(written, port);
        const HttpResult stats =
            TestClient(static_cast<unsigned short>(std::stoi(port)), state + "/ca.pem", nullptr)
                .get("/_sandbox/stats");
        EXPECT_EQ(stats.status, 200);
        ::kill(handle.id(), signal);
        return handle.wait();
    }

    std::string _dir;
};

TEST_F(ProcessTest, AnnouncesWritesThePortAndStopsOnSigterm) {
    EXPECT_EQ(runAndStop(SIGTERM), 0);
}

TEST_F(ProcessTest, StopsOnSigint) {
    EXPECT_EQ(runAndStop(SIGINT), 0);
}

TEST_F(ProcessTest, RefusesAnAddressThatIsNotLoopback) {
    Poco::Pipe errors;
    Poco::ProcessHandle handle = Poco::Process::launch(
        FURS_SANDBOX_EXE, {"--bind", "0.0.0.0", "--state-dir", _dir + "/state"}, nullptr, nullptr, &errors);
    Poco::PipeInputStream lines(errors);
    std::string line;
    std::getline(lines, line);
    EXPECT_EQ(line, "furs-sandbox: furs-sandbox listens on a loopback address only, not \"0.0.0.0\"");
    EXPECT_NE(handle.wait(), 0);
}

}  // namespace
}  // namespace furs_test

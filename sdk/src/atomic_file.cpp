#include "estore/sdk/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace estore::sdk {

void AtomicFile::writeSecret(const std::filesystem::path& path, const std::string& content) {
    write(path, content, 0600);
}

void AtomicFile::writePublic(const std::filesystem::path& path, const std::string& content) {
    write(path, content, 0644);
}

std::string AtomicFile::read(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

void AtomicFile::write(const std::filesystem::path& path, const std::string& content, unsigned mode) {
    const std::filesystem::path partial = path.string() + ".partial";
    // open() with the mode, then fchmod() against the umask: the secret is never readable by others.
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) throw std::runtime_error("cannot write " + partial.string() + ": " + std::strerror(errno));
    bool ok = ::fchmod(fd, mode) == 0;
    std::size_t written = 0;
    while (ok && written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) written += static_cast<std::size_t>(n);
    }
    ok = ::fsync(fd) == 0 && ok;
    ok = ::close(fd) == 0 && ok;
    if (!ok) {
        ::unlink(partial.c_str());
        throw std::runtime_error("cannot write " + path.string());
    }
    std::filesystem::rename(partial, path);
}

}  // namespace estore::sdk

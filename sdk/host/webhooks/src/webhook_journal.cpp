#include "estore/host/webhooks/webhook_journal.h"

#include <Poco/SHA2Engine.h>
#include <Poco/UUIDGenerator.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <mutex>
#include <system_error>

#include "estore/host/storage/database.h"

namespace estore::host {

namespace fs = std::filesystem;

namespace {

constexpr const char* kLockFile = "lock";

[[noreturn]] void throwErrno(const std::string& what) {
    throw std::system_error(errno, std::generic_category(), what);
}

/// Opens `dir`/lock and takes its exclusive flock(); -1 when another process holds it.
int lockFolder(const fs::path& dir, bool wait) {
    const int fd = ::open((dir / kLockFile).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    if (::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool isSegment(const fs::path& file) {
    const std::string name = file.filename().string();
    return name.starts_with("segment-") && name.ends_with(".log");
}

}  // namespace

WebhookJournal::WebhookJournal(fs::path baseDir, std::size_t segmentBytes)
    : _base(std::move(baseDir)), _segmentBytes(segmentBytes) {}

WebhookJournal::~WebhookJournal() {
    bool everythingMoved = true;
    for (auto& [number, segment] : _segments) {
        if (segment->fd >= 0) ::close(segment->fd);
        everythingMoved = everythingMoved && segment->moved == segment->appended.load();
    }
    std::error_code ignored;
    // What was not moved stays, with the lock released: the next process to start recovers it.
    if (everythingMoved && !_dir.empty()) fs::remove_all(_dir, ignored);
    if (_lockFd >= 0) ::close(_lockFd);
}

fs::path WebhookJournal::baseFor(const std::string& databaseLocation, const std::string& configured) {
    const auto sqliteFile = Database::sqliteFile(databaseLocation);
    const fs::path root = !configured.empty() ? fs::path(configured)
                          : sqliteFile        ? fs::absolute(*sqliteFile).parent_path() / "webhook-journal"
                                              : fs::path("estore-data") / "webhook-journal";
    // Named after the database, never shared between two; the password is left out first: a short hash
    // of a low-entropy password would let anyone who can list the folder guess it offline.
    Poco::SHA2Engine sha;
    sha.update(Database::withoutPassword(databaseLocation));
    return fs::absolute(root) / Poco::DigestEngine::digestToHex(sha.digest()).substr(0, 16);
}

void WebhookJournal::open() {
    fs::create_directories(_base);
    const std::string name = std::to_string(::getpid()) + "-" +
                             Poco::UUIDGenerator::defaultGenerator().createRandom().toString().substr(0, 8);
    // Locked under a hidden name first and then renamed, so another process never sees the folder
    // unlocked and takes it for a dead process's journal.
    const fs::path making = _base / ("." + name);
    fs::create_directories(making);
    _lockFd = lockFolder(making, true);
    if (_lockFd < 0) throwErrno("cannot lock the webhook journal " + making.string());
    _dir = _base / name;
    fs::rename(making, _dir);
    auto first = openSegment(1);
    _active = first.get();
    _segments.emplace(1, std::move(first));
}

fs::path WebhookJournal::segmentPath(std::uint64_t number) const {
    char name[32];
    std::snprintf(name, sizeof name, "segment-%08llu.log", static_cast<unsigned long long>(number));
    return _dir / name;
}

std::unique_ptr<WebhookJournal::Segment> WebhookJournal::openSegment(std::uint64_t number) const {
    auto segment = std::make_unique<Segment>();
    segment->number = number;
    // O_APPEND: concurrent appends never overlap, each frame lands whole at the end of the file.
    segment->fd = ::open(segmentPath(number).c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (segment->fd < 0)
        throwErrno("cannot open the webhook journal segment " + segmentPath(number).string());
    return segment;
}

std::uint64_t WebhookJournal::append(const std::string& frame) {
    std::shared_lock lock(_rotation);
    Segment& segment = *_active;
    const ssize_t written = ::write(segment.fd, frame.data(), frame.size());
    if (written < 0) throwErrno("cannot write the webhook journal");
    if (static_cast<std::size_t>(written) != frame.size())
        throw std::system_error(std::make_error_code(std::errc::no_space_on_device),
                                "the webhook journal took only part of a record");
    segment.bytes.fetch_add(frame.size(), std::memory_order_relaxed);
    segment.appended.fetch_add(1, std::memory_order_release);
    return segment.number;
}

void WebhookJournal::moved(std::uint64_t segment, std::size_t count) {
    const auto found = _segments.find(segment);
    if (found == _segments.end()) return;
    found->second->moved += count;
    deleteFinished();
}

void WebhookJournal::rotateIfFull() {
    if (_active->bytes.load(std::memory_order_relaxed) < _segmentBytes) return;
    auto next = openSegment(_active->number + 1);
    {
        std::unique_lock lock(_rotation);  // waits for the appends in progress
        _active->closed = true;
        _active = next.get();
    }
    _segments.emplace(next->number, std::move(next));
    deleteFinished();
}

void WebhookJournal::deleteFinished() {
    for (auto it = _segments.begin(); it != _segments.end();) {
        Segment& segment = *it->second;
        if (!segment.closed || segment.moved < segment.appended.load(std::memory_order_acquire)) {
            ++it;
            continue;
        }
        ::close(segment.fd);
        std::error_code ignored;
        fs::remove(segmentPath(segment.number), ignored);
        it = _segments.erase(it);
    }
}

std::vector<WebhookJournal::Orphan> WebhookJournal::orphans() const {
    std::vector<Orphan> found;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(_base, error)) {
        const bool hidden = entry.path().filename().string().starts_with(".");
        if (!entry.is_directory() || hidden || entry.path() == _dir) continue;
        Orphan orphan;
        orphan.dir = entry.path();
        orphan.lockFd = lockFolder(orphan.dir, false);
        if (orphan.lockFd < 0) continue;  // its process is alive
        for (const auto& file : fs::directory_iterator(orphan.dir, error))
            if (isSegment(file.path())) orphan.segments.push_back(file.path());
        std::sort(orphan.segments.begin(), orphan.segments.end());
        found.push_back(std::move(orphan));
    }
    return found;
}

void WebhookJournal::discard(Orphan& orphan) {
    std::error_code ignored;
    fs::remove_all(orphan.dir, ignored);
    release(orphan);
}

void WebhookJournal::release(Orphan& orphan) {
    if (orphan.lockFd >= 0) ::close(orphan.lockFd);
    orphan.lockFd = -1;
}

std::size_t WebhookJournal::segmentFiles() const {
    std::size_t count = 0;
    std::error_code error;
    for (const auto& file : fs::directory_iterator(_dir, error))
        if (isSegment(file.path())) ++count;
    return count;
}

}  // namespace estore::host

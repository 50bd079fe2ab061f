#pragma once
// The intake journal: append-only segment files where the webhook endpoint writes each accepted request
// (one write() of one frame) before it answers 200. A record in the page cache survives the process
// being killed, which is what the SQLite inbox's own commits promise with synchronous=NORMAL, and costs
// one system call instead of a transaction, so the endpoint answers nearly as fast as a bare server.
// The intake's mover then copies the records into the inbox; a segment is deleted once it is closed and
// every record in it is there.
//
// Each process writes its own folder (BASE/<pid>-<random>/), held with flock() for its lifetime. A folder
// whose lock is free belongs to a process that is gone: the next process to start recovers it.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

namespace estore::host {

class WebhookJournal {
public:
    static constexpr std::size_t kDefaultSegmentBytes = 8u << 20;

    /// `baseDir` holds the journals of one database only (see WebhookJournal::baseFor).
    explicit WebhookJournal(std::filesystem::path baseDir, std::size_t segmentBytes = kDefaultSegmentBytes);
    /// Closes the journal; its folder is removed when every record it took was moved.
    ~WebhookJournal();

    WebhookJournal(const WebhookJournal&) = delete;
    WebhookJournal& operator=(const WebhookJournal&) = delete;

    /// The journal folder for a database: under `configured` if not empty, else beside an SQLite file
    /// (FILE's folder/webhook-journal), else ./estore-data/webhook-journal; then one subfolder per
    /// database, so two databases never recover each other's requests.
    static std::filesystem::path baseFor(const std::string& databaseLocation, const std::string& configured);

    /// Creates and locks this process's folder and opens its first segment. Throws std::system_error.
    void open();

    /// Appends one frame with a single write(); returns the segment it is in. Throws std::system_error
    /// when it was not written whole (a partial frame is skipped as damage when read back).
    std::uint64_t append(const std::string& frame);

    /// Mover only: `count` more records of `segment` are in the inbox. A segment that is closed and
    /// fully moved is deleted.
    void moved(std::uint64_t segment, std::size_t count);
    /// Mover only: starts a new segment when the active one has reached the size limit.
    void rotateIfFull();

    /// A journal left by a process that is gone: its segment files, oldest first. Its lock is held by
    /// this object until `discard`.
    struct Orphan {
        std::filesystem::path dir;
        std::vector<std::filesystem::path> segments;
        int lockFd = -1;
    };
    /// The journals of this database whose process is gone (never this journal's own).
    std::vector<Orphan> orphans() const;
    /// Deletes a recovered journal and releases its lock.
    static void discard(Orphan& orphan);
    /// Releases an orphan's lock and keeps its files (it could not be recovered yet).
    static void release(Orphan& orphan);

    const std::filesystem::path& dir() const { return _dir; }
    /// Segment files this journal has on disk (for tests and benchmarks).
    std::size_t segmentFiles() const;

private:
    struct Segment {
        std::uint64_t number = 0;
        int fd = -1;
        std::atomic<std::uint64_t> appended{0};
        std::atomic<std::uint64_t> bytes{0};
        std::uint64_t moved = 0;  ///< mover only
        bool closed = false;      ///< set under the exclusive lock: no append reaches it any more
    };

    std::filesystem::path segmentPath(std::uint64_t number) const;
    std::unique_ptr<Segment> openSegment(std::uint64_t number) const;
    /// Deletes the segments that are closed and whose records are all in the inbox (mover only).
    void deleteFinished();

    std::filesystem::path _base;
    std::filesystem::path _dir;
    std::size_t _segmentBytes;
    int _lockFd = -1;
    /// Appenders hold it shared while they write; rotation takes it exclusively to swap `_active`.
    mutable std::shared_mutex _rotation;
    Segment* _active = nullptr;
    std::map<std::uint64_t, std::unique_ptr<Segment>> _segments;  ///< changed by the mover only
};

}  // namespace estore::host

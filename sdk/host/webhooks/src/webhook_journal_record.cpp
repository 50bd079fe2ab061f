#include "estore/host/webhooks/webhook_journal_record.h"

#include <Poco/Checksum.h>

#include <optional>

namespace estore::host {

namespace {

constexpr std::uint32_t kMagic = 0x314a5745;  // "EWJ1" read as little-endian bytes
constexpr std::size_t kHeaderBytes = 12;      // magic, length, CRC-32

void putU32(std::string& out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

void putI64(std::string& out, std::int64_t value) {
    const auto bits = static_cast<std::uint64_t>(value);
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
}

void putText(std::string& out, const std::string& text) {
    putU32(out, static_cast<std::uint32_t>(text.size()));
    out += text;
}

std::uint32_t crc32(std::string_view bytes) {
    Poco::Checksum checksum(Poco::Checksum::TYPE_CRC32);
    checksum.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return checksum.checksum();
}

/// Reads the payload's fields in order; any read past the end marks the payload as not a record.
class PayloadReader {
public:
    explicit PayloadReader(std::string_view bytes) : _bytes(bytes) {}

    std::uint64_t unsignedOf(int width) {
        if (_bytes.size() - _at < static_cast<std::size_t>(width)) return fail();
        std::uint64_t value = 0;
        for (int i = 0; i < width; ++i)
            value |= static_cast<std::uint64_t>(static_cast<unsigned char>(_bytes[_at + i])) << (8 * i);
        _at += static_cast<std::size_t>(width);
        return value;
    }
    std::int64_t i64() { return static_cast<std::int64_t>(unsignedOf(8)); }
    std::string text() {
        const auto size = static_cast<std::size_t>(unsignedOf(4));
        if (!_ok || _bytes.size() - _at < size) return fail(), std::string();
        std::string value(_bytes.substr(_at, size));
        _at += size;
        return value;
    }
    bool complete() const { return _ok && _at == _bytes.size(); }

private:
    std::uint64_t fail() {
        _ok = false;
        _at = _bytes.size();
        return 0;
    }

    std::string_view _bytes;
    std::size_t _at = 0;
    bool _ok = true;
};

std::optional<InboxRow> decodePayload(std::string_view payload) {
    PayloadReader in(payload);
    InboxRow row;
    row.id = in.i64();
    row.receivedAt = in.i64();
    row.storeId = in.text();
    row.method = in.text();
    row.contentType = in.text();
    row.headersText = in.text();
    row.body = in.text();
    row.rejectReason = in.text();
    if (!in.complete()) return std::nullopt;
    return row;
}

/// The record framed at `at`, with its frame's size; nullopt when no whole, intact frame starts there.
std::optional<std::pair<InboxRow, std::size_t>> frameAt(std::string_view bytes, std::size_t at) {
    if (bytes.size() - at < kHeaderBytes) return std::nullopt;
    PayloadReader header(bytes.substr(at, kHeaderBytes));
    const auto magic = static_cast<std::uint32_t>(header.unsignedOf(4));
    const auto length = static_cast<std::uint32_t>(header.unsignedOf(4));
    const auto sum = static_cast<std::uint32_t>(header.unsignedOf(4));
    if (magic != kMagic || length > WebhookJournalRecord::kMaxPayload ||
        bytes.size() - at - kHeaderBytes < length)
        return std::nullopt;
    const std::string_view payload = bytes.substr(at + kHeaderBytes, length);
    if (crc32(payload) != sum) return std::nullopt;
    auto row = decodePayload(payload);
    if (!row) return std::nullopt;
    return std::make_pair(std::move(*row), kHeaderBytes + length);
}

}  // namespace

std::string WebhookJournalRecord::encode(const InboxRow& row) {
    std::string payload;
    payload.reserve(row.body.size() + row.headersText.size() + 128);
    putI64(payload, row.id);
    putI64(payload, row.receivedAt);
    putText(payload, row.storeId);
    putText(payload, row.method);
    putText(payload, row.contentType);
    putText(payload, row.headersText);
    putText(payload, row.body);
    putText(payload, row.rejectReason);
    std::string frame;
    frame.reserve(kHeaderBytes + payload.size());
    putU32(frame, kMagic);
    putU32(frame, static_cast<std::uint32_t>(payload.size()));
    putU32(frame, crc32(payload));
    frame += payload;
    return frame;
}

WebhookJournalRecord::Decoded WebhookJournalRecord::decodeAll(std::string_view bytes) {
    Decoded decoded;
    std::size_t at = 0;
    while (at < bytes.size()) {
        if (auto frame = frameAt(bytes, at)) {
            decoded.rows.push_back(std::move(frame->first));
            at += frame->second;
            continue;
        }
        // Not a whole frame: step to the next place the magic appears and try there.
        const std::size_t next = bytes.find(std::string_view("EWJ1"), at + 1);
        const std::size_t resume = next == std::string_view::npos ? bytes.size() : next;
        decoded.damagedBytes += resume - at;
        at = resume;
    }
    return decoded;
}

}  // namespace estore::host

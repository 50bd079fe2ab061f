#include "wix_sandbox/core/deterministic_random.h"

namespace wix_sandbox {

namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

}  // namespace

DeterministicRandom::DeterministicRandom(std::uint64_t seed) : _state(seed) {}

std::uint64_t DeterministicRandom::next() {
    std::uint64_t z = (_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

long DeterministicRandom::between(long low, long high) {
    const std::uint64_t span = static_cast<std::uint64_t>(high - low) + 1;
    return low + static_cast<long>(next() % span);
}

std::string DeterministicRandom::guid() {
    std::string text;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) text += '-';
        text += kHex[next() % 16];
    }
    return text;
}

std::string DeterministicRandom::base64Url(std::size_t length) {
    std::string text;
    text.reserve(length);
    for (std::size_t i = 0; i < length; ++i) text += kBase64Url[next() % 64];
    return text;
}

}  // namespace wix_sandbox

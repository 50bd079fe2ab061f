#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wix_sandbox {

/// SplitMix64: the same seed gives the same shop on every compiler and standard library
/// (std::uniform_int_distribution does not promise that).
class DeterministicRandom {
public:
    explicit DeterministicRandom(std::uint64_t seed);

    std::uint64_t next();
    /// Uniform in [low, high].
    long between(long low, long high);
    /// Lower-case GUID, like Wix ids.
    std::string guid();
    /// URL-safe base64 text of the given length.
    std::string base64Url(std::size_t length);

    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(between(0, static_cast<long>(items.size()) - 1))];
    }

private:
    std::uint64_t _state;
};

}  // namespace wix_sandbox

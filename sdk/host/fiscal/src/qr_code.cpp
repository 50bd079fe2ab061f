#include "estore/host/fiscal/qr_code.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace estore::host {

namespace {

// Level M, versions 1–3: data and error correction codewords of the single block (ISO/IEC 18004 Table 9).
constexpr std::array<int, 4> kDataCodewords{0, 16, 28, 44};
constexpr std::array<int, 4> kEccCodewords{0, 10, 16, 26};
constexpr int kLevelMFormatBits = 0;  // L = 1, M = 0, Q = 3, H = 2

/// Multiplication in GF(256) modulo x^8 + x^4 + x^3 + x^2 + 1 (0x11D), QR's field.
unsigned char gfMultiply(unsigned char a, unsigned char b) {
    int product = 0;
    for (int i = 7; i >= 0; --i) {
        product = (product << 1) ^ ((product >> 7) * 0x11D);
        product ^= ((b >> i) & 1) * a;
    }
    return static_cast<unsigned char>(product);
}

std::vector<unsigned char> reedSolomonRemainder(const std::vector<unsigned char>& data, int degree) {
    // The generator polynomial (x - α^0)(x - α^1)…(x - α^(degree-1)), α = 2, highest term dropped.
    std::vector<unsigned char> generator(static_cast<std::size_t>(degree), 0);
    generator.back() = 1;
    unsigned char root = 1;
    for (int i = 0; i < degree; ++i) {
        for (std::size_t j = 0; j < generator.size(); ++j) {
            generator[j] = gfMultiply(generator[j], root);
            if (j + 1 < generator.size()) generator[j] ^= generator[j + 1];
        }
        root = gfMultiply(root, 2);
    }
    std::vector<unsigned char> remainder(static_cast<std::size_t>(degree), 0);
    for (unsigned char byte : data) {
        const unsigned char factor = byte ^ remainder.front();
        remainder.erase(remainder.begin());
        remainder.push_back(0);
        for (std::size_t j = 0; j < remainder.size(); ++j) remainder[j] ^= gfMultiply(generator[j], factor);
    }
    return remainder;
}

class BitBuffer {
public:
    void append(unsigned value, int bits) {
        for (int i = bits - 1; i >= 0; --i) _bits.push_back((value >> i) & 1);
    }
    std::size_t size() const { return _bits.size(); }
    std::vector<unsigned char> bytes() const {
        std::vector<unsigned char> out(_bits.size() / 8, 0);
        for (std::size_t i = 0; i < _bits.size(); ++i)
            if (_bits[i]) out[i / 8] |= static_cast<unsigned char>(0x80 >> (i % 8));
        return out;
    }

private:
    std::vector<bool> _bits;
};

bool maskedAt(int mask, int row, int column) {
    const int r = row, c = column;
    switch (mask) {
        case 0: return (r + c) % 2 == 0;
        case 1: return r % 2 == 0;
        case 2: return c % 3 == 0;
        case 3: return (r + c) % 3 == 0;
        case 4: return (r / 2 + c / 3) % 2 == 0;
        case 5: return r * c % 2 + r * c % 3 == 0;
        case 6: return (r * c % 2 + r * c % 3) % 2 == 0;
        default: return ((r + c) % 2 + r * c % 3) % 2 == 0;
    }
}

}  // namespace

std::optional<QrCode> QrCode::numeric(const std::string& digits) {
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const auto bitsFor = [&](std::size_t n) {
        return 4 + 10 + (n / 3) * 10 + (n % 3 == 2 ? 7 : n % 3 == 1 ? 4 : 0);
    };
    int version = 1;
    while (version <= 3 && bitsFor(digits.size()) > static_cast<std::size_t>(kDataCodewords[version] * 8))
        ++version;
    if (version > 3) return std::nullopt;

    BitBuffer bits;
    bits.append(0x1, 4);  // numeric mode
    bits.append(static_cast<unsigned>(digits.size()), 10);
    for (std::size_t i = 0; i < digits.size(); i += 3) {
        const std::string group = digits.substr(i, 3);
        bits.append(static_cast<unsigned>(std::atoi(group.c_str())), group.size() == 3   ? 10
                                                                     : group.size() == 2 ? 7
                                                                                         : 4);
    }
    const std::size_t capacity = static_cast<std::size_t>(kDataCodewords[version]) * 8;
    bits.append(0, static_cast<int>(std::min<std::size_t>(4, capacity - bits.size())));  // terminator
    bits.append(0, static_cast<int>((8 - bits.size() % 8) % 8));
    for (unsigned pad = 0xEC; bits.size() < capacity; pad ^= 0xEC ^ 0x11) bits.append(pad, 8);

    std::vector<unsigned char> codewords = bits.bytes();
    const auto ecc = reedSolomonRemainder(codewords, kEccCodewords[version]);
    codewords.insert(codewords.end(), ecc.begin(), ecc.end());
    return QrCode(version, codewords);
}

QrCode::QrCode(int version, const std::vector<unsigned char>& codewords)
    : _size(17 + 4 * version),
      _modules(static_cast<std::size_t>(_size * _size), false),
      _function(static_cast<std::size_t>(_size * _size), false) {
    drawFunctionPatterns();
    placeData(codewords);
    long best = -1;
    for (int mask = 0; mask < 8; ++mask) {
        applyMask(mask);
        drawFormat(mask);
        const long score = penalty();
        if (best < 0 || score < best) {
            best = score;
            _mask = mask;
        }
        applyMask(mask);  // XOR again: undone
    }
    applyMask(_mask);
    drawFormat(_mask);
}

void QrCode::set(int row, int column, bool dark, bool function) {
    const auto at = static_cast<std::size_t>(row * _size + column);
    _modules[at] = dark;
    if (function) _function[at] = true;
}

void QrCode::drawFinder(int row, int column) {
    // 7 × 7 with its light separator ring, clipped at the symbol's edge.
    for (int dr = -4; dr <= 4; ++dr)
        for (int dc = -4; dc <= 4; ++dc) {
            const int r = row + dr, c = column + dc;
            if (r < 0 || r >= _size || c < 0 || c >= _size) continue;
            const int ring = std::max(std::abs(dr), std::abs(dc));
            set(r, c, ring != 2 && ring != 4);
        }
}

void QrCode::drawAlignment(int row, int column) {
    for (int dr = -2; dr <= 2; ++dr)
        for (int dc = -2; dc <= 2; ++dc)
            set(row + dr, column + dc, std::max(std::abs(dr), std::abs(dc)) != 1);
}

void QrCode::drawFunctionPatterns() {
    for (int i = 0; i < _size; ++i) {
        set(6, i, i % 2 == 0);  // timing patterns
        set(i, 6, i % 2 == 0);
    }
    drawFinder(3, 3);
    drawFinder(3, _size - 4);
    drawFinder(_size - 4, 3);
    if (version() >= 2) drawAlignment(_size - 7, _size - 7);  // versions 2–6 have one
    drawFormat(0);  // reserves the format areas (drawn for real once the mask is chosen)
}

void QrCode::drawFormat(int mask) {
    const int data = kLevelMFormatBits << 3 | mask;
    int remainder = data;
    for (int i = 0; i < 10; ++i) remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
    const int bits = (data << 10 | remainder) ^ 0x5412;
    const auto bit = [bits](int i) { return ((bits >> i) & 1) != 0; };
    // First copy, around the top-left finder.
    for (int i = 0; i <= 5; ++i) set(i, 8, bit(i));
    set(7, 8, bit(6));
    set(8, 8, bit(7));
    set(8, 7, bit(8));
    for (int i = 9; i < 15; ++i) set(8, 14 - i, bit(i));
    // Second copy, split between the other two finders, and the dark module.
    for (int i = 0; i < 8; ++i) set(8, _size - 1 - i, bit(i));
    for (int i = 8; i < 15; ++i) set(_size - 15 + i, 8, bit(i));
    set(_size - 8, 8, true);
}

void QrCode::placeData(const std::vector<unsigned char>& codewords) {
    // Two-module columns from the right, up and down in turn, the vertical timing column skipped; the
    // remainder bits after the last codeword stay light.
    std::size_t i = 0;
    for (int right = _size - 1; right >= 1; right -= 2) {
        if (right == 6) right = 5;
        for (int vertical = 0; vertical < _size; ++vertical)
            for (int j = 0; j < 2; ++j) {
                const int column = right - j;
                const bool upward = ((right + 1) & 2) == 0;
                const int row = upward ? _size - 1 - vertical : vertical;
                if (_function[static_cast<std::size_t>(row * _size + column)] || i >= codewords.size() * 8)
                    continue;
                set(row, column, ((codewords[i >> 3] >> (7 - (i & 7))) & 1) != 0, false);
                ++i;
            }
    }
}

void QrCode::applyMask(int mask) {
    for (int r = 0; r < _size; ++r)
        for (int c = 0; c < _size; ++c) {
            const auto at = static_cast<std::size_t>(r * _size + c);
            if (!_function[at] && maskedAt(mask, r, c)) _modules[at] = !_modules[at];
        }
}

long QrCode::penalty() const {
    long score = 0;
    const auto module = [this](int r, int c, bool byRow) { return byRow ? dark(r, c) : dark(c, r); };
    for (const bool byRow : {true, false})
        for (int line = 0; line < _size; ++line) {
            // N1: five or more alike in a row, 3 + 1 for each beyond five.
            int run = 1;
            for (int i = 1; i <= _size; ++i) {
                if (i < _size && module(line, i, byRow) == module(line, i - 1, byRow)) {
                    ++run;
                    continue;
                }
                if (run >= 5) score += 3 + (run - 5);
                run = 1;
            }
            // N3: 1:1:3:1:1 finder-like patterns with four light modules on one side (outside counts light).
            for (int i = -4; i < _size; ++i) {
                const auto at = [&](int k) { return k >= 0 && k < _size && module(line, k, byRow); };
                static constexpr std::array<bool, 11> kPattern{true, false, true,  true,  true, false,
                                                               true, false, false, false, false};
                bool forward = true, backward = true;
                for (int k = 0; k < 11; ++k) {
                    forward = forward && at(i + k) == kPattern[static_cast<std::size_t>(k)];
                    backward = backward && at(i + k) == kPattern[static_cast<std::size_t>(10 - k)];
                }
                score += (forward ? 40 : 0) + (backward ? 40 : 0);
            }
        }
    // N2: 2 × 2 blocks of one colour.
    for (int r = 0; r + 1 < _size; ++r)
        for (int c = 0; c + 1 < _size; ++c) {
            const bool d = dark(r, c);
            if (d == dark(r, c + 1) && d == dark(r + 1, c) && d == dark(r + 1, c + 1)) score += 3;
        }
    // N4: 10 for each 5 % the dark share strays from 50 %.
    const long total = static_cast<long>(_size) * _size;
    const long darkCount = static_cast<long>(std::count(_modules.begin(), _modules.end(), true));
    const long k = (std::labs(darkCount * 20 - total * 10) + total - 1) / total - 1;
    return score + std::max(0L, k) * 10;
}

std::string QrCode::svg(int moduleSize) const {
    const int quiet = 4;
    const int width = (_size + 2 * quiet) * moduleSize;
    std::string path;
    for (int r = 0; r < _size; ++r)
        for (int c = 0; c < _size; ++c)
            if (dark(r, c))
                path += "M" + std::to_string((c + quiet) * moduleSize) + " " +
                        std::to_string((r + quiet) * moduleSize) + "h" + std::to_string(moduleSize) + "v" +
                        std::to_string(moduleSize) + "h-" + std::to_string(moduleSize) + "z";
    const std::string w = std::to_string(width);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + w +
           "\" viewBox=\"0 0 " + w + " " + w +
           "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path "
           "d=\"" +
           path + "\" fill=\"#000\"/></svg>";
}

}  // namespace estore::host

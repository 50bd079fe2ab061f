#pragma once
// A QR code (ISO/IEC 18004) of a string of digits, as FURS wants the code data printed on an invoice:
// numeric mode, error correction level M; 60 digits make version 2, 25 × 25 modules (FURS's technical
// specification, reference furs-protocol.md "Code data"). Versions 1 to 3 (one Reed–Solomon block each)
// cover up to 101 digits; the mask is the one with the lowest penalty score, as the standard asks.
#include <optional>
#include <string>
#include <vector>

namespace estore::host {

class QrCode {
public:
    /// nullopt when the text is not digits only, empty, or longer than version 3-M holds (101 digits).
    static std::optional<QrCode> numeric(const std::string& digits);

    int size() const { return _size; }
    int version() const { return (_size - 17) / 4; }
    int mask() const { return _mask; }
    /// True for a dark module; row and column from 0 at the top left.
    bool dark(int row, int column) const { return _modules[static_cast<std::size_t>(row * _size + column)]; }

    /// The symbol as an SVG image, `moduleSize` user units a module, with the 4-module quiet zone.
    std::string svg(int moduleSize = 4) const;

private:
    QrCode(int version, const std::vector<unsigned char>& codewords);

    void drawFunctionPatterns();
    void drawFinder(int row, int column);
    void drawAlignment(int row, int column);
    void drawFormat(int mask);
    void placeData(const std::vector<unsigned char>& codewords);
    void applyMask(int mask);
    long penalty() const;
    void set(int row, int column, bool dark, bool function = true);

    int _size;
    int _mask = 0;
    std::vector<bool> _modules;
    std::vector<bool> _function;
};

}  // namespace estore::host

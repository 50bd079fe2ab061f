// FURS's code data as a QR code: the symbol's structure as ISO/IEC 18004 fixes it, and the proof that
// counts, a real decoder (zbarimg, from Debian's zbar-tools) reading back the 60 digits.
#include <gtest/gtest.h>

#include <fstream>

#include "estore/host/fiscal/fiscal_code.h"
#include "estore/host/fiscal/qr_code.h"
#include "host_process.h"
#include "test_support.h"

using estore::host::QrCode;

namespace {

/// The symbol as a plain PBM picture, 4 pixels a module with the 4-module quiet zone.
std::string writePbm(const QrCode& qr, const std::string& path) {
    const int scale = 4, quiet = 4, width = (qr.size() + 2 * quiet) * scale;
    std::ofstream out(path);
    out << "P1\n" << width << " " << width << "\n";
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            const int r = y / scale - quiet, c = x / scale - quiet;
            const bool dark = r >= 0 && c >= 0 && r < qr.size() && c < qr.size() && qr.dark(r, c);
            out << (dark ? "1 " : "0 ");
        }
        out << "\n";
    }
    return path;
}

std::string decoded(const QrCode& qr, const estore::test::TempDir& dir, const std::string& name) {
    const auto result = estore::test::runProcess(
        "/usr/bin/zbarimg", {"--raw", "-q", writePbm(qr, dir.file(name))}, dir.path().string());
    EXPECT_EQ(result.exitCode, 0) << "zbarimg (./setup.sh installs zbar-tools) could not read it: "
                                  << result.describe();
    std::string text = result.out;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

}  // namespace

TEST(QrCode, FursCodeDataIsVersionTwoWithFinderTimingAndTheDarkModule) {
    const std::string data = estore::host::FiscalCode::qrData(
        "a7e5f55e1dbb48b799268e1a6d8618a3", "10039856", estore::host::LocalDateTime{2015, 8, 15, 10, 13, 32});
    ASSERT_EQ(data.size(), 60u);
    const auto qr = QrCode::numeric(data);
    ASSERT_TRUE(qr);
    EXPECT_EQ(qr->version(), 2);
    EXPECT_EQ(qr->size(), 25);
    // Finder corners dark, separators light, timing alternating, the dark module at (4V + 9, 8).
    EXPECT_TRUE(qr->dark(0, 0) && qr->dark(0, 24) && qr->dark(24, 0));
    EXPECT_FALSE(qr->dark(7, 7) || qr->dark(7, 17) || qr->dark(17, 7));
    for (int i = 8; i < 17; ++i) EXPECT_EQ(qr->dark(6, i), i % 2 == 0) << i;
    EXPECT_TRUE(qr->dark(17, 8));
    EXPECT_TRUE(qr->dark(18, 18)) << "the alignment pattern's centre";
    EXPECT_NE(qr->svg().find("viewBox=\"0 0 132 132\""), std::string::npos);
}

TEST(QrCode, ADecoderReadsBackTheDigitsOfEveryLength) {
    estore::test::TempDir dir;
    const std::string data = estore::host::FiscalCode::qrData(
        "a7e5f55e1dbb48b799268e1a6d8618a3", "10039856", estore::host::LocalDateTime{2015, 8, 15, 10, 13, 32});
    EXPECT_EQ(decoded(*QrCode::numeric(data), dir, "furs.pbm"), data);
    for (const std::string& digits :
         std::vector<std::string>{"0", "12", "123", "0123456789", std::string(34, '7'), std::string(35, '1'),
                                  std::string(63, '9'), std::string(64, '5'), std::string(101, '3')}) {
        const auto qr = QrCode::numeric(digits);
        ASSERT_TRUE(qr) << digits.size();
        EXPECT_EQ(decoded(*qr, dir, "n" + std::to_string(digits.size()) + ".pbm"), digits) << digits.size();
    }
}

TEST(QrCode, RefusesWhatIsNoDigitsOrTooLong) {
    EXPECT_FALSE(QrCode::numeric(""));
    EXPECT_FALSE(QrCode::numeric("12a4"));
    EXPECT_FALSE(QrCode::numeric(std::string(102, '1')));
    EXPECT_EQ(QrCode::numeric(std::string(34, '1'))->version(), 1);
    EXPECT_EQ(QrCode::numeric(std::string(35, '1'))->version(), 2);
    EXPECT_EQ(QrCode::numeric(std::string(64, '1'))->version(), 3);
}

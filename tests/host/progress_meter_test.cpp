// ProgressMeter as a person sees it (issue 18): a bar redrawn in place on a terminal, periodic plain
// lines elsewhere, steps, the rate and the time taken, in one language.
#include <gtest/gtest.h>

#include <sstream>

#include "estore/host/cli/progress_meter.h"

using namespace estore::host;
using namespace std::chrono_literals;

namespace {

/// A clock the test moves by hand.
struct ManualClock {
    ProgressMeter::Clock::time_point now{};
    ProgressMeter::Style style(bool terminal) {
        ProgressMeter::Style s;
        s.terminal = terminal;
        s.now = [this] { return now; };
        return s;
    }
};

std::size_t countOf(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST(ProgressMeter, TheBarFillsInProportion) {
    EXPECT_EQ(ProgressMeter::bar(0, 10, 10), "[----------]");
    EXPECT_EQ(ProgressMeter::bar(5, 10, 10), "[#####-----]");
    EXPECT_EQ(ProgressMeter::bar(10, 10, 10), "[##########]");
    EXPECT_EQ(ProgressMeter::bar(15, 10, 10), "[##########]") << "more than the total is full, not past it";
    EXPECT_EQ(ProgressMeter::bar(0, 0, 4), "[####]") << "nothing of nothing is all of it (an empty file)";
}

TEST(ProgressMeter, OnATerminalOneLineIsRedrawnInPlaceWithBarCountAndRate) {
    ManualClock clock;
    std::ostringstream out;
    ProgressMeter meter(out, Language{}, clock.style(true), {"Uvoz zaloge GLAVNO", "Stock import GLAVNO"},
                        {"vrstice", "rows"}, 4000);
    clock.now += 1s;
    meter.update(1000);
    clock.now += 10ms;
    meter.update(1001);  // within the redraw interval: not drawn
    clock.now += 1s;
    meter.update(2000);
    EXPECT_EQ(meter.line(), "Uvoz zaloge GLAVNO: [##########----------] vrstice: 2.000/4.000, 995/s");
    meter.finish();
    const std::string text = out.str();
    EXPECT_EQ(countOf(text, "\r"), 3u) << text;
    EXPECT_EQ(countOf(text, "\n"), 1u) << "only the final line ends: " << text;
    EXPECT_NE(text.find("\rUvoz zaloge GLAVNO: [#####---------------] vrstice: 1.000/4.000, 1.000/s\033[K"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("[####################] vrstice: 4.000/4.000, 1.990/s · končano, 2,0 s\033[K\n"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("rows"), std::string::npos) << "one language at a time";
}

TEST(ProgressMeter, WithoutATerminalCountsComeAsALineEveryFewSecondsNotOneEachUpdate) {
    ManualClock clock;
    std::ostringstream out;
    ProgressMeter meter(out, Language{true}, clock.style(false), {"Uvoz naročil", "Order import"},
                        {"naročila", "orders"});
    for (int i = 1; i <= 120; ++i) {
        clock.now += 100ms;  // 12 s in all: lines at 5 s and 10 s
        meter.update(i * 10);
    }
    meter.finish();
    const std::string text = out.str();
    EXPECT_EQ(text.find('\r'), std::string::npos) << "no control characters in a log";
    EXPECT_EQ(text,
              "Order import: orders: 500, 100/s\n"
              "Order import: orders: 1,000, 100/s\n"
              "Order import: orders: 1,200, 100/s · done, 12.0 s\n");
}

TEST(ProgressMeter, AQuickJobWithoutATerminalSaysOnlyItsEnd) {
    ManualClock clock;
    std::ostringstream out;
    ProgressMeter meter(out, Language{}, clock.style(false), {"Uvoz zaloge", "Stock import"},
                        {"vrstice", "rows"}, 3);
    meter.update(3);
    meter.finish();
    EXPECT_EQ(out.str(), "Uvoz zaloge: [####################] vrstice: 3/3 · končano, 0,0 s\n");
}

TEST(ProgressMeter, StepsAreDrawnAtOnceAndAFailureKeepsWhereItStopped) {
    ManualClock clock;
    std::ostringstream out;
    ProgressMeter meter(out, Language{}, clock.style(false), {"Dodajanje trgovine", "Adding the store"},
                        {"koraki", "steps"}, 3);
    meter.step({"preverjanje nastavitev", "checking the settings"});
    clock.now += 1200ms;
    meter.step({"preverjanje pri trgovini", "checking with the shop"});
    meter.finish({"zavrnjeno", "refused"});
    meter.finish();  // once finished, nothing more
    EXPECT_EQ(out.str(),
              "Dodajanje trgovine: [--------------------] korak 1 od 3 · preverjanje nastavitev\n"
              "Dodajanje trgovine: [######--------------] korak 2 od 3 · preverjanje pri trgovini\n"
              "Dodajanje trgovine: [######--------------] korak 2 od 3 · zavrnjeno, 1,2 s\n");
}

TEST(ProgressMeter, AllStepsDoneFillTheBar) {
    ManualClock clock;
    std::ostringstream out;
    ProgressMeter meter(out, Language{true}, clock.style(false), {"Dodajanje trgovine", "Adding the store"},
                        {"koraki", "steps"}, 2);
    meter.step({"preverjanje pri trgovini", "checking with the shop"});
    meter.step({"shranjevanje", "storing"});
    meter.finish();
    EXPECT_EQ(out.str(),
              "Adding the store: [--------------------] step 1 of 2 · checking with the shop\n"
              "Adding the store: [##########----------] step 2 of 2 · storing\n"
              "Adding the store: [####################] step 2 of 2 · done, 0.0 s\n");
}

TEST(ProgressMeter, AMeterLeftByAnExceptionEndsItsLine) {
    ManualClock clock;
    std::ostringstream out;
    {
        ProgressMeter meter(out, Language{}, clock.style(true), {"Uvoz", "Import"}, {"vrstice", "rows"});
        meter.update(5);
    }
    ASSERT_FALSE(out.str().empty());
    EXPECT_EQ(out.str().back(), '\n');
}

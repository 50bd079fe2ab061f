#pragma once
// How far a long command has got, for a person (issue 18): `stock import`'s rows, `sync`'s orders, the
// steps of `add-store`, `configure` and `demo`. On a terminal one line redrawn in place: the task, a bar
// when the total is known, the count, the rate and the current step. Elsewhere (a pipe, a log file, a
// systemd journal) a plain line at each step and at most one every few seconds for counts, so a log of a
// long import neither floods nor stays silent. The last line says how long it took.
#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>

#include "estore/host/core/language.h"
#include "estore/host_api/outcome.h"

namespace estore::host {

class ProgressMeter {
public:
    using Clock = std::chrono::steady_clock;

    struct Style {
        bool terminal = false;
        /// Without a terminal: the least time between two count lines.
        std::chrono::milliseconds lineEvery{5000};
        /// On a terminal: the least time between two redraws (a redraw per row would cost more than the
        /// row).
        std::chrono::milliseconds redrawEvery{100};
        /// The clock; tests give their own.
        std::function<Clock::time_point()> now = [] { return Clock::now(); };
    };

    /// `task` names the whole ("Uvoz zaloge GLAVNO"), `unit` what is counted ("vrstice"); a total below 0
    /// is unknown (no bar).
    ProgressMeter(std::ostream& out, const Language& language, Style style, host_api::Text task,
                  host_api::Text unit, std::int64_t total = -1);
    ~ProgressMeter();
    ProgressMeter(const ProgressMeter&) = delete;
    ProgressMeter& operator=(const ProgressMeter&) = delete;

    /// `done` of the total so far; drawn when the style's interval has passed. `counts`, when given, is
    /// shown instead of "unit: done" (sync's "strani: 3, naročila: 300"); the rate is still of `done`.
    void update(std::int64_t done, const std::string& counts = "");
    /// Starts the next step ("korak 2 od 3") named `what`; always drawn. The bar shows the steps finished.
    void step(const host_api::Text& what);
    /// The final line with the count, the rate and the time taken; a finished meter draws nothing more.
    /// `outcome` (e.g. "refused") replaces the default "done" word when given, and means the work did not
    /// complete: the bar keeps what was done.
    void finish(const host_api::Text& outcome = {});

    /// The line as it would be drawn now, without the terminal's control characters.
    std::string line() const;
    /// "[#####---------------]" for `done` of `total` in `width` cells; 0 of 0 is complete.
    static std::string bar(std::int64_t done, std::int64_t total, int width);
    /// Thousands grouped as the language writes them: 1.187 in Slovenian, 1,187 in English.
    static std::string grouped(std::int64_t value, const Language& language);

private:
    void draw(bool force);
    double seconds() const;

    std::ostream& _out;
    Language _language;
    Style _style;
    host_api::Text _task;
    host_api::Text _unit;
    host_api::Text _step;
    std::string _counts;
    std::int64_t _total;
    std::int64_t _done = 0;
    Clock::time_point _start;
    Clock::time_point _lastDraw;
    bool _drawn = false;
    std::int64_t _steps = 0;  ///< steps started; counting steps: no rate
    bool _lineOpen = false;
    bool _finished = false;
    bool _failed = false;  ///< finished with an outcome other than "done"
};

}  // namespace estore::host

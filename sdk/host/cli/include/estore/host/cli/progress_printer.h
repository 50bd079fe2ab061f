#pragma once
// host_api::JobProgress for a person watching `estore-host sync` (issue 18): on a terminal one line
// redrawn in place (at most ten times a second) with the counts and the rate; otherwise (a pipe, a log
// file, the journal) a plain line every few seconds, and the last counts when the job ends, so a long
// import neither floods a log with a line per page nor stays silent.
#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>

#include "estore/host/cli/progress_meter.h"
#include "estore/host/core/language.h"
#include "estore/host_api/host_services.h"

namespace estore::host {

class ProgressPrinter final : public host_api::JobProgress {
public:
    ProgressPrinter(std::ostream& out, ProgressMeter::Style style, const Language& language);
    ProgressPrinter(std::ostream& out, bool terminal, const Language& language)
        : ProgressPrinter(out, ProgressMeter::Style{.terminal = terminal}, language) {}

    void progress(const std::string& storeId, const std::string& jobId,
                  const std::map<std::string, std::int64_t>& counts) override;
    /// Shows the last counts if they were not shown yet and ends the updating line, so what follows
    /// starts on a line of its own.
    void finish();
    /// The counts of the last report (empty before the first): the job's own summary may lack them.
    const std::map<std::string, std::int64_t>& latest() const { return _latest; }

    /// "orders.import: 12 strani, 1.187 naročil" ("… 12 pages, 1.187 orders" in English); a job without
    /// those shows its counts by name.
    static std::string line(const std::string& jobId, const std::map<std::string, std::int64_t>& counts,
                            const Language& language);
    /// Thousands grouped the Slovenian way: 1187 → "1.187".
    static std::string grouped(std::int64_t value);

private:
    void draw();
    /// line() and, once the job has run long enough for it to mean something, the orders per second.
    std::string text() const;

    std::ostream& _out;
    ProgressMeter::Style _style;
    Language _language;
    std::string _jobId;
    std::map<std::string, std::int64_t> _latest;
    ProgressMeter::Clock::time_point _start;
    ProgressMeter::Clock::time_point _lastDraw;
    bool _drawn = false;
    bool _pending = false;  ///< counts reported since the last draw
    bool _lineOpen = false;
};

}  // namespace estore::host

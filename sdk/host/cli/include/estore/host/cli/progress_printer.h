#pragma once
// host_api::JobProgress for a person watching `estore-host sync` (issue 18): the counts the plugin
// reports ("strani: 3, naročila: 300") and the orders per second, through a ProgressMeter (one line
// redrawn in place on a terminal; otherwise a line every few seconds and the last counts at the end).
#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
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
    /// The last counts with the time taken (when there were any), the line ended; `outcome` as
    /// ProgressMeter::finish takes it ("ni uspelo" for a failed job).
    void finish(const host_api::Text& outcome = {});
    /// The counts of the last report (empty before the first): the job's own summary may lack them.
    const std::map<std::string, std::int64_t>& latest() const { return _latest; }

    /// "strani: 12, naročila: 1.187" ("pages: 12, orders: 1,187" in English); a job without those shows
    /// its counts by name.
    static std::string counts(const std::map<std::string, std::int64_t>& counts, const Language& language);

private:
    std::ostream& _out;
    ProgressMeter::Style _style;
    Language _language;
    std::map<std::string, std::int64_t> _latest;
    std::unique_ptr<ProgressMeter> _meter;  ///< from the first report, which names the job
};

}  // namespace estore::host

#pragma once
// host_api::JobProgress for a person at a terminal (`estore-host sync`): on a TTY one line that keeps
// updating in place; otherwise (a pipe, a log file) one plain line per report.
#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>

#include "estore/host/core/language.h"
#include "estore/host_api/host_services.h"

namespace estore::host {

class ProgressPrinter final : public host_api::JobProgress {
public:
    ProgressPrinter(std::ostream& out, bool terminal, const Language& language)
        : _out(out), _terminal(terminal), _language(language) {}

    void progress(const std::string& storeId, const std::string& jobId,
                  const std::map<std::string, std::int64_t>& counts) override;
    /// Ends the updating line, so what follows starts on a line of its own.
    void finish();
    /// The counts of the last report (empty before the first): the job's own summary may lack them.
    const std::map<std::string, std::int64_t>& latest() const { return _latest; }

    /// "orders.import: 12 strani, 1.187 naročil" ("… 12 pages, 1.187 orders" in English); a job without
    /// those shows its counts by name.
    static std::string line(const std::string& jobId, const std::map<std::string, std::int64_t>& counts,
                            const Language& language);
    /// Thousands grouped the Slovenian way: 1187 → "1.187".
    static std::string grouped(std::int64_t value);
    /// True when the file descriptor is a terminal.
    static bool isTerminal(int fd);

private:
    std::ostream& _out;
    bool _terminal;
    Language _language;
    bool _lineOpen = false;
    std::map<std::string, std::int64_t> _latest;
};

}  // namespace estore::host

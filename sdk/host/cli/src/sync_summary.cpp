#include "estore/host/cli/sync_summary.h"

#include "estore/host/cli/progress_meter.h"

namespace estore::host {

namespace {

struct Label {
    const char* count;
    host_api::Text words;
};

// "pushed" marks a push job: orders.import counts "failed" too, but never "pushed".
const Label kPushLabels[] = {
    {"pushed", {"Preneseno", "Pushed"}},
    {"unchanged", {"nespremenjeno", "unchanged"}},
    {"unmatched", {"brez para", "unmatched"}},
    {"failed", {"neuspešno", "failed"}},
};

}  // namespace

std::string SyncSummary::pushLine(const std::map<std::string, std::int64_t>& counts,
                                  const Language& language) {
    if (counts.find("pushed") == counts.end()) return {};
    std::string line;
    for (const auto& label : kPushLabels) {
        const auto it = counts.find(label.count);
        line += (line.empty() ? "" : ", ") + language.pick(label.words) + ": " +
                ProgressMeter::grouped(it == counts.end() ? 0 : it->second, language);
    }
    return line;
}

}  // namespace estore::host

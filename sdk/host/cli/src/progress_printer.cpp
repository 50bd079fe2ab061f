#include "estore/host/cli/progress_printer.h"

#include <unistd.h>

#include <ostream>

namespace estore::host {

namespace {

struct Label {
    const char* count;
    host_api::Text words;
};

// The counts people watch while a job runs, in the order they read them.
const Label kLabels[] = {
    {"pages", {"strani", "pages"}},
    {"orders", {"naročil", "orders"}},
};

}  // namespace

bool ProgressPrinter::isTerminal(int fd) {
    return ::isatty(fd) == 1;
}

std::string ProgressPrinter::grouped(std::int64_t value) {
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -value : value);
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ".");
    return negative ? "-" + digits : digits;
}

std::string ProgressPrinter::line(const std::string& jobId, const std::map<std::string, std::int64_t>& counts,
                                  const Language& language) {
    std::string text;
    auto append = [&text](const std::string& part) { text += (text.empty() ? "" : ", ") + part; };
    for (const auto& label : kLabels)
        if (auto it = counts.find(label.count); it != counts.end())
            append(grouped(it->second) + " " + language.pick(label.words));
    // A job that counts other things still shows something.
    if (text.empty())
        for (const auto& [name, count] : counts) append(name + " " + grouped(count));
    return jobId + ": " + text;
}

void ProgressPrinter::progress(const std::string&, const std::string& jobId,
                               const std::map<std::string, std::int64_t>& counts) {
    _latest = counts;
    if (_terminal) {
        // Back to the start of the line and clear it: the line only ever shows the latest counts.
        _out << "\r" << line(jobId, counts, _language) << "\033[K" << std::flush;
        _lineOpen = true;
    } else {
        _out << line(jobId, counts, _language) << "\n" << std::flush;
    }
}

void ProgressPrinter::finish() {
    if (_lineOpen) _out << "\n" << std::flush;
    _lineOpen = false;
}

}  // namespace estore::host

#include "estore/host/cli/progress_printer.h"

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

ProgressPrinter::ProgressPrinter(std::ostream& out, ProgressMeter::Style style, const Language& language)
    : _out(out), _style(std::move(style)), _language(language), _start(_style.now()), _lastDraw(_start) {}

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

std::string ProgressPrinter::text() const {
    std::string text = line(_jobId, _latest, _language);
    const double elapsed = std::chrono::duration<double>(_style.now() - _start).count();
    if (const auto orders = _latest.find("orders"); orders != _latest.end() && elapsed >= 0.5)
        text += ", " + grouped(static_cast<std::int64_t>(static_cast<double>(orders->second) / elapsed)) +
                " " + _language.pick({"naročil/s", "orders/s"});
    return text;
}

void ProgressPrinter::draw() {
    _lastDraw = _style.now();
    _drawn = true;
    _pending = false;
    if (_style.terminal) {
        // Back to the start of the line and clear the rest: the line only ever shows the latest counts.
        _out << "\r" << text() << "\033[K" << std::flush;
        _lineOpen = true;
    } else {
        _out << text() << "\n" << std::flush;
    }
}

void ProgressPrinter::progress(const std::string&, const std::string& jobId,
                               const std::map<std::string, std::int64_t>& counts) {
    _jobId = jobId;
    _latest = counts;
    _pending = true;
    const auto now = _style.now();
    if (_style.terminal ? (!_drawn || now - _lastDraw >= _style.redrawEvery)
                        : now - (_drawn ? _lastDraw : _start) >= _style.lineEvery)
        draw();
}

void ProgressPrinter::finish() {
    if (_pending) draw();
    if (_lineOpen) _out << "\n" << std::flush;
    _lineOpen = false;
}

}  // namespace estore::host

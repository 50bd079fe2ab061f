#include "estore/host/cli/progress_meter.h"

#include <Poco/NumberFormatter.h>

#include <algorithm>
#include <ostream>

namespace estore::host {

ProgressMeter::ProgressMeter(std::ostream& out, const Language& language, Style style, host_api::Text task,
                             host_api::Text unit, std::int64_t total)
    : _out(out),
      _language(language),
      _style(std::move(style)),
      _task(std::move(task)),
      _unit(std::move(unit)),
      _total(total),
      _start(_style.now()),
      _lastDraw(_start) {}

ProgressMeter::~ProgressMeter() {
    // A meter left by an exception still ends its line, so the error starts on a line of its own.
    if (_lineOpen) _out << "\n" << std::flush;
}

std::string ProgressMeter::bar(std::int64_t done, std::int64_t total, int width) {
    const std::int64_t clamped = total <= 0 ? 1 : std::min(std::max<std::int64_t>(done, 0), total);
    const auto filled = static_cast<std::size_t>(clamped * width / std::max<std::int64_t>(total, 1));
    return "[" + std::string(filled, '#') + std::string(static_cast<std::size_t>(width) - filled, '-') + "]";
}

std::string ProgressMeter::grouped(std::int64_t value, const Language& language) {
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -value : value);
    const char separator = language.english ? ',' : '.';
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(i, 1, separator);
    return negative ? "-" + digits : digits;
}

double ProgressMeter::seconds() const {
    return std::chrono::duration<double>(_style.now() - _start).count();
}

std::string ProgressMeter::line() const {
    const auto& t = [this](const host_api::Text& text) -> const std::string& { return _language.pick(text); };
    const auto number = [this](std::int64_t n) { return grouped(n, _language); };
    std::string text = t(_task) + ":";
    if (_steps > 0) {
        // The bar counts the steps finished; the words name the one under way (or the one that failed).
        const std::int64_t finished = _finished && !_failed ? _done : _done - 1;
        if (_total >= 0) text += " " + bar(finished, _total, 20);
        text += " " + t({"korak ", "step "}) + number(_done);
        if (_total >= 0) text += t({" od ", " of "}) + number(_total);
    } else {
        if (_total >= 0) text += " " + bar(_done, _total, 20);
        text += " " + (_counts.empty() ? t(_unit) + ": " + number(_done) : _counts);
        if (_total >= 0 && _counts.empty()) text += "/" + number(_total);
        // Units a second, once the work has run long enough for the figure to mean something.
        if (const double elapsed = seconds(); elapsed >= 0.5 && _done > 0)
            text += ", " + number(static_cast<std::int64_t>(static_cast<double>(_done) / elapsed)) + "/s";
    }
    if (!_step.sl.empty()) text += " · " + t(_step);
    return text;
}

void ProgressMeter::draw(bool force) {
    const auto now = _style.now();
    const auto every = _style.terminal ? _style.redrawEvery : _style.lineEvery;
    if (!force && _drawn && now - _lastDraw < every) return;
    if (!force && !_drawn && !_style.terminal && now - _start < every) return;  // a quick job says it once
    _lastDraw = now;
    _drawn = true;
    if (_style.terminal) {
        // Back to the start of the line and clear the rest: the line only ever shows the latest state.
        _out << "\r" << line() << "\033[K" << std::flush;
        _lineOpen = true;
    } else {
        _out << line() << "\n" << std::flush;
    }
}

void ProgressMeter::update(std::int64_t done, const std::string& counts) {
    if (_finished) return;
    _done = done;
    _counts = counts;
    draw(false);
}

void ProgressMeter::step(const host_api::Text& what) {
    if (_finished) return;
    _step = what;
    ++_steps;
    _done = _total >= 0 ? std::min(_steps, _total) : _steps;
    draw(true);
}

void ProgressMeter::finish(const host_api::Text& outcome) {
    if (_finished) return;
    _step = outcome.sl.empty() ? host_api::Text{"končano", "done"} : outcome;
    _failed = !outcome.sl.empty();
    if (_total >= 0 && !_failed) _done = std::max(_done, _total);
    _finished = true;
    const double elapsed = seconds();
    std::string time = Poco::NumberFormatter::format(elapsed, 1);
    if (!_language.english) std::replace(time.begin(), time.end(), '.', ',');  // 1,2 s in Slovenian
    std::string text = line() + ", " + time + " s";
    if (_style.terminal)
        _out << "\r" << text << "\033[K\n" << std::flush;
    else
        _out << text << "\n" << std::flush;
    _lineOpen = false;
}

}  // namespace estore::host

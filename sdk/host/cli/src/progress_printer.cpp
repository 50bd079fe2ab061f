#include "estore/host/cli/progress_printer.h"

namespace estore::host {

namespace {

struct Label {
    const char* count;
    host_api::Text words;
};

// The counts people watch while a job runs, in the order they read them; the label comes first, so the
// number never has to agree with it ("naročila: 1", "naročila: 5").
const Label kLabels[] = {
    {"pages", {"strani", "pages"}},
    {"orders", {"naročila", "orders"}},
};

}  // namespace

ProgressPrinter::ProgressPrinter(std::ostream& out, ProgressMeter::Style style, const Language& language)
    : _out(out), _style(std::move(style)), _language(language) {}

std::string ProgressPrinter::counts(const std::map<std::string, std::int64_t>& counts,
                                    const Language& language) {
    std::string text;
    auto append = [&text](const std::string& part) { text += (text.empty() ? "" : ", ") + part; };
    for (const auto& label : kLabels)
        if (auto it = counts.find(label.count); it != counts.end())
            append(language.pick(label.words) + ": " + ProgressMeter::grouped(it->second, language));
    // A job that counts other things still shows something.
    if (text.empty())
        for (const auto& [name, count] : counts)
            append(name + ": " + ProgressMeter::grouped(count, language));
    return text;
}

void ProgressPrinter::progress(const std::string&, const std::string& jobId,
                               const std::map<std::string, std::int64_t>& counts) {
    _latest = counts;
    if (!_meter)
        _meter = std::make_unique<ProgressMeter>(_out, _language, _style, host_api::Text{jobId, jobId},
                                                 host_api::Text{"naročila", "orders"});
    // The rate is of orders, the figure a person compares between runs.
    const auto orders = counts.find("orders");
    _meter->update(orders == counts.end() ? 0 : orders->second, this->counts(counts, _language));
}

void ProgressPrinter::finish(const host_api::Text& outcome) {
    if (_meter) _meter->finish(outcome);
}

}  // namespace estore::host

#include "estore/host/stock/stock_csv_reader.h"

#include <Poco/String.h>

#include <optional>
#include <string>
#include <unordered_map>

#include "estore/host/stock/stock_input.h"

namespace estore::host {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr const char* kHeaderHint = "product_code;on_hand;reserved";

/// One CSV record: its fields, or why it could not be read.
struct Record {
    std::size_t line = 0;
    std::vector<std::string> fields;
    std::optional<host_api::Text> problem;

    bool blank() const {
        for (const auto& field : fields)
            if (!StockInput::trimmed(field).empty()) return false;
        return true;
    }
};

/// RFC 4180 records: a quoted field may hold the separator, doubled quotes and even line breaks.
class RecordScanner {
public:
    RecordScanner(std::string_view text, char separator) : _text(text), _separator(separator) {}

    bool next(Record& record) {
        if (atEnd()) return false;
        record.line = _line;
        record.fields.clear();
        record.problem.reset();
        for (;;) {
            std::string field;
            if (atEnd() || _text[_pos] != '"') {
                unquoted(field);
            } else if (!quoted(field, record)) {
                skipRestOfLine();
                return true;
            }
            record.fields.push_back(std::move(field));
            if (atEnd()) return true;
            if (_text[_pos] != _separator) {
                consumeLineEnd();
                return true;
            }
            ++_pos;
        }
    }

private:
    bool atEnd() const { return _pos >= _text.size(); }
    bool atLineEnd() const { return atEnd() || _text[_pos] == '\n' || _text[_pos] == '\r'; }

    void unquoted(std::string& field) {
        const std::size_t start = _pos;
        while (!atLineEnd() && _text[_pos] != _separator) ++_pos;
        field.assign(_text.substr(start, _pos - start));
    }

    /// Reads a quoted field; false (and the record's problem set) when its quotes are wrong.
    bool quoted(std::string& field, Record& record) {
        ++_pos;
        for (;;) {
            if (atEnd()) {
                record.problem = {"narekovaj ni zaprt", "a quote is not closed"};
                return false;
            }
            const char c = _text[_pos++];
            if (c != '"') {
                countLineBreak(c);
                field += c;
            } else if (!atEnd() && _text[_pos] == '"') {
                field += '"';
                ++_pos;
            } else if (atLineEnd() || _text[_pos] == _separator) {
                return true;
            } else {
                record.problem = {"za zaključnim narekovajem mora biti ločilo ali konec vrstice",
                                  "a closing quote must be followed by the separator or the end of the line"};
                return false;
            }
        }
    }

    void countLineBreak(char c) {
        if (c == '\n' || (c == '\r' && (atEnd() || _text[_pos] != '\n'))) ++_line;
    }

    void consumeLineEnd() {
        if (_text[_pos] == '\r') ++_pos;
        if (!atEnd() && _text[_pos] == '\n') ++_pos;
        ++_line;
    }

    void skipRestOfLine() {
        while (!atLineEnd()) ++_pos;
        if (!atEnd()) consumeLineEnd();
    }

    std::string_view _text;
    char _separator;
    std::size_t _pos = 0;
    std::size_t _line = 1;
};

char separatorOf(std::string_view text) {
    std::size_t semicolons = 0;
    std::size_t tabs = 0;
    bool inQuotes = false;
    for (char c : text) {
        if (c == '"') inQuotes = !inQuotes;
        if (inQuotes) continue;
        if (c == '\n' || c == '\r') break;
        if (c == ';') ++semicolons;
        if (c == '\t') ++tabs;
    }
    if (semicolons > 0) return ';';
    return tabs > 0 ? '\t' : ',';
}

/// Where the header put each column; npos when it has none.
struct Columns {
    static constexpr std::size_t kNone = std::string::npos;
    std::size_t count = 0;
    std::size_t code = kNone;
    std::size_t onHand = kNone;
    std::size_t reserved = kNone;
};

class Importer {
public:
    explicit Importer(StockCsv& csv) : _csv(csv) {}

    bool header(const Record& record) {
        if (record.problem) {
            problem(record.line, *record.problem);
            return false;
        }
        _columns.count = record.fields.size();
        while (_columns.count > 0 && StockInput::trimmed(record.fields[_columns.count - 1]).empty())
            --_columns.count;
        for (std::size_t i = 0; i < record.fields.size(); ++i)
            column(record.line, Poco::toLower(std::string(StockInput::trimmed(record.fields[i]))), i);
        if (_columns.code == Columns::kNone) missingColumn(record.line, "product_code");
        if (_columns.onHand == Columns::kNone) missingColumn(record.line, "on_hand");
        return _csv.ok();
    }

    void row(const Record& record) {
        if (record.problem) {
            problem(record.line, *record.problem);
            return;
        }
        if (record.blank()) return;  // Excel leaves rows of bare separators at the end
        if (!hasColumnCount(record)) return;
        const auto field = [&record](std::size_t i) {
            return i == Columns::kNone ? std::string_view() : std::string_view(record.fields[i]);
        };
        StockEntry entry;
        const auto invalid =
            StockInput::entry(field(_columns.code), field(_columns.onHand), field(_columns.reserved), entry);
        const bool duplicate = isDuplicate(record.line, entry.productCode);
        if (invalid) problem(record.line, *invalid);
        if (!invalid && !duplicate) _csv.entries.push_back(std::move(entry));
    }

private:
    void problem(std::size_t line, host_api::Text reason) {
        _csv.problems.push_back({line, std::move(reason)});
    }

    void column(std::size_t line, const std::string& name, std::size_t index) {
        if (name.empty()) return;  // an unnamed column (a trailing separator) carries nothing
        std::size_t* slot = name == "product_code" ? &_columns.code
                            : name == "on_hand"    ? &_columns.onHand
                            : name == "reserved"   ? &_columns.reserved
                                                   : nullptr;
        if (!slot)
            return problem(
                line,
                {"neznan stolpec »" + name + "«; prva vrstica mora biti glava, npr. " + kHeaderHint,
                 "unknown column \"" + name + "\"; the first line must be the header, e.g. " + kHeaderHint});
        if (*slot != Columns::kNone)
            return problem(line,
                           {"stolpec »" + name + "« je dvakrat", "column \"" + name + "\" appears twice"});
        *slot = index;
    }

    void missingColumn(std::size_t line, const std::string& name) {
        problem(line, {"glava nima stolpca " + name + " (npr. " + kHeaderHint + ")",
                       "the header has no column " + name + " (e.g. " + kHeaderHint + ")"});
    }

    /// As many fields as the header has columns; extra empty ones (trailing separators) are harmless.
    bool hasColumnCount(const Record& record) {
        std::size_t count = record.fields.size();
        while (count > _columns.count && StockInput::trimmed(record.fields[count - 1]).empty()) --count;
        if (count == _columns.count) return true;
        const std::string expected = std::to_string(_columns.count);
        const std::string found = std::to_string(count);
        host_api::Text reason{"pričakovanih stolpcev " + expected + ", najdenih " + found,
                              "expected " + expected + " columns, found " + found};
        if (count > _columns.count && _csv.separator == ',') {
            reason.sl += " (decimalna vejica? Stolpce ločite s podpičjem ali število dajte v narekovaje)";
            reason.en += " (a decimal comma? Separate the columns with ';' or quote the number)";
        }
        problem(record.line, std::move(reason));
        return false;
    }

    /// True (and a problem) when an earlier row already set this product.
    bool isDuplicate(std::size_t line, const std::string& code) {
        if (code.empty()) return false;
        const auto [it, inserted] = _firstLine.emplace(code, line);
        if (inserted) return false;
        const std::string first = std::to_string(it->second);
        problem(line, {"šifra " + code + " je že v vrstici " + first + "; vsak izdelek je lahko le enkrat",
                       "product code " + code + " is already on line " + first +
                           "; each product may appear only once"});
        return true;
    }

    StockCsv& _csv;
    Columns _columns;
    std::unordered_map<std::string, std::size_t> _firstLine;
};

}  // namespace

StockCsv StockCsvReader::parse(std::string_view text) {
    StockCsv csv;
    if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
    csv.separator = separatorOf(text);
    RecordScanner scanner(text, csv.separator);
    Importer importer(csv);
    Record record;
    bool haveHeader = false;
    while (!haveHeader && scanner.next(record)) haveHeader = !record.blank() || record.problem;
    if (!haveHeader) {
        csv.problems.push_back(
            {1,
             {std::string("datoteka je prazna; prva vrstica mora biti glava, npr. ") + kHeaderHint,
              std::string("the file is empty; the first line must be the header, e.g. ") + kHeaderHint}});
        return csv;
    }
    if (!importer.header(record)) return csv;
    while (scanner.next(record)) importer.row(record);
    return csv;
}

}  // namespace estore::host

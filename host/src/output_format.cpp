// Text, JSON and CSV rendering of command results.
#include "output_format.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <vector>

#include "jobcenter/document.hpp"
#include "jobcenter/errors.hpp"

namespace jobcenter {
namespace json = boost::json;

OutputFormat parse_output_format(std::string_view text) {
    if (text == "text") return OutputFormat::text;
    if (text == "json") return OutputFormat::json;
    if (text == "csv") return OutputFormat::csv;
    throw UsageError("unknown format '" + std::string(text) + "': use text, json or csv", "--format");
}

namespace {

std::string scalar_text(const json::value& v) {
    switch (v.kind()) {
        case json::kind::string: return std::string(v.get_string());
        case json::kind::null: return "";
        case json::kind::bool_: return v.get_bool() ? "yes" : "no";
        case json::kind::double_: {  // as people write numbers: 4.8, 0.965, 12 (JSON output keeps full precision)
            char text[32];
            std::snprintf(text, sizeof text, "%.6g", v.get_double());
            return text;
        }
        default: return json::serialize(v);
    }
}

bool is_table(const json::value& v) {
    if (!v.is_array() || v.get_array().empty()) return false;
    const auto& a = v.get_array();
    return std::all_of(a.begin(), a.end(), [](const json::value& e) { return e.is_object(); });
}

// Every key of the objects of `rows`, in order of first appearance.
std::vector<std::string> columns_of(const json::array& rows) {
    std::vector<std::string> columns;
    for (const auto& row : rows)
        for (const auto& field : row.get_object())
            if (std::find(columns.begin(), columns.end(), field.key()) == columns.end())
                columns.emplace_back(field.key());
    return columns;
}

// A nested value in one cell, as people read it: an object as "key value, key value"; an array of scalars
// space-separated; an array of objects as each object's values joined by ": ", separated by "; ".
std::string nested_text(const json::value& v) {
    if (v.is_object()) {
        std::string out;
        for (const auto& field : v.get_object())
            out += (out.empty() ? "" : ", ") + std::string(field.key()) + " " + nested_text(field.value());
        return out;
    }
    if (!v.is_array()) return scalar_text(v);
    std::string out;
    for (const auto& item : v.get_array()) {
        if (!out.empty()) out += item.is_object() ? "; " : " ";
        if (!item.is_object()) {
            out += nested_text(item);
            continue;
        }
        std::string values;
        for (const auto& field : item.get_object()) values += (values.empty() ? "" : ": ") + nested_text(field.value());
        out += values;
    }
    return out;
}

std::string cell_text(const json::object& row, const std::string& column) {
    auto it = row.find(column);
    if (it == row.end()) return "";
    return nested_text(it->value());
}

// Display width of UTF-8 text: code points, which is right for the Latin scripts the users write.
std::size_t display_width(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void render_table(std::ostringstream& out, const json::array& rows, const std::string& indent) {
    auto columns = columns_of(rows);
    std::vector<std::size_t> widths;
    for (const auto& c : columns) widths.push_back(display_width(c));
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : rows) {
        std::vector<std::string> line;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            auto text = cell_text(row.get_object(), columns[i]);
            std::replace(text.begin(), text.end(), '\n', ' ');
            widths[i] = std::max(widths[i], display_width(text));
            line.push_back(std::move(text));
        }
        cells.push_back(std::move(line));
    }
    auto write_line = [&](const std::vector<std::string>& line) {
        out << indent;
        for (std::size_t i = 0; i < line.size(); ++i) {
            out << line[i];
            if (i + 1 < line.size()) out << std::string(widths[i] - display_width(line[i]) + 2, ' ');
        }
        out << '\n';
    };
    write_line(columns);
    std::vector<std::string> rule;
    for (auto w : widths) rule.emplace_back(w, '-');
    write_line(rule);
    for (const auto& line : cells) write_line(line);
}

void render_text(std::ostringstream& out, const json::value& v, const std::string& indent) {
    if (v.is_object()) {
        for (const auto& field : v.get_object()) {
            const auto& value = field.value();
            if (is_table(value)) {
                out << indent << field.key() << ":\n";
                render_table(out, value.get_array(), indent + "  ");
            } else if (value.is_object()) {
                out << indent << field.key() << ":\n";
                render_text(out, value, indent + "  ");
            } else if (value.is_array()) {
                if (value.get_array().empty()) {
                    out << indent << field.key() << ": (none)\n";
                    continue;
                }
                out << indent << field.key() << ":\n";
                for (const auto& item : value.get_array()) out << indent << "  - " << scalar_text(item) << '\n';
            } else {
                out << indent << field.key() << ": " << scalar_text(value) << '\n';
            }
        }
    } else if (is_table(v)) {
        render_table(out, v.get_array(), indent);
    } else if (v.is_array()) {
        for (const auto& item : v.get_array()) out << indent << scalar_text(item) << '\n';
    } else {
        out << indent << scalar_text(v) << '\n';
    }
}

void write_csv_row(std::ostringstream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out << ',';
        out << csv_field(fields[i]);
    }
    out << "\r\n";
}

std::string render_csv(const json::value& v) {
    const json::array* rows = nullptr;
    json::array single;
    if (is_table(v)) {
        rows = &v.get_array();
    } else if (v.is_object()) {
        const auto& object = v.get_object();
        if (auto it = object.find("rows"); it != object.end() && it->value().is_array()) {
            rows = &it->value().get_array();
        } else {
            for (const auto& field : object)
                if (is_table(field.value())) {
                    rows = &field.value().get_array();
                    break;
                }
        }
        if (!rows) {
            json::object flat;
            for (const auto& field : object)
                if (!field.value().is_array() && !field.value().is_object()) flat[field.key()] = field.value();
            single.push_back(std::move(flat));
            rows = &single;
        }
    } else {
        throw UsageError("this result has no rows to write as CSV: use --format text or json", "--format");
    }
    std::ostringstream out;
    auto columns = columns_of(*rows);
    write_csv_row(out, columns);
    for (const auto& row : *rows) {
        std::vector<std::string> fields;
        for (const auto& c : columns) fields.push_back(cell_text(row.get_object(), c));
        write_csv_row(out, fields);
    }
    return out.str();
}

void pretty(std::ostringstream& out, const json::value& v, int depth) {
    std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
    std::string inner(static_cast<std::size_t>(depth + 1) * 2, ' ');
    if (v.is_object() && !v.get_object().empty()) {
        out << "{\n";
        bool first = true;
        for (const auto& field : v.get_object()) {
            if (!first) out << ",\n";
            first = false;
            out << inner << json::serialize(json::value(field.key())) << ": ";
            pretty(out, field.value(), depth + 1);
        }
        out << '\n' << pad << '}';
    } else if (v.is_array() && !v.get_array().empty()) {
        out << "[\n";
        bool first = true;
        for (const auto& item : v.get_array()) {
            if (!first) out << ",\n";
            first = false;
            out << inner;
            pretty(out, item, depth + 1);
        }
        out << '\n' << pad << ']';
    } else {
        out << json::serialize(v);
    }
}

}  // namespace

std::string pretty_json(const json::value& value) {
    std::ostringstream out;
    pretty(out, value, 0);
    out << '\n';
    return out.str();
}

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string render(const json::value& result, OutputFormat format) {
    if (const json::string* document = document_content(result); document && format != OutputFormat::json) {
        if (format == OutputFormat::csv)
            throw UsageError("this result is a document, not rows: use --format text to print it, or json", "--format");
        return std::string(*document);
    }
    switch (format) {
        case OutputFormat::json: return pretty_json(result);
        case OutputFormat::csv: return render_csv(result);
        case OutputFormat::text: {
            std::ostringstream out;
            render_text(out, result, "");
            return out.str();
        }
    }
    return {};
}

}  // namespace jobcenter

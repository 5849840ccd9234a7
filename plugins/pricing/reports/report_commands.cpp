// Reading the report's flags, scoping it to the caller's unit, and shaping the figures as a table, CSV or JSON.
#include "pricing/reports/report_commands.hpp"

#include "jobcenter/document.hpp"
#include "jobcenter/params.hpp"
#include "pricing/exports/csv_text.hpp"
#include "pricing/exports/hours_text.hpp"
#include "pricing/reports/report_figures.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

enum class ReportFormat { table, csv, json };

ReportGrouping grouping_named(const std::string& text) {
    if (text == "unit") return ReportGrouping::unit;
    if (text == "organisation") return ReportGrouping::organisation;
    if (text == "orderer") return ReportGrouping::orderer;
    if (text == "task-type") return ReportGrouping::task_type;
    throw InputError("unknown grouping '" + text + "': use unit, organisation, orderer or task-type", "--by");
}

ReportFormat format_named(const std::optional<std::string>& text) {
    if (!text) return ReportFormat::table;
    if (*text == "csv") return ReportFormat::csv;
    if (*text == "json") return ReportFormat::json;
    throw InputError("unknown report format '" + *text + "': use csv or json", "--as");
}

std::string required_date(const json::object& request, std::string_view field, const std::string& flag) {
    auto date = params::optional_date(request, field);
    if (!date) throw UsageError("give the period's " + std::string(field) + " day: " + flag + " YYYY-MM-DD", flag);
    return *date;
}

ReportPeriod period_of(const Context& ctx, const json::object& request) {
    ReportPeriod period{required_date(request, "from", "--from"), required_date(request, "to", "--to"), ""};
    if (period.to < period.from) throw InputError("the period ends (" + period.to + ") before it starts (" + period.from + ")", "--to");
    period.unit = ctx.role() >= Role::coordinator ? ctx.unit() : ctx.require_unit();
    return period;
}

// The columns that name a group, each grouping its own.
std::vector<std::string> group_columns(ReportGrouping grouping) {
    switch (grouping) {
        case ReportGrouping::unit: return {"unit", "title"};
        case ReportGrouping::organisation: return {"organisation"};
        case ReportGrouping::orderer: return {"orderer_id", "orderer"};
        case ReportGrouping::task_type: return {"task_type"};
    }
    return {};
}

const std::vector<std::string>& figure_columns() {
    static const std::vector<std::string> columns{"persons", "hours", "gigs", "orders", "orderers", "net_sales", "pay"};
    return columns;
}

std::vector<std::string> figure_fields(const ReportFigures& f) {
    return {std::to_string(f.persons), hours_text(f.minutes), std::to_string(f.gigs), std::to_string(f.orders),
            std::to_string(f.orderers), f.net_sales.to_string(), f.pay.to_string()};
}

json::object figures_json(json::object row, const ReportFigures& f) {
    row["persons"] = f.persons;
    row["hours"] = hours_text(f.minutes);
    row["gigs"] = f.gigs;
    row["orders"] = f.orders;
    row["orderers"] = f.orderers;
    row["net_sales"] = f.net_sales.to_string();
    row["pay"] = f.pay.to_string();
    return row;
}

json::object group_json(const ReportRow& row, ReportGrouping grouping) {
    switch (grouping) {
        case ReportGrouping::unit: return {{"unit", row.key}, {"title", row.label}};
        case ReportGrouping::organisation: return {{"organisation", row.key}};
        case ReportGrouping::orderer: return {{"orderer_id", std::stoll(row.key)}, {"orderer", row.label}};
        case ReportGrouping::task_type: return {{"task_type", row.key}};
    }
    return {};
}

json::object report_json(const Report& report, ReportGrouping grouping, const ReportPeriod& period, const std::string& by) {
    json::array rows;
    for (const auto& row : report.rows) rows.push_back(figures_json(group_json(row, grouping), row.figures));
    return json::object{{"from", period.from},
                        {"to", period.to},
                        {"by", by},
                        {"unit", period.unit.empty() ? json::value(nullptr) : json::value(period.unit)},
                        {"rows", std::move(rows)},
                        {"total", figures_json({}, report.total)}};
}

// The rows under a header of the group's columns and the figures, then a row "total".
std::string report_csv(const Report& report, ReportGrouping grouping) {
    const auto groups = group_columns(grouping);
    std::vector<std::string> header = groups;
    header.insert(header.end(), figure_columns().begin(), figure_columns().end());
    std::string out;
    append_csv_record(out, header);
    for (const auto& row : report.rows) {
        std::vector<std::string> fields{row.key};
        if (groups.size() > 1) fields.push_back(row.label);
        for (auto&& field : figure_fields(row.figures)) fields.push_back(std::move(field));
        append_csv_record(out, fields);
    }
    std::vector<std::string> total(groups.size(), "");
    total.front() = "total";
    for (auto&& field : figure_fields(report.total)) total.push_back(std::move(field));
    append_csv_record(out, total);
    return out;
}

json::value report_command(Context& ctx, const json::object& request) {
    const std::string by = params::required_string(request, "by");
    const ReportGrouping grouping = grouping_named(by);
    const ReportFormat format = format_named(params::optional_string(request, "as"));
    const ReportPeriod period = period_of(ctx, request);
    const Report report = build_report(ctx.db(), grouping, period);
    switch (format) {
        case ReportFormat::csv: return document_result("text/csv", report_csv(report, grouping));
        case ReportFormat::json:
            return document_result("application/json", json::serialize(report_json(report, grouping, period, by)) + "\n");
        case ReportFormat::table: break;
    }
    return report_json(report, grouping, period, by);
}

}  // namespace

std::vector<Command> report_commands() {
    const Command report{
        .name = "report",
        .summary = "persons, hours, gigs, orders, orderers, net sales and pay per unit, organisation, orderer or task type",
        .help = "From the payroll lines of runs not cancelled whose day of work falls from --from to --to (adjustments on\n"
                "their day of work), with a total row counted over the whole period. Staff and viewers (with --unit)\n"
                "see their own unit's figures; coordinators every unit's, or the unit --unit names.\n"
                "--as csv or json prints the report as that document. Columns: docs/pricing-exports.md.",
        .flags = {{.name = "from", .type = FlagType::date, .help = "the period's first day of work", .required = true},
                  {.name = "to", .type = FlagType::date, .help = "the period's last day of work", .required = true},
                  {.name = "by", .type = FlagType::string, .help = "unit, organisation, orderer or task-type", .required = true},
                  {.name = "as", .type = FlagType::string, .help = "csv or json: print the report as that document"}},
        .access = Access::read,
        .min_role = Role::viewer,
        .run = report_command};
    return {report};
}

}  // namespace jobcenter::pricing

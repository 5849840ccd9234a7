// Writing a run's invoice lines and pay lines as CSV records under one header.
#include "pricing/exports/run_csv.hpp"

#include <array>
#include <map>

#include "pricing/exports/csv_text.hpp"
#include "pricing/exports/hours_text.hpp"

namespace jobcenter::pricing {
namespace {

enum Column {
    run_id, record_kind, line_id, kind, date, invoice_number, orderer_id, order_id, task_type, contract, unit,
    client_id, client_name, minutes, hours, hourly_wage, coefficient, unit_price, amount, discount_percent, discount,
    net, pay, side_costs, service_costs, vat_percent, vat, gross, column_count
};

// The columns both kinds of record fill: which line of which run, the day, the invoice it is billed on, the work.
std::vector<std::string> common_fields(std::int64_t run, std::string_view record, const RunLine& l,
                                       const std::string& invoice) {
    std::vector<std::string> fields(column_count);
    fields[run_id] = std::to_string(run);
    fields[record_kind] = record;
    fields[line_id] = std::to_string(l.id);
    fields[kind] = line_kind_name(l.kind);
    fields[date] = l.date;
    fields[invoice_number] = invoice;
    fields[orderer_id] = std::to_string(l.orderer_id);
    fields[order_id] = l.order_id;
    fields[task_type] = l.task_type;
    fields[contract] = l.contract;
    fields[unit] = l.unit;
    fields[minutes] = std::to_string(l.minutes);
    fields[hours] = hours_text(l.minutes);
    return fields;
}

std::vector<std::string> invoice_line_fields(std::int64_t run, const RunLine& l, const InvoiceRecord& i) {
    auto fields = common_fields(run, "invoice_line", l, i.number);
    fields[coefficient] = l.coefficient;
    fields[unit_price] = l.unit_price.to_string();
    fields[amount] = l.amount.to_string();
    fields[discount_percent] = l.discount_percent;
    fields[discount] = l.discount.to_string();
    fields[net] = l.net.to_string();
    fields[side_costs] = l.side_costs.to_string();
    fields[service_costs] = l.service_costs.to_string();
    fields[vat_percent] = l.vat_percent;
    fields[vat] = l.vat.to_string();
    fields[gross] = l.gross.to_string();
    return fields;
}

std::vector<std::string> pay_line_fields(std::int64_t run, const RunLine& l, const PayStatement& s,
                                         const std::string& invoice) {
    auto fields = common_fields(run, "pay_line", l, invoice);
    fields[client_id] = s.client_id;
    fields[client_name] = s.client_name;
    fields[hourly_wage] = l.hourly_wage.to_string();
    fields[pay] = l.pay.to_string();
    return fields;
}

}  // namespace

const std::vector<std::string_view>& run_csv_columns() {
    // In the order of Column: the array's size is checked against it.
    static constexpr auto names = std::to_array<std::string_view>({
        "run_id",   "record",      "line_id",     "kind",       "date",      "invoice_number",   "orderer_id",
        "order_id", "task_type",   "contract",    "unit",       "client_id", "client_name",      "minutes",
        "hours",    "hourly_wage", "coefficient", "unit_price", "amount",    "discount_percent", "discount",
        "net",      "pay",         "side_costs",  "service_costs", "vat_percent", "vat",         "gross"});
    static_assert(names.size() == column_count, "a name for every column");
    static const std::vector<std::string_view> columns(names.begin(), names.end());
    return columns;
}

std::string run_csv(const RunView& view) {
    const RunRecord& record = *view.record;
    const std::int64_t run = record.run.id;
    std::map<std::int64_t, const InvoiceRecord*> invoice_of;
    for (const auto& i : record.invoices) invoice_of[i.id] = &i;

    std::string out;
    append_csv_record(out, std::vector<std::string>(run_csv_columns().begin(), run_csv_columns().end()));
    for (const auto& i : record.invoices)
        for (auto index : i.lines) append_csv_record(out, invoice_line_fields(run, record.lines[index], i));
    for (const auto* s : view.statements)
        for (auto index : s->lines) {
            const RunLine& l = record.lines[index];
            append_csv_record(out, pay_line_fields(run, l, *s, invoice_of.at(l.invoice_id)->number));
        }
    return out;
}

}  // namespace jobcenter::pricing

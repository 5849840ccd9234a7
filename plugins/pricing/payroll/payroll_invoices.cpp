// Grouping a run's lines into invoices and summing them per VAT rate.
#include "pricing/payroll/payroll_invoices.hpp"

#include <chrono>
#include <cstdio>
#include <map>

#include "jobcenter/errors.hpp"

namespace jobcenter::pricing {
namespace {

const OrdererRecord& orderer_of(const PayrollInput& input, std::int64_t orderer_id) {
    auto it = input.orderers.find(orderer_id);
    if (it == input.orderers.end())
        throw InternalError("no golden record was read for orderer " + std::to_string(orderer_id));
    return it->second;
}

}  // namespace

std::string invoice_number(const std::string& pay_date, std::int64_t sequence) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(sequence));
    return pay_date.substr(0, 4) + "-" + digits;
}

std::string add_days(const std::string& date, std::int64_t days) {
    using namespace std::chrono;
    const year_month_day start{year{std::stoi(date.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(date.substr(5, 2)))},
                               day{static_cast<unsigned>(std::stoi(date.substr(8, 2)))}};
    const year_month_day end{sys_days{start} + std::chrono::days{days}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(end.year()), static_cast<unsigned>(end.month()),
                  static_cast<unsigned>(end.day()));
    return text;
}

std::vector<Invoice> orderer_invoices(const PayrollInput& input, std::vector<PayrollLine>& lines) {
    std::map<std::int64_t, std::vector<PayrollLine*>> by_orderer;
    for (auto& line : lines) by_orderer[line.occurrence->orderer_id].push_back(&line);
    const std::string due_date = add_days(input.pay_date, input.due_days);
    std::vector<Invoice> invoices;
    invoices.reserve(by_orderer.size());
    for (auto& [orderer_id, orderer_lines] : by_orderer) {
        Invoice invoice;
        invoice.number = invoice_number(input.pay_date, input.first_invoice_sequence + static_cast<std::int64_t>(invoices.size()));
        invoice.orderer = orderer_of(input, orderer_id);
        invoice.invoice_date = input.pay_date;
        invoice.due_date = due_date;
        std::map<Decimal, VatTotal> by_rate;
        for (PayrollLine* line : orderer_lines) {
            line->invoice = invoices.size();
            ++invoice.lines;
            invoice.net += line->amounts.net;
            invoice.vat += line->amounts.vat;
            invoice.gross += line->amounts.gross;
            VatTotal& rate = by_rate[line->vat_percent];
            rate.vat_percent = line->vat_percent;
            rate.net += line->amounts.net;
            rate.vat += line->amounts.vat;
            rate.gross += line->amounts.gross;
        }
        for (auto& [percent, total] : by_rate) invoice.vat_totals.push_back(total);
        invoices.push_back(std::move(invoice));
    }
    return invoices;
}

}  // namespace jobcenter::pricing

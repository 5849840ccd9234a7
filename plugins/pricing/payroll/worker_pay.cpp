// Summing each worker's lines and applying the rates in force on the pay date.
#include "pricing/payroll/worker_pay.hpp"

#include <map>

#include "pricing/payroll/payable_work.hpp"

namespace jobcenter::pricing {
namespace {

// The contributions and withholding of one worker from the wages already summed.
void apply_rates(const PayrollInput& input, WorkerPay& w) {
    const FigureBook& figures = *input.figures;
    const std::string& day = input.pay_date;
    w.holiday_compensation = w.employment_wages.percent(figures.value_on(Figure::holiday_compensation, day));
    w.gross = w.wages + w.holiday_compensation;
    const Money employment_gross = w.employment_wages + w.holiday_compensation;

    auto card = input.tax_cards.find(w.client_id);
    w.tax_card = card != input.tax_cards.end();
    w.tax_percent = w.tax_card ? card->second : figures.value_on(Figure::withholding_no_tax_card, day);
    w.tax_withheld = w.gross.percent(w.tax_percent);
    w.employee_tyel = employment_gross.percent(figures.value_on(Figure::employee_tyel, day));
    w.employee_unemployment = employment_gross.percent(figures.value_on(Figure::employee_unemployment_insurance, day));
    w.net_paid = w.gross - w.tax_withheld - w.employee_tyel - w.employee_unemployment;

    w.employer_tyel = employment_gross.percent(figures.value_on(Figure::employer_tyel, day));
    w.employer_unemployment = employment_gross.percent(figures.value_on(Figure::employer_unemployment_insurance, day));
    w.employer_health = employment_gross.percent(figures.value_on(Figure::employer_health_insurance, day));
    w.employer_accident = employment_gross.percent(figures.value_on(Figure::employer_accident_insurance, day));
    w.employer_group_life = employment_gross.percent(figures.value_on(Figure::employer_group_life_insurance, day));
}

}  // namespace

std::vector<WorkerPay> pay_statements(const PayrollInput& input, std::vector<PayrollLine>& lines) {
    std::map<std::string, std::vector<PayrollLine*>> by_client;
    for (auto& line : lines) by_client[line.occurrence->client_id].push_back(&line);
    std::vector<WorkerPay> workers;
    workers.reserve(by_client.size());
    for (auto& [client_id, client_lines] : by_client) {
        const WorkerClient& client = client_of(input, *client_lines.front()->occurrence);
        WorkerPay w;
        w.client_id = client_id;
        w.client_name = client.name;
        w.unit = client.unit;
        for (PayrollLine* line : client_lines) {
            line->worker = workers.size();
            w.minutes += line->amounts.minutes;
            w.wages += line->amounts.pay;
            if (line->occurrence->contract == Contract::employment) w.employment_wages += line->amounts.pay;
        }
        apply_rates(input, w);
        workers.push_back(std::move(w));
    }
    return workers;
}

}  // namespace jobcenter::pricing

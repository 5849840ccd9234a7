// Reading the period's payroll lines once and tallying them per group and in total.
#include "pricing/reports/report_figures.hpp"

#include <map>
#include <set>
#include <tuple>

namespace jobcenter::pricing {
namespace {

struct ReportLine {
    std::int64_t gig_id = 0;
    std::string date, client, unit, unit_title, organisation, task_type, order;
    std::int64_t orderer_id = 0;
    std::string orderer_name;  // as the line's invoice has it
    std::int64_t invoice_id = 0;
    std::int64_t minutes = 0;
    Money net, pay;
};

std::vector<ReportLine> read_lines(Database& db, const ReportPeriod& period) {
    auto q = db.prepare(
        "SELECT l.gig_id, l.on_date, l.client_id, l.unit, COALESCE(u.title, l.unit), COALESCE(u.organisation, 'OTHER'), "
        "l.task_type, l.order_id, l.orderer_id, i.orderer_name, i.id, l.minutes, l.net_cents, l.pay_cents "
        "FROM payroll_line l JOIN payroll_run r ON r.id = l.run_id JOIN payroll_invoice i ON i.id = l.invoice_id "
        "LEFT JOIN unit u ON u.name = l.unit "
        "WHERE r.status <> 'cancelled' AND l.on_date BETWEEN ?1 AND ?2 AND (?3 = '' OR l.unit = ?3) ORDER BY l.id");
    q.bind_all(period.from, period.to, period.unit);
    std::vector<ReportLine> lines;
    while (q.step())
        lines.push_back({q.get_int(0), q.get_text(1), q.get_text(2), q.get_text(3), q.get_text(4), q.get_text(5),
                         q.get_text(6), q.get_text(7), q.get_int(8), q.get_text(9), q.get_int(10), q.get_int(11),
                         Money::from_cents(q.get_int(12)), Money::from_cents(q.get_int(13))});
    return lines;
}

// One group's lines as they are added: money and minutes summed, each gig occurrence's minutes netted.
class Tally {
public:
    void add(const ReportLine& line) {
        figures_.minutes += line.minutes;
        figures_.net_sales += line.net;
        figures_.pay += line.pay;
        auto& occurrence = occurrences_[{line.gig_id, line.date}];
        occurrence.minutes += line.minutes;
        occurrence.line = &line;
    }
    // The counts over the occurrences whose hours net to more than zero.
    ReportFigures figures() const {
        std::set<std::string> persons, orders;
        std::set<std::int64_t> gigs, orderers;
        for (const auto& [key, occurrence] : occurrences_) {
            if (occurrence.minutes <= 0) continue;
            persons.insert(occurrence.line->client);
            orders.insert(occurrence.line->order);
            gigs.insert(occurrence.line->gig_id);
            orderers.insert(occurrence.line->orderer_id);
        }
        ReportFigures out = figures_;
        out.persons = static_cast<std::int64_t>(persons.size());
        out.gigs = static_cast<std::int64_t>(gigs.size());
        out.orders = static_cast<std::int64_t>(orders.size());
        out.orderers = static_cast<std::int64_t>(orderers.size());
        return out;
    }

private:
    struct Occurrence {
        std::int64_t minutes = 0;
        const ReportLine* line = nullptr;
    };
    ReportFigures figures_;
    std::map<std::pair<std::int64_t, std::string>, Occurrence> occurrences_;
};

// The group a line falls in: a sort key (orderers by number), the key shown, and its label.
std::tuple<std::int64_t, std::string, std::string> group_of(const ReportLine& line, ReportGrouping grouping) {
    switch (grouping) {
        case ReportGrouping::unit: return {0, line.unit, line.unit_title};
        case ReportGrouping::organisation: return {0, line.organisation, ""};
        case ReportGrouping::orderer: return {line.orderer_id, std::to_string(line.orderer_id), line.orderer_name};
        case ReportGrouping::task_type: return {0, line.task_type, ""};
    }
    return {};
}

}  // namespace

Report build_report(Database& db, ReportGrouping grouping, const ReportPeriod& period) {
    const std::vector<ReportLine> lines = read_lines(db, period);
    struct Group {
        std::string key, label;
        std::int64_t label_invoice = -1;  // an orderer is named as on its latest invoice
        Tally tally;
    };
    std::map<std::pair<std::int64_t, std::string>, Group> groups;
    Tally total;
    for (const auto& line : lines) {
        const auto [order, key, label] = group_of(line, grouping);
        Group& group = groups[{order, key}];
        group.key = key;
        if (line.invoice_id > group.label_invoice) {
            group.label = label;
            group.label_invoice = line.invoice_id;
        }
        group.tally.add(line);
        total.add(line);
    }
    Report report;
    for (const auto& [sort_key, group] : groups) report.rows.push_back({group.key, group.label, group.tally.figures()});
    report.total = total.figures();
    return report;
}

}  // namespace jobcenter::pricing

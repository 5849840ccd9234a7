// A stand-in for the matching plugin's payroll commands until they are loaded (the contract is in
// docs/pricing-payroll.md): matching.gig-worked answered from the matching tables (approved gigs' hours in the
// period, and earlier hours of the gigs a test marks corrected), matching.earnings-record kept in a list. Every
// other call goes to the real router, so register.show and matching.client-show are the real commands.
// QuietProgress: a progress sink for commands run in process.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "pricing/payroll/payroll_json.hpp"
#include "router.hpp"

namespace jobcenter::testing {

// Progress that draws nothing, for commands run in process.
class QuietProgress final : public Progress {
public:
    void start(std::string_view, std::uint64_t) override {}
    void advance(std::uint64_t) override {}
    void finish() override {}
};

class FakeMatchingRouter final : public Router {
public:
    explicit FakeMatchingRouter(CommandRouter& real) : real_(real) {}

    std::set<std::int64_t> corrected_gigs;                 // gigs whose earlier hours gig-worked lists again
    std::vector<boost::json::object> earnings_records;     // what matching.earnings-record was given

    boost::json::value call(Context& caller, std::string_view name, const boost::json::object& args) override {
        if (name == "matching.gig-worked")
            return gig_worked(caller.db(), std::string(args.at("from").as_string()), std::string(args.at("to").as_string()));
        if (name == "matching.earnings-record") {
            earnings_records.push_back(args);
            return boost::json::object{{"recorded", args.at("lines").as_array().size()}};
        }
        return real_.call(caller, name, args);
    }
    Scripts& scripts_of(const std::string& unit) override { return real_.scripts_of(unit); }

    boost::json::value gig_worked(Database& db, const std::string& from, const std::string& to) const {
        namespace json = boost::json;
        auto q = db.prepare(
            "SELECT g.id, h.on_date, h.minutes, g.order_id, g.client_id, c.unit, o.orderer_id, o.task_type, o.contract "
            "FROM gig_hours h JOIN gig g ON g.id = h.gig_id JOIN work_order o ON o.id = g.order_id "
            "JOIN client c ON c.id = g.client_id WHERE g.status = 'approved' AND h.on_date <= ? ORDER BY h.on_date, g.id");
        q.bind(1, to);
        json::array occurrences;
        std::set<std::string> orders, clients;
        while (q.step()) {
            const bool corrected = corrected_gigs.contains(q.get_int(0));
            if (q.get_text_view(1) < from && !corrected) continue;
            orders.insert(q.get_text(3));
            clients.insert(q.get_text(4));
            occurrences.push_back(json::object{{"gig", q.get_int(0)}, {"date", q.get_text(1)}, {"minutes", q.get_int(2)},
                                               {"order", q.get_text(3)}, {"client", q.get_text(4)}, {"unit", q.get_text(5)},
                                               {"orderer_id", q.get_int(6)}, {"task_type", q.get_text(7)},
                                               {"contract", q.get_text(8)}, {"corrected", corrected}});
        }
        return json::object{{"occurrences", std::move(occurrences)}, {"orders", orders_json(db, orders)},
                            {"clients", clients_json(db, clients)}};
    }

private:
    static boost::json::object orders_json(Database& db, const std::set<std::string>& ids) {
        namespace json = boost::json;
        auto q = db.prepare(
            "SELECT id, orderer_id, orderer_name, task_type, start_at, minutes, seats, contract, repeat_every_days, "
            "repeat_until, status, CASE WHEN repeat_every_days IS NULL THEN 1 ELSE 1 + CAST((julianday(repeat_until) - "
            "julianday(substr(start_at, 1, 10))) / repeat_every_days AS INTEGER) END FROM work_order WHERE id = ?");
        json::object out;
        for (const auto& id : ids) {
            q.reset();
            q.bind(1, id);
            if (!q.step()) continue;
            const std::int64_t occurrences = q.get_int(11);
            json::value repeat = nullptr;
            if (!q.is_null(8)) repeat = json::object{{"every_days", q.get_int(8)}, {"until", q.get_text(9)}};
            out[id] = json::object{{"id", id}, {"orderer", q.get_int(1)}, {"orderer_name", q.get_text(2)},
                                   {"task_type", q.get_text(3)}, {"start", q.get_text(4)},
                                   {"hours", pricing::hours_of(q.get_int(5))}, {"seats", q.get_int(6)},
                                   {"contract", q.get_text(7)}, {"repeat", repeat}, {"status", q.get_text(10)},
                                   {"occurrences", occurrences},
                                   {"hours_total", pricing::hours_of(q.get_int(5) * q.get_int(6) * occurrences)}};
        }
        return out;
    }

    static boost::json::object clients_json(Database& db, const std::set<std::string>& ids) {
        namespace json = boost::json;
        auto q = db.prepare("SELECT name, unit, profile FROM client WHERE id = ?");
        json::object out;
        for (const auto& id : ids) {
            q.reset();
            q.bind(1, id);
            if (!q.step()) continue;
            json::array benefits;
            const json::value profile = json::parse(q.get_text(2));
            if (const auto* b = profile.as_object().if_contains("benefits")) benefits = b->as_array();
            out[id] = json::object{{"name", q.get_text(0)}, {"unit", q.get_text(1)}, {"benefits", std::move(benefits)}};
        }
        return out;
    }

    CommandRouter& real_;
};

}  // namespace jobcenter::testing

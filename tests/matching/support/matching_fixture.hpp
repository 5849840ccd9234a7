// The end-to-end fixture of the matching tests: a VATTI unit (vallila), a Kuty unit (pakila) and one register
// orderer; a worker-client and a work order that pass every rule, built as interchange JSON with overrides;
// loading them, matching an order, and reading the result by client and rule name.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "support/cli_fixture.hpp"

namespace jobcenter::testing {

class MatchingCliTest : public CliTest {
protected:
    std::int64_t orderer = 0;  // "Esimerkki Siivous Oy", business ID 1234567-1, in pakila's register
    int files_written = 0;

    void SetUp() override {
        add_unit("vallila", "VATTI");
        add_unit("pakila", "KUTY");
        auto added = jc({"register", "add", "--unit", "pakila", "--name", "Esimerkki Siivous Oy", "--business-id",
                         "1234567-1", "--format=json"});
        ASSERT_EQ(added.exit_code, 0) << added.err;
        orderer = boost::json::parse(added.out).at("id").as_int64();
    }

    // `base` with each key of `overrides` replaced (or added; a null value stays null).
    static boost::json::object with(boost::json::object base, const boost::json::object& overrides) {
        for (const auto& [key, value] : overrides) base[key] = value;
        return base;
    }

    // A client of vallila (VATTI) who passes every rule on order(): approved, consent signed, skills recognised,
    // office-cleaning at level 3, no benefits, no work-activity hours, 8 hours a week.
    static boost::json::object client(const std::string& id, const boost::json::object& overrides = {}) {
        boost::json::object base{
            {"id", id},
            {"unit", "vallila"},
            {"name", "Asiakas " + id},
            {"wants_paid_work", true},
            {"approved", boost::json::object{{"by", "work-coach"}, {"on", "2026-01-10"}}},
            {"consent_y100", "2026-01-12"},
            {"skills_recognised", "2026-01-05"},
            {"income_survey", nullptr},
            {"benefits", boost::json::array{}},
            {"skills", boost::json::array{boost::json::object{
                           {"task_type", "office-cleaning"}, {"level", 3}, {"practised_in_work_activity", false}}}},
            {"work_activity_tasks", boost::json::array{}},
            {"interests", boost::json::array{}},
            {"work_activity", boost::json::array{}},
            {"unavailable", boost::json::array{}},
            {"home_postcode", "00100"},
            {"transport", boost::json::array{"walk"}},
            {"weekly_hours_max", 8},
            {"criminal_record_extract", nullptr},
            {"earnings", boost::json::array{}}};
        return with(std::move(base), overrides);
    }

    // An employment order of this fixture's orderer: office-cleaning at level 2, Tuesday 2026-02-03 10:00-12:00,
    // two seats, with a support person named.
    boost::json::object order(const std::string& id, const boost::json::object& overrides = {}) const {
        boost::json::object base{{"id", id},
                                 {"orderer", orderer},
                                 {"task_type", "office-cleaning"},
                                 {"min_level", 2},
                                 {"description", "Toimiston siivous"},
                                 {"postcode", "00100"},
                                 {"start", "2026-02-03T10:00"},
                                 {"hours", 2},
                                 {"seats", 2},
                                 {"contract", "employment"},
                                 {"support_person", "Tuula Tukihenkilö"},
                                 {"status", "open"}};
        return with(std::move(base), overrides);
    }

    // Writes a load file holding `document` as it is (any shape); returns its path.
    std::string document_file(const boost::json::value& document) {
        const auto path = dir / ("load-" + std::to_string(++files_written) + ".json");
        write_file(path, boost::json::serialize(document));
        return path.string();
    }
    static boost::json::object interchange(const boost::json::array& clients, const boost::json::array& orders = {}) {
        return {{"clients", clients}, {"orders", orders}};
    }
    // `matching load FILE` with the caller's arguments (--role, --unit).
    RunResult load_file(const std::string& path, std::vector<std::string> caller = {"--role", "coordinator"}) {
        std::vector<std::string> args{"matching", "load", path};
        args.insert(args.end(), caller.begin(), caller.end());
        return jc(args);
    }
    // Loads the clients and orders as a coordinator and expects success.
    void load(const boost::json::array& clients, const boost::json::array& orders = {}) {
        auto r = load_file(document_file(interchange(clients, orders)));
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    // `matching match ORDER` as a coordinator (every unit), with extra arguments (--unit, --scripts, --role).
    boost::json::value match(const std::string& order_id, std::vector<std::string> extra = {"--role", "coordinator"}) {
        std::vector<std::string> args{"matching", "match", order_id};
        args.insert(args.end(), extra.begin(), extra.end());
        return jc_json(args);
    }
    // Loads the clients and the orders, then matches the first order.
    boost::json::value load_and_match(const boost::json::array& clients, const boost::json::array& orders) {
        load(clients, orders);
        return match(std::string(orders.at(0).at("id").as_string()));
    }

    // The client's entry among the candidates (or the excluded); null when it is not there.
    static const boost::json::object* entry_in(const boost::json::value& match, const char* list, const std::string& client) {
        for (const auto& e : match.at(list).as_array())
            if (e.at("client").as_string() == client) return &e.as_object();
        return nullptr;
    }
    static bool is_candidate(const boost::json::value& match, const std::string& client) {
        return entry_in(match, "candidates", client) != nullptr;
    }
    // The names of the rules that left the client out, in the order listed ({} for a candidate).
    static std::vector<std::string> exclusions(const boost::json::value& match, const std::string& client) {
        const auto* e = entry_in(match, "excluded", client);
        return e ? rule_names_of(e->at("rules").as_array()) : std::vector<std::string>{};
    }
    // The names of the candidate's warnings ({} for a client left out).
    static std::vector<std::string> warnings(const boost::json::value& match, const std::string& client) {
        const auto* c = entry_in(match, "candidates", client);
        return c ? rule_names_of(c->at("warnings").as_array()) : std::vector<std::string>{};
    }
    // The detail of the client's finding of `rule`, whether it excluded them or warned; "" when none.
    static std::string detail(const boost::json::value& match, const std::string& client, const std::string& rule) {
        for (const auto* e : {entry_in(match, "excluded", client), entry_in(match, "candidates", client)}) {
            if (!e) continue;
            for (const auto& f : e->at(e->contains("rules") ? "rules" : "warnings").as_array())
                if (f.at("rule").as_string() == rule) return std::string(f.at("detail").as_string());
        }
        return "";
    }
    static bool has(const std::vector<std::string>& names, const std::string& name) {
        for (const auto& n : names)
            if (n == name) return true;
        return false;
    }

    // Adds a gig of the client on the order in the given status, straight into the table; returns its id.
    std::int64_t add_gig(const std::string& order_id, const std::string& client_id, const std::string& status) {
        auto opened = Database::open(db);
        opened.prepare("INSERT INTO gig(order_id, client_id, status, created_at, updated_at) VALUES(?, ?, ?, ?, ?)")
            .bind_all(order_id, client_id, status, "2026-01-15T10:00:00Z", "2026-01-15T10:00:00Z")
            .run();
        return opened.last_insert_id();
    }

    // A copy of the default scripts under this test's folder with `lua` as the unit's matching.lua; returns the
    // folder to give --scripts.
    std::string unit_scripts(const std::string& unit, const std::string& lua) {
        const auto scripts = dir / "scripts";
        std::filesystem::create_directories(scripts / "units" / unit);
        if (!std::filesystem::exists(scripts / "defaults"))
            std::filesystem::copy(std::filesystem::path(JOBCENTER_SOURCE_DIR) / "scripts" / "defaults", scripts / "defaults");
        write_file(scripts / "units" / unit / "matching.lua", lua);
        return scripts.string();
    }

private:
    static std::vector<std::string> rule_names_of(const boost::json::array& findings) {
        std::vector<std::string> out;
        for (const auto& f : findings) out.emplace_back(f.at("rule").as_string());
        return out;
    }
};

}  // namespace jobcenter::testing

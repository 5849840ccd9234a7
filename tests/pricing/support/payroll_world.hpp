// The fixture of the payroll tests: CliTest with two units (pakila, KUTY; toolo, VATTI) and payroll's real data
// made by the real commands, run in process (in_process_commands.hpp): orderers entered in the register, clients and
// orders loaded with `matching load`, gigs walked to approved with the hours of each occurrence, hours corrected with
// `matching gig hours`, and the pricing commands, whose calls to matching (gig-worked, earnings-record) are the
// real ones.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "pricing/support/in_process_commands.hpp"
#include "support/cli_fixture.hpp"

namespace jobcenter::testing {

struct CommandOutcome {
    int exit_code = 0;
    boost::json::value out;
    std::string error;
};

class PayrollWorld : public CliTest {
protected:
    const Caller coordinator_caller{"", Role::coordinator};

    void SetUp() override {
        quiet = true;
        add_unit("pakila", "KUTY");
        add_unit("toolo", "VATTI");
    }

    // Runs `group command` in process; throws the command's Error when it is refused.
    boost::json::value run(const Caller& caller, std::string_view group, std::string_view command,
                           const boost::json::object& args) {
        if (!commands_) commands_ = std::make_unique<InProcessCommands>(db, scripts_, "2026-01-15T10:00:00Z");
        return commands_->run(caller, group, command, args);
    }
    // The Lua folder of the commands run in process from now on (the built copy of scripts/ until a test gives its own).
    void use_scripts(const std::filesystem::path& folder) {
        scripts_ = folder;
        commands_.reset();
    }

    // `register add` as pakila's staff with the given fields (name, business_id, street, postcode, city); its id.
    std::int64_t add_orderer(const boost::json::object& fields) {
        return run({"pakila", Role::staff}, "register", "add", fields).at("id").as_int64();
    }

    // A worker-client record of the interchange file who wants paid work and is approved, with the benefits given.
    static boost::json::object client(const std::string& id, const std::string& unit, const std::string& name,
                                      const boost::json::array& benefits = {}) {
        return {{"id", id}, {"unit", unit}, {"name", name}, {"wants_paid_work", true},
                {"approved", boost::json::object{{"by", "work-coach"}, {"on", "2021-01-01"}}},
                {"consent_y100", "2021-01-01"}, {"skills_recognised", "2021-01-01"}, {"income_survey", nullptr},
                {"benefits", benefits}, {"skills", boost::json::array{}}, {"work_activity_tasks", boost::json::array{}},
                {"interests", boost::json::array{}}, {"work_activity", boost::json::array{}},
                {"unavailable", boost::json::array{}}, {"home_postcode", "00100"},
                {"transport", boost::json::array{"walk"}}, {"weekly_hours_max", 40},
                {"criminal_record_extract", nullptr}, {"earnings", boost::json::array{}}};
    }

    // An order of the interchange file: office cleaning, one occurrence of `hours` (decimal text) at `start`, 20 seats;
    // `more` replaces or adds fields (task_type, seats, repeat).
    static boost::json::object order(const std::string& id, std::int64_t orderer, const std::string& contract,
                                     const std::string& start, const std::string& hours = "1",
                                     const boost::json::object& more = {}) {
        boost::json::object o{{"id", id},       {"orderer", orderer}, {"task_type", "office-cleaning"},
                              {"description", "work"}, {"start", start}, {"hours", hours},
                              {"seats", 20},    {"contract", contract}};
        for (const auto& [key, value] : more) o[key] = value;
        return o;
    }

    // `matching load` of the clients and orders, as a coordinator.
    void load(const boost::json::array& clients, const boost::json::array& orders = {}) {
        const auto file = dir / ("load-" + std::to_string(++loads_) + ".json");
        write_file(file, boost::json::serialize(boost::json::object{{"clients", clients}, {"orders", orders}}));
        run(coordinator_caller, "matching", "load", {{"file", file.string()}});
    }
    void add_client(const std::string& id, const std::string& unit, const boost::json::array& benefits = {}) {
        load({client(id, unit, "Asiakas " + id, benefits)});
    }
    void add_order(const std::string& id, std::int64_t orderer, const std::string& contract, const std::string& start,
                   const std::string& hours = "1", const boost::json::object& more = {}) {
        load({}, {order(id, orderer, contract, start, hours, more)});
    }

    // The client's gig on the order, taken by a coordinator from proposed to approved, done with `hours`
    // ("DATE=HOURS" for each occurrence up to today; none: every occurrence at the planned hours). Its number.
    std::int64_t approved_gig(const std::string& order_id, const std::string& client_id,
                              const std::vector<std::string>& hours = {}) {
        const std::int64_t gig =
            run(coordinator_caller, "matching", "gig-propose", {{"order", order_id}, {"client", client_id}}).at("gig").as_int64();
        for (const char* step : {"gig-confirm", "gig-accept"}) run(coordinator_caller, "matching", step, {{"gig", gig}});
        boost::json::array worked;
        for (const auto& h : hours) worked.emplace_back(h);
        run(coordinator_caller, "matching", "gig-done", {{"gig", gig}, {"hours", worked}});
        run(coordinator_caller, "matching", "gig-approve", {{"gig", gig}});
        return gig;
    }

    // `matching gig hours GIG --hours DATE=HOURS --reason ...`: a coordinator corrects recorded hours.
    void correct_hours(std::int64_t gig, const std::string& day_hours, const std::string& reason = "the orderer's report") {
        run(coordinator_caller, "matching", "gig-hours",
            {{"gig", gig}, {"hours", boost::json::array{boost::json::value(day_hours)}}, {"reason", reason}});
    }

    // Runs `pricing <command>` (its table name: "payroll-run"), with the exit code and message it was refused with.
    CommandOutcome pricing(const std::string& command, const boost::json::object& args, const Caller& caller = {"", Role::coordinator}) {
        try {
            return {0, run(caller, "pricing", command, args), ""};
        } catch (const Error& e) {
            return {static_cast<int>(e.code()), nullptr, e.describe()};
        }
    }
    // Runs a pricing command expected to pass and returns its output.
    boost::json::object pricing_ok(const std::string& command, const boost::json::object& args) {
        auto r = pricing(command, args);
        EXPECT_EQ(r.exit_code, 0) << command << ": " << r.error;
        return r.out.is_object() ? r.out.as_object() : boost::json::object{};
    }
    // `pricing payroll run` over the period, paid on `pay_date`, as a coordinator; the run's number.
    std::int64_t payroll_run(const std::string& from, const std::string& to, const std::string& pay_date) {
        return pricing_ok("payroll-run", {{"from", from}, {"to", to}, {"pay_date", pay_date}}).at("run").as_int64();
    }

    std::int64_t count(const std::string& sql) {
        auto opened = Database::open(db);
        auto q = opened.prepare(sql);
        return q.step() ? q.get_int(0) : -1;
    }

private:
    std::filesystem::path scripts_ = std::filesystem::path(JOBCENTER_BUILD_DIR) / "scripts";
    std::unique_ptr<InProcessCommands> commands_;
    int loads_ = 0;
};

// The payroll command tests' world: two orderers in the register.
class PayrollCommandTest : public PayrollWorld {
protected:
    std::int64_t siivous = 0;  // "Esimerkki Siivous Oy", 1234567-1
    std::int64_t leipomo = 0;  // "Pasilan Leipomo", no business ID, an address

    void SetUp() override {
        PayrollWorld::SetUp();
        siivous = add_orderer({{"name", "Esimerkki Siivous Oy"}, {"business_id", "1234567-1"}});
        leipomo = add_orderer({{"name", "Pasilan Leipomo"}, {"street", "Ratapihantie 1"}, {"postcode", "00520"},
                               {"city", "Helsinki"}});
    }
};

}  // namespace jobcenter::testing

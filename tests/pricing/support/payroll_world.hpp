// The fixture of the payroll command tests: CliTest with two units (pakila, KUTY; toolo, VATTI), two orderers
// in the register, clients, orders and approved gigs written as rows, and the pricing commands run in process
// on the real plugins with FakeMatchingRouter answering matching.gig-worked and matching.earnings-record.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "host_services.hpp"
#include "plugin_loader.hpp"
#include "pricing/support/fake_matching.hpp"
#include "router.hpp"
#include "support/cli_fixture.hpp"

namespace jobcenter::testing {

struct CommandOutcome {
    int exit_code = 0;
    boost::json::value out;
    std::string error;
};

class PayrollWorld : public CliTest {
protected:
    std::int64_t siivous = 0;  // "Esimerkki Siivous Oy", 1234567-1
    std::int64_t leipomo = 0;  // "Pasilan Leipomo", no business ID, an address
    std::filesystem::path scripts = std::filesystem::path(JOBCENTER_SOURCE_DIR) / "scripts";
    const Caller coordinator{"", Role::coordinator};

    void SetUp() override {
        quiet = true;
        add_unit("pakila", "KUTY");
        add_unit("toolo", "VATTI");
        siivous = add_orderer({"--name", "Esimerkki Siivous Oy", "--business-id", "1234567-1"});
        leipomo = add_orderer({"--name", "Pasilan Leipomo", "--street", "Ratapihantie 1", "--postcode", "00520",
                               "--city", "Helsinki"});
    }

    std::int64_t add_orderer(std::vector<std::string> fields) {
        fields.insert(fields.begin(), {"register", "add", "--unit", "pakila", "--format=json"});
        auto r = jc(fields);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r.exit_code == 0 ? boost::json::parse(r.out).at("id").as_int64() : 0;
    }

    // A client row whose profile is the client's interchange record (as `matching client-add` stores it).
    void add_client(const std::string& id, const std::string& unit, const boost::json::array& benefits = {}) {
        const boost::json::object profile{
            {"id", id}, {"unit", unit}, {"name", "Asiakas " + id}, {"wants_paid_work", true},
            {"approved", boost::json::object{{"by", "work-coach"}, {"on", "2021-01-01"}}}, {"consent_y100", "2021-01-01"},
            {"skills_recognised", "2021-01-01"}, {"income_survey", nullptr}, {"benefits", benefits},
            {"skills", boost::json::array{}}, {"work_activity_tasks", boost::json::array{}}, {"interests", boost::json::array{}},
            {"work_activity", boost::json::array{}}, {"unavailable", boost::json::array{}}, {"home_postcode", "00100"},
            {"transport", boost::json::array{"walk"}}, {"weekly_hours_max", 40}, {"criminal_record_extract", nullptr},
            {"earnings", boost::json::array{}}};
        auto opened = Database::open(db);
        opened.prepare("INSERT INTO client(id, unit, name, wants_paid_work, weekly_minutes_max, profile, created_at, "
                       "updated_at) VALUES(?, ?, ?, 1, 2400, ?, '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z')")
            .bind_all(id, unit, "Asiakas " + id, boost::json::serialize(profile))
            .run();
    }

    void add_order(const std::string& id, std::int64_t orderer, const std::string& contract, const std::string& start,
                   int minutes = 60) {
        auto opened = Database::open(db);
        opened.prepare("INSERT INTO work_order(id, orderer_id, orderer_name, task_type, description, start_at, minutes, seats, "
                       "contract, status, created_at, updated_at) VALUES(?, ?, 'orderer', 'office-cleaning', 'work', ?, ?, 20, "
                       "?, 'open', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z')")
            .bind_all(id, orderer, start, minutes, contract)
            .run();
    }

    // An approved gig of `client` on `order` with the minutes worked on each day.
    std::int64_t add_gig(const std::string& order, const std::string& client,
                         const std::vector<std::pair<std::string, int>>& hours) {
        auto opened = Database::open(db);
        opened.prepare("INSERT INTO gig(order_id, client_id, status, created_at, updated_at) VALUES(?, ?, 'approved', "
                       "'2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z')")
            .bind_all(order, client)
            .run();
        const std::int64_t gig = opened.last_insert_id();
        for (const auto& [day, minutes] : hours)
            opened.prepare("INSERT INTO gig_hours(gig_id, on_date, minutes) VALUES(?, ?, ?)").bind_all(gig, day, minutes).run();
        return gig;
    }

    // A correction of the hours of an approved gig's occurrence, as `matching gig hours` will record it.
    void correct_hours(std::int64_t gig, const std::string& day, int minutes) {
        auto opened = Database::open(db);
        opened.prepare("UPDATE gig_hours SET minutes = ? WHERE gig_id = ? AND on_date = ?").bind_all(minutes, gig, day).run();
        matching().corrected_gigs.insert(gig);
    }

    FakeMatchingRouter& matching() {
        if (!fake_) {
            HostPaths paths{db, std::filesystem::path(JOBCENTER_BUILD_DIR) / "plugins", std::filesystem::path(JOBCENTER_SOURCE_DIR) / "schema",
                            scripts};
            ::setenv("JOBCENTER_NOW", "2026-01-15T10:00:00Z", 1);
            clock_ = std::make_unique<SystemClock>();
            router_ = std::make_unique<CommandRouter>(paths, load_plugins(paths.plugins), *clock_, log_);
            fake_ = std::make_unique<FakeMatchingRouter>(*router_);
        }
        return *fake_;
    }

    // Runs `pricing <command>` (its table name: "payroll-run") in process, in one transaction as the host runs it.
    CommandOutcome pricing(const std::string& command, const boost::json::object& args, const Caller& caller = {"", Role::coordinator}) {
        FakeMatchingRouter& fake = matching();
        const Command* c = router_->find("pricing", command);
        if (!c) return {2, nullptr, "no command pricing " + command};
        if (caller.role < c->min_role) return {5, nullptr, "role too low"};
        auto database = Database::open(db);
        Transaction tx(database);
        Context ctx(database, caller, router_->scripts_for(caller.unit), *clock_, log_, progress_, fake);
        try {
            auto out = c->run(ctx, args);
            tx.commit();
            return {0, std::move(out), ""};
        } catch (const Error& e) {
            return {static_cast<int>(e.code()), nullptr, e.describe()};
        }
    }

    // Runs a command expected to pass and returns its output.
    boost::json::object pricing_ok(const std::string& command, const boost::json::object& args) {
        auto r = pricing(command, args);
        EXPECT_EQ(r.exit_code, 0) << command << ": " << r.error;
        return r.out.is_object() ? r.out.as_object() : boost::json::object{};
    }

    std::int64_t count(const std::string& sql) {
        auto opened = Database::open(db);
        auto q = opened.prepare(sql);
        return q.step() ? q.get_int(0) : -1;
    }

private:
    std::unique_ptr<SystemClock> clock_;
    SilentLogger log_;
    QuietProgress progress_;
    std::unique_ptr<CommandRouter> router_;
    std::unique_ptr<FakeMatchingRouter> fake_;
};

}  // namespace jobcenter::testing

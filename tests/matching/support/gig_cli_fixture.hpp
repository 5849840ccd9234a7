// The end-to-end fixture of the gig and CV tests: CliTest with two units (pakila, KUTY; toolo, VATTI), clients
// of each and orders written as rows through the database API (quicker than a `matching load` per test), helpers that
// run a command as a unit's staff or a coordinator, and the audit rows a command wrote.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "support/cli_fixture.hpp"

namespace jobcenter::testing {

struct OrderRow {
    std::string id;
    std::string orderer = "Kallion Kukka Ky";
    std::string task_type = "office-cleaning";
    std::string start = "2026-01-05T16:00";
    int minutes = 120;
    std::optional<int> every_days = std::nullopt;
    std::optional<std::string> until = std::nullopt;
    int seats = 2;
    std::string status = "open";
    std::optional<std::string> support_person = std::nullopt;
};

struct AuditRow {
    std::string unit;
    std::string role;
    std::string action;
    std::string subject_kind;
    std::string subject;
    std::string detail;
};

class GigCliTest : public CliTest {
protected:
    const std::vector<std::string> pakila_staff{"--unit", "pakila"};
    const std::vector<std::string> toolo_staff{"--unit", "toolo"};
    const std::vector<std::string> coordinator{"--role", "coordinator"};

    GigCliTest() { quiet = true; }

    // Today is 2026-01-15 (the fixture's clock). T-100 repeats weekly from Monday 2026-01-05 (two occurrences up
    // to today), T-200 is one morning in February, T-300 a cancelled order.
    void SetUp() override {
        add_unit("pakila", "KUTY");
        add_unit("toolo", "VATTI");
        insert_client("C-1001", "pakila", "Aino K.");
        insert_client("C-1002", "pakila", "Bertta L.");
        insert_client("C-2001", "toolo", "Cecilia M.");
        insert_order({.id = "T-100", .every_days = 7, .until = "2026-06-30", .support_person = "Liisa (work coach)"});
        insert_order({.id = "T-200", .orderer = "Pasilan Leipomo", .task_type = "packing-bagging",
                      .start = "2026-02-02T09:00", .minutes = 180, .seats = 1});
        insert_order({.id = "T-300", .start = "2026-01-08T10:00", .status = "cancelled"});
    }

    void insert_client(const std::string& id, const std::string& unit, const std::string& name) {
        auto opened = Database::open(db);
        opened.prepare("INSERT INTO client(id, unit, name, wants_paid_work, weekly_minutes_max, profile, created_at, "
                       "updated_at) VALUES(?, ?, ?, 1, 480, '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")
            .bind_all(id, unit, name)
            .run();
    }

    void insert_order(const OrderRow& o) {
        auto opened = Database::open(db);
        opened.prepare("INSERT INTO work_order(id, orderer_id, orderer_name, task_type, description, start_at, minutes, "
                       "repeat_every_days, repeat_until, seats, contract, support_person, status, created_at, updated_at) "
                       "VALUES(?, 42, ?, ?, 'work', ?, ?, ?, ?, ?, 'employment', ?, ?, '2026-01-01T00:00:00Z', "
                       "'2026-01-01T00:00:00Z')")
            .bind_all(o.id, o.orderer, o.task_type, o.start, o.minutes, o.every_days, o.until, o.seats, o.support_person,
                      o.status)
            .run();
    }

    // Runs `args` as `who` (global options such as --unit pakila).
    RunResult as(const std::vector<std::string>& who, std::vector<std::string> args) {
        args.insert(args.begin(), who.begin(), who.end());
        return jc(args);
    }
    boost::json::value as_json(const std::vector<std::string>& who, std::vector<std::string> args) {
        args.insert(args.begin(), who.begin(), who.end());
        return jc_json(args);
    }

    // A new gig's number, proposed by pakila's staff unless `who` says otherwise.
    std::int64_t propose(const std::string& order, const std::string& client, std::vector<std::string> who = {}) {
        if (who.empty()) who = pakila_staff;
        const auto result = as_json(who, {"matching", "gig", "propose", "--order", order, "--client", client});
        return result.is_object() ? result.at("gig").as_int64() : 0;
    }

    // Takes a gig through the given steps as pakila's staff (approve as a coordinator), expecting each to pass.
    void walk(std::int64_t gig, const std::vector<std::string>& steps) {
        for (const auto& step : steps) {
            const auto& who = step == "approve" ? coordinator : pakila_staff;
            const auto r = as(who, {"matching", "gig", step, std::to_string(gig)});
            ASSERT_EQ(r.exit_code, 0) << step << ": " << r.err;
        }
    }

    std::string status_of(std::int64_t gig) {
        auto opened = Database::open(db);
        auto q = opened.prepare("SELECT status FROM gig WHERE id = ?");
        q.bind(1, gig);
        return q.step() ? q.get_text(0) : "";
    }

    // The audit rows of `action`, oldest first.
    std::vector<AuditRow> audit_rows(const std::string& action) {
        auto opened = Database::open(db);
        auto q = opened.prepare(
            "SELECT unit, role, action, subject_kind, subject_id, detail FROM audit_log WHERE action = ? ORDER BY id");
        q.bind(1, action);
        std::vector<AuditRow> rows;
        while (q.step())
            rows.push_back({q.get_text(0), q.get_text(1), q.get_text(2), q.get_text(3), q.get_text(4), q.get_text(5)});
        return rows;
    }
};

}  // namespace jobcenter::testing

// Approved gig work written straight into the matching plugin's tables, at a scale the commands would take long to
// build: the payroll benchmark's 100,000 occurrences and the crash trials' few thousand.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"

namespace jobcenter::testing {

// Worker-clients (C-100000...) alternately of pakila and toolo, orders of two seats on the orderers in turn (half
// commission, half employment), and as many approved gigs as `occurrences` needs at five occurrences each, with
// their hours on the Mondays 5.1.-2.2.2026: rows, in one transaction.
inline void write_approved_work(const std::filesystem::path& path, int occurrences, int workers,
                                const std::vector<std::int64_t>& orderers) {
    auto db = Database::open(path);
    Transaction tx(db);
    const std::string profile_tail =
        R"(","wants_paid_work":true,"approved":{"by":"work-coach","on":"2021-01-01"},"consent_y100":"2021-01-01",)"
        R"("skills_recognised":"2021-01-01","income_survey":null,"benefits":[],"skills":[],"work_activity_tasks":[],)"
        R"("interests":[],"work_activity":[],"unavailable":[],"home_postcode":"00100","transport":["walk"],)"
        R"("weekly_hours_max":40,"criminal_record_extract":null,"earnings":[]})";
    auto client = db.prepare("INSERT INTO client(id, unit, name, wants_paid_work, weekly_minutes_max, profile, created_at, "
                             "updated_at) VALUES(?, ?, ?, 1, 2400, ?, '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z')");
    for (int w = 0; w < workers; ++w) {
        const std::string id = "C-" + std::to_string(100000 + w), unit = w % 2 ? "toolo" : "pakila";
        client.bind_all(id, unit, "Asiakas " + id,
                        R"({"id":")" + id + R"(","unit":")" + unit + R"(","name":"Asiakas )" + id + profile_tail);
        client.run();
    }
    const int gigs = occurrences / 5;
    const int orders = gigs / 2;  // two workers on each order
    auto order = db.prepare("INSERT INTO work_order(id, orderer_id, orderer_name, task_type, description, start_at, minutes, "
                            "repeat_every_days, repeat_until, seats, contract, status, created_at, updated_at) VALUES(?, ?, "
                            "'orderer', 'office-cleaning', 'work', ?, ?, 7, '2026-03-31', 2, ?, 'open', "
                            "'2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z')");
    auto gig = db.prepare("INSERT INTO gig(id, order_id, client_id, status, created_at, updated_at) VALUES(?, ?, ?, 'approved', "
                          "'2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z')");
    auto hours = db.prepare("INSERT INTO gig_hours(gig_id, on_date, minutes) VALUES(?, ?, ?)");
    const std::vector<std::string> mondays{"2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"};
    std::int64_t gig_id = 0;
    for (int o = 0; o < orders; ++o) {
        const std::string id = "T-" + std::to_string(100000 + o);
        const int minutes = 60 + 15 * (o % 13);
        order.bind_all(id, orderers[static_cast<std::size_t>(o) % orderers.size()], "2026-01-05T10:00", minutes,
                       o % 2 ? "employment" : "commission");
        order.run();
        for (int seat = 0; seat < 2; ++seat) {
            ++gig_id;
            gig.bind_all(gig_id, id, "C-" + std::to_string(100000 + static_cast<int>((gig_id - 1) % workers)));
            gig.run();
            for (const auto& day : mondays) {
                hours.bind_all(gig_id, day, minutes - 5 * static_cast<int>(gig_id % 3));
                hours.run();
            }
        }
    }
    tx.commit();
}

}  // namespace jobcenter::testing

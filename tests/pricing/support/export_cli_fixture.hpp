// The end-to-end fixture of the export tests: the payroll world (payroll_world.hpp) with one real payroll run to
// export: three workers (two of pakila, one of toolo), two orderers, work on both sides of the VAT change of
// 1.9.2024, a line discounted by pakila's script, an employment contract and an adjustment of work paid by an
// earlier run. Helpers run a command of the jobcenter program as a unit's staff or a coordinator and read the audit
// rows a command wrote.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "pricing/support/payroll_world.hpp"

namespace jobcenter::testing {

class ExportCliTest : public PayrollWorld {
protected:
    const std::vector<std::string> pakila_staff{"--unit", "pakila"};
    const std::vector<std::string> toolo_staff{"--unit", "toolo"};
    const std::vector<std::string> coordinator{"--role", "coordinator"};
    std::int64_t run_id = 0;

    // The July run (invoice 2024-000001) pays C-2001's hour of 31.7.2024, corrected to half an hour after it was
    // paid. The run exported, 1.8.-30.9.2024 paid on 4.10.2024, then holds:
    //   invoice 2024-000002, Kallion Kukka Ky: C-1001's 2 h on 30.8. (24 %) and 1.5 h on 6.9. of a large order (10 %
    //     discount, 25.5 %), C-2001's hour on 12.9. and the half hour taken back from 31.7. (24 %);
    //   invoice 2024-000003, Pasilan <Leipomo> & Co (no business ID, no address): C-1002's 3 h employment on 10.9.
    // C-1001 has a 12.5 % tax card; the others are withheld at the no-tax-card rate.
    void SetUp() override {
        PayrollWorld::SetUp();
        use_scripts(large_order_discount_scripts());
        const auto kallio = add_orderer({{"name", "Kallion Kukka Ky"}, {"business_id", "1234567-1"},
                                         {"street", "Fleminginkatu 7"}, {"postcode", "00530"}, {"city", "Helsinki"}});
        const auto leipomo = add_orderer({{"name", "Pasilan <Leipomo> & Co"}});
        load({client("C-1001", "pakila", "Korhonen, \"Aino\""), client("C-1002", "pakila", "Bertta L."),
              client("C-2001", "toolo", "Cecilia M.")},
             {order("T-100", kallio, "commission", "2024-08-30T10:00", "2", {{"seats", 2}}),
              order("T-101", kallio, "commission", "2024-09-06T10:00", "1.5", {{"seats", 10}}),
              order("T-200", leipomo, "employment", "2024-09-10T09:00", "3", {{"task_type", "packing-bagging"}, {"seats", 1}}),
              order("T-300", kallio, "commission", "2024-09-12T10:00", "1", {{"seats", 1}}),
              order("T-301", kallio, "commission", "2024-07-31T10:00", "1", {{"seats", 1}})});
        for (const auto& [order_id, client_id] : {std::pair{"T-100", "C-1001"}, std::pair{"T-101", "C-1001"},
                                                  std::pair{"T-200", "C-1002"}, std::pair{"T-300", "C-2001"}})
            approved_gig(order_id, client_id);
        const auto july = approved_gig("T-301", "C-2001");
        pricing_ok("tax-card-set", {{"client", "C-1001"}, {"percent", "12.5"}, {"from", "2024-01-01"}});

        pricing_ok("payroll-mark-paid", {{"run", payroll_run("2024-07-01", "2024-07-31", "2024-08-05")}});
        correct_hours(july, "2024-07-31=0.5");
        run_id = payroll_run("2024-08-01", "2024-09-30", "2024-10-04");
    }

    // The default scripts with pakila's pricing.lua giving 10 % off an order of 10 hours or more.
    std::filesystem::path large_order_discount_scripts() {
        const auto folder = dir / "scripts";
        std::filesystem::create_directories(folder / "units" / "pakila");
        std::filesystem::copy(std::filesystem::path(JOBCENTER_SOURCE_DIR) / "scripts" / "defaults", folder / "defaults");
        write_file(folder / "units" / "pakila" / "pricing.lua",
                   "local M = defaults()\n"
                   "function M.discount(order, context)\n"
                   "  if tonumber(order.hours_total) >= 10 then return 10 end\n"
                   "  return 0\n"
                   "end\n"
                   "return M\n");
        return folder;
    }

    std::string run() const { return std::to_string(run_id); }

    RunResult as(const std::vector<std::string>& who, std::vector<std::string> args) {
        args.insert(args.begin(), who.begin(), who.end());
        return jc(args);
    }
    boost::json::value as_json(const std::vector<std::string>& who, std::vector<std::string> args) {
        args.insert(args.begin(), who.begin(), who.end());
        return jc_json(args);
    }

    // The subjects (client ids) of the audit rows of `action`, oldest first.
    std::vector<std::string> audited_clients(const std::string& action) {
        auto opened = Database::open(db);
        auto q = opened.prepare("SELECT subject_id FROM audit_log WHERE action = ? AND subject_kind = 'client' ORDER BY id");
        q.bind(1, action);
        std::vector<std::string> clients;
        while (q.step()) clients.push_back(q.get_text(0));
        return clients;
    }

    void set_seller(const std::vector<std::string>& extra = {}) {
        std::vector<std::string> args{"--role", "admin", "pricing", "seller", "set", "--name", "Helsingin työtoiminta",
                                      "--address", "Testikatu 1, 00100 Helsinki", "--iban", "FI2112345600000785",
                                      "--bic", "NDEAFIHH", "--from", "2024-01-01"};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = jc(args);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
};

}  // namespace jobcenter::testing

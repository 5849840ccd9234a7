// The end-to-end fixture of the export tests: CliTest with two units (pakila, KUTY; toolo, VATTI) and one payroll
// run written as rows (payroll_run_rows.hpp): three workers (two of pakila, one of toolo), two orderers, work on both
// sides of the VAT change of 1.9.2024, a discounted line, an employment contract and an adjustment. Helpers run a
// command as a unit's staff or a coordinator and read the audit rows a command wrote.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "support/cli_fixture.hpp"
#include "pricing/support/payroll_run_rows.hpp"

namespace jobcenter::testing {

class ExportCliTest : public CliTest {
protected:
    const std::vector<std::string> pakila_staff{"--unit", "pakila"};
    const std::vector<std::string> toolo_staff{"--unit", "toolo"};
    const std::vector<std::string> coordinator{"--role", "coordinator"};
    std::int64_t run_id = 0;

    ExportCliTest() { quiet = true; }

    static RunRows sample_run() {
        RunRows run;
        run.period_from = "2024-08-01";
        run.period_to = "2024-09-30";
        run.pay_date = "2024-10-04";
        run.orderers[42] = {"Kallion Kukka Ky", "1234567-1", "Fleminginkatu 7, 00530 Helsinki"};
        run.orderers[77] = {"Pasilan <Leipomo> & Co", std::nullopt, std::nullopt};
        run.tax_percent["C-1001"] = "12.5";
        run.work = {
            {.client = "C-1001", .client_name = "Korhonen, \"Aino\"", .unit = "pakila", .orderer_id = 42,
             .date = "2024-08-30", .minutes = 120, .order_id = "T-100", .gig_id = 1},
            {.client = "C-1001", .client_name = "Korhonen, \"Aino\"", .unit = "pakila", .orderer_id = 42,
             .date = "2024-09-06", .minutes = 90, .order_id = "T-100", .gig_id = 1, .discount_percent = "10"},
            {.client = "C-1002", .client_name = "Bertta L.", .unit = "pakila", .orderer_id = 77,
             .task_type = "packing-bagging", .contract = "employment", .date = "2024-09-10", .minutes = 180,
             .order_id = "T-200", .gig_id = 2},
            {.client = "C-2001", .client_name = "Cecilia M.", .unit = "toolo", .orderer_id = 42, .date = "2024-09-12",
             .minutes = 60, .order_id = "T-300", .gig_id = 3},
            {.client = "C-2001", .client_name = "Cecilia M.", .unit = "toolo", .orderer_id = 42, .date = "2024-07-31",
             .minutes = -30, .order_id = "T-300", .gig_id = 4, .kind = "adjustment"},
        };
        return run;
    }

    void SetUp() override {
        add_unit("pakila", "KUTY");
        add_unit("toolo", "VATTI");
        auto opened = Database::open(db);
        run_id = write_payroll_run(opened, sample_run());
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

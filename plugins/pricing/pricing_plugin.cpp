// The pricing plugin object: its command table (each area's commands from its own folder), the script entry
// points it calls, and the factory.
#include "jobcenter/sdk.hpp"
#include "pricing/benefits/benefit_commands.hpp"
#include "pricing/demo/pricing_demo.hpp"
#include "pricing/exports/export_commands.hpp"
#include "pricing/figures/figure_commands.hpp"
#include "pricing/payroll/payroll_commands.hpp"
#include "pricing/prices/unit_terms.hpp"
#include "pricing/quotes/quote_commands.hpp"
#include "pricing/reports/report_commands.hpp"

namespace jobcenter::pricing {
namespace {

class PricingPlugin final : public Plugin {
public:
    std::string name() const override { return "pricing"; }
    std::string version() const override { return "0.2.0"; }
    std::string summary() const override {
        return "quotes, payroll runs and invoices from dated figures; benefit watch; reports";
    }

    std::vector<std::string> depends_on() const override { return {"matching", "register"}; }

    std::vector<Command> commands() const override {
        std::vector<Command> all;
        for (auto&& area : {quote_commands(), figure_commands(), payroll_commands(), export_commands(),
                            report_commands(), benefit_commands()})
            all.insert(all.end(), area.begin(), area.end());
        all.push_back(pricing_demo_command());
        return all;
    }

    std::vector<ScriptEntry> script_entries() const override { return pricing_script_entries(); }
};

std::shared_ptr<Plugin> create_plugin() { return std::make_shared<PricingPlugin>(); }

}  // namespace
}  // namespace jobcenter::pricing

JOBCENTER_PLUGIN(jobcenter::pricing::create_plugin)

// The pricing plugin object: commands, the script entry points it calls, and the factory.
#include "jobcenter/sdk.hpp"
#include "quote.hpp"

namespace jobcenter::pricing {
namespace {

class PricingPlugin final : public Plugin {
public:
    std::string name() const override { return "pricing"; }
    std::string version() const override { return "0.1.0"; }
    std::string summary() const override { return "orderer prices: wage x contract coefficient + VAT, all dated"; }

    std::vector<std::string> depends_on() const override { return {"matching", "register"}; }

    std::vector<Command> commands() const override {
        const Command quote{
            .name = "quote",
            .summary = "price work for an orderer on a date",
            .flags = {{.name = "contract", .type = FlagType::string, .help = "commission (default) or employment"},
                      {.name = "hours", .type = FlagType::string, .help = "hours of work, e.g. 2.5 (default 1)"},
                      {.name = "on", .type = FlagType::date, .help = "the date the work is done (default today)"}},
            .access = Access::read,
            .min_role = Role::viewer,
            .run = quote_command};

        const Command rates{.name = "rates",
                            .summary = "show the wage, coefficient and VAT in force on a date",
                            .flags = {{.name = "on", .type = FlagType::date, .help = "the date (default today)"}},
                            .access = Access::read,
                            .min_role = Role::viewer,
                            .run = rates_command};

        const Command demo{.name = "demo",
                           .summary = "price sample work before and after the 2024 VAT change",
                           .access = Access::read,
                           .min_role = Role::viewer,
                           .run = demo_command};
        return {quote, rates, demo};
    }

    std::vector<ScriptEntry> script_entries() const override {
        ScriptEntry coefficient;
        coefficient.module = "pricing";
        coefficient.name = "coefficient";
        coefficient.kind = ScriptEntry::Kind::function;
        coefficient.summary = "coefficient(contract_type, date) -> number between 1 and 5";
        coefficient.sample_args = {boost::json::value("commission"), boost::json::value("2026-01-15")};
        coefficient.validate = [](const ScriptValue& v) {
            script_decimal(v, "coefficient", Decimal::from_integer(1), Decimal::from_integer(5));
        };
        ScriptEntry employment = coefficient;
        employment.sample_args = {boost::json::value("employment"), boost::json::value("2026-01-15")};
        return {coefficient, employment};
    }
};

std::shared_ptr<Plugin> create_plugin() { return std::make_shared<PricingPlugin>(); }

}  // namespace
}  // namespace jobcenter::pricing

JOBCENTER_PLUGIN(jobcenter::pricing::create_plugin)

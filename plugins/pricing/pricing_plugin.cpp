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

    std::vector<Command> commands() const override {
        Command quote{"quote", "price work for an orderer on a date", "", {}, Access::read, Role::viewer};
        quote.flags = {{"contract", FlagType::string, "commission (default) or employment"},
                       {"hours", FlagType::string, "hours of work, e.g. 2.5 (default 1)"},
                       {"on", FlagType::date, "the date the work is done (default today)"}};
        quote.run = quote_command;

        Command rates{"rates", "show the wage, coefficient and VAT in force on a date", "", {}, Access::read, Role::viewer};
        rates.flags = {{"on", FlagType::date, "the date (default today)"}};
        rates.run = rates_command;

        Command demo{"demo", "price sample work before and after the 2024 VAT change", "", {}, Access::read, Role::viewer};
        demo.run = demo_command;
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

// The register plugin object: its name, version, commands and the factory the host loads.
#include "jobcenter/sdk.hpp"
#include "orderer_commands.hpp"

namespace jobcenter::register_plugin {
namespace {

class RegisterPlugin final : public Plugin {
public:
    std::string name() const override { return "register"; }
    std::string version() const override { return "0.1.0"; }
    std::string summary() const override { return "the shared orderer/employer register of the units"; }

    std::vector<Command> commands() const override {
        Command add{"add", "enter an orderer (business ID checked; an invalid one is kept but not used)", "", {},
                    Access::write, Role::staff};
        add.flags = {{"name", FlagType::string, "name as the orderer uses it", true},
                     {"category", FlagType::string, "city, company, association, foundation, parish, private_person or unknown"},
                     {"business-id", FlagType::string, "Y-tunnus: 1234567-8, 12345678 or FI12345678"},
                     {"street", FlagType::string, "street address"},
                     {"postcode", FlagType::string, "postcode"},
                     {"city", FlagType::string, "post office / city"},
                     {"phone", FlagType::string, "phone number"},
                     {"email", FlagType::string, "email address"}};
        add.run = add_orderer;

        Command get{"get", "show one orderer", "", {}, Access::read, Role::viewer};
        get.flags = {{"id", FlagType::integer, "the orderer's id", true, true}};
        get.run = get_orderer;

        Command list{"list", "list orderers, optionally those whose name contains a text", "", {}, Access::read, Role::viewer};
        list.flags = {{"name", FlagType::string, "part of the name, any case"},
                      {"limit", FlagType::integer, "at most this many rows (default 100)"}};
        list.run = list_orderers;

        Command demo{"demo", "enter sample orderers and read one back", "", {}, Access::write, Role::admin};
        demo.run = run_demo;
        return {add, get, list, demo};
    }
};

std::shared_ptr<Plugin> create_plugin() { return std::make_shared<RegisterPlugin>(); }

}  // namespace
}  // namespace jobcenter::register_plugin

JOBCENTER_PLUGIN(jobcenter::register_plugin::create_plugin)

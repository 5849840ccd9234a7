// The matching plugin object: commands and the factory.
#include "jobcenter/sdk.hpp"
#include "task_types.hpp"

namespace jobcenter::matching {
namespace {

class MatchingPlugin final : public Plugin {
public:
    std::string name() const override { return "matching"; }
    std::string version() const override { return "0.1.0"; }
    std::string summary() const override { return "match work orders to eligible worker-clients"; }

    std::vector<Command> commands() const override {
        Command task_types{"task-types", "list the task types orders and skills refer to", "", {}, Access::read, Role::viewer};
        task_types.flags = {{"area", FlagType::string, "only this area: cleaning, packing, outdoor, logistics, crafts, kitchen, care, office, events"}};
        task_types.run = list_task_types;

        Command demo{"demo", "list the cleaning task types", "", {}, Access::read, Role::viewer};
        demo.run = [](Context& ctx, const boost::json::object&) { return list_task_types(ctx, {{"area", "cleaning"}}); };
        return {task_types, demo};
    }
};

std::shared_ptr<Plugin> create_plugin() { return std::make_shared<MatchingPlugin>(); }

}  // namespace
}  // namespace jobcenter::matching

JOBCENTER_PLUGIN(jobcenter::matching::create_plugin)

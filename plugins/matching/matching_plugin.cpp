// The matching plugin object: commands and the factory.
#include "jobcenter/sdk.hpp"
#include "matching/catalog/task_types.hpp"
#include "matching/gigs/gig_command_table.hpp"

namespace jobcenter::matching {
namespace {

class MatchingPlugin final : public Plugin {
public:
    std::string name() const override { return "matching"; }
    std::string version() const override { return "0.1.0"; }
    std::string summary() const override { return "match work orders to eligible worker-clients"; }

    std::vector<std::string> depends_on() const override { return {"register"}; }

    std::vector<Command> commands() const override {
        const Command task_types{
            .name = "task-types",
            .summary = "list the task types orders and skills refer to",
            .flags = {{.name = "area",
                       .type = FlagType::string,
                       .help = "only this area: cleaning, packing, outdoor, logistics, crafts, kitchen, care, office, "
                               "events"}},
            .access = Access::read,
            .min_role = Role::viewer,
            .run = list_task_types};
        const Command demo{.name = "demo",
                           .summary = "list the cleaning task types",
                           .access = Access::read,
                           .min_role = Role::viewer,
                           .run = [](Context& ctx, const boost::json::object&) {
                               return list_task_types(ctx, {{"area", "cleaning"}});
                           }};
        std::vector<Command> all{task_types, demo};
        for (auto& gig : gig_commands()) all.push_back(std::move(gig));
        return all;
    }
};

std::shared_ptr<Plugin> create_plugin() { return std::make_shared<MatchingPlugin>(); }

}  // namespace
}  // namespace jobcenter::matching

JOBCENTER_PLUGIN(jobcenter::matching::create_plugin)

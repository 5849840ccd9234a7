// The match command: judging the caller's visible clients against one order and reporting why.
#include "matching/commands/match_command.hpp"

#include "jobcenter/params.hpp"
#include "matching/commands/judge_order.hpp"
#include "matching/store/client_access.hpp"
#include "matching/store/order_store.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

json::array findings_json(const std::vector<Finding>& findings) {
    json::array out;
    for (const auto& f : findings) out.push_back(json::object{{"rule", rule_name(f.rule)}, {"detail", f.detail}});
    return out;
}

json::object candidate_json(const Candidate& c) {
    json::object terms;
    for (const auto& [name, value] : c.score.terms) terms[name] = value;
    json::object out{{"client", c.client->id},
                     {"name", c.client->name},
                     {"unit", c.client->unit},
                     {"score", c.score.total},
                     {"terms", std::move(terms)},
                     {"warnings", findings_json(c.warnings)}};
    if (c.gig) out["gig"] = json::object{{"id", c.gig->gig_id}, {"status", code_of(c.gig->status)}};
    return out;
}

}  // namespace

json::value match_command(Context& ctx, const json::object& request) {
    const auto order_id = params::required_string(request, "order");
    auto order = read_order(ctx.db(), order_id);
    if (!order) throw NotFoundError("no order '" + order_id + "'", "ORDER");
    if (order->status == OrderStatus::cancelled) throw RefusedError("order " + order_id + " is cancelled", "ORDER");
    const MatchingData data = load_matching_data(ctx, visible_unit(ctx), "matching.match", order_id);
    const Judgement j = judge_order(ctx.scripts(), data, *order);

    json::array candidates, excluded;
    for (const auto& c : j.candidates) candidates.push_back(candidate_json(c));
    for (const auto& e : j.excluded)
        excluded.push_back(json::object{{"client", e.client->id}, {"name", e.client->name}, {"rules", findings_json(e.rules)}});
    return json::object{{"order", order->id},
                        {"task_type", order->task_type},
                        {"seats", order->seats},
                        {"start", local_time_text(order->start)},
                        {"occurrences", j.plan.occurrences.size()},
                        {"candidates", std::move(candidates)},
                        {"excluded", std::move(excluded)}};
}

}  // namespace jobcenter::matching

// Setting an orderer's category by hand: the command, its checks, and the choice recorded in the history.
#include "register/commands/category_command.hpp"

#include "jobcenter/params.hpp"
#include "register/contacts/contact_log.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;

OrdererCategory checked_category(const std::string& given) {
    if (auto category = category_named(given)) return *category;
    throw InputError("unknown category '" + given +
                         "': use city, company, association, foundation, parish, private_person or unknown",
                     "--category");
}

std::int64_t record_category_choice(Database& db, std::int64_t orderer_id, OrdererCategory category,
                                    const CategoryDecision& decision) {
    auto& previous = db.cached("SELECT category FROM orderer WHERE id = ?");
    previous.bind(1, orderer_id);
    if (!previous.step()) throw NotFoundError("no orderer has the id " + std::to_string(orderer_id));
    const std::string was = previous.get_text(0);
    previous.reset();
    db.prepare("INSERT INTO orderer_category_choice(orderer_id, category, previous, decided_by, unit, role, decided_at, "
               "reason) VALUES(?,?,?,?,?,?,?,?)")
        .bind_all(orderer_id, category_name(category), was, decision.by, decision.unit, decision.role, decision.at,
                  decision.reason)
        .run();
    const std::int64_t choice = db.last_insert_id();
    db.prepare("UPDATE orderer SET category = ?, category_source = 'person' WHERE id = ?")
        .bind_all(category_name(category), orderer_id)
        .run();
    return choice;
}

json::value set_category_command(Context& ctx, const json::object& request) {
    const std::int64_t orderer = params::required_integer(request, "orderer");
    const OrdererCategory category = checked_category(params::required_string(request, "category"));
    Database& db = ctx.db();
    const std::int64_t lives_in = current_orderer(db, orderer);  // NotFoundError for an unknown id
    if (lives_in != orderer)
        throw InputError("orderer " + std::to_string(orderer) + " is merged into " + std::to_string(lives_in) +
                             ": set the category of " + std::to_string(lives_in),
                         "--orderer");
    auto& q = db.cached("SELECT category, category_source FROM orderer WHERE id = ?");
    q.bind(1, orderer);
    q.step();
    const std::string was = q.get_text(0), was_source = q.get_text(1);
    q.reset();
    const std::string role(role_name(ctx.role()));
    CategoryDecision decision{params::optional_string(request, "by").value_or(ctx.unit().empty() ? role : ctx.unit()),
                              ctx.unit(), role, ctx.clock().now_iso(), params::optional_string(request, "reason").value_or("")};
    const std::int64_t choice = record_category_choice(db, orderer, category, decision);
    ctx.audit("register.set_category", "orderer", std::to_string(orderer),
              std::string(category_name(category)) + " (was " + was + ", " + was_source + ")");
    return json::object{{"orderer", orderer},
                        {"category", category_name(category)},
                        {"category_source", category_source_name(CategorySource::person)},
                        {"previous", was},
                        {"previous_source", was_source},
                        {"choice", choice}};
}

}  // namespace jobcenter::register_plugin

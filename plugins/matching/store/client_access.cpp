// Unit scoping of worker-client data.
#include "matching/store/client_access.hpp"

namespace jobcenter::matching {

bool may_see_unit(const Context& ctx, std::string_view client_unit) {
    return ctx.role() >= Role::coordinator || (!ctx.unit().empty() && ctx.unit() == client_unit);
}

void require_client_access(const Context& ctx, std::string_view client_id, std::string_view client_unit) {
    if (!may_see_unit(ctx, client_unit)) throw NotFoundError("no client '" + std::string(client_id) + "'", "CLIENT");
}

std::string visible_unit(const Context& ctx) {
    if (ctx.role() >= Role::coordinator) return ctx.unit();
    return ctx.require_unit();
}

}  // namespace jobcenter::matching

// Writing an order and cancelling its gigs when it becomes cancelled.
#include "matching/commands/order_writes.hpp"

#include "matching/gigs/gig_steps.hpp"
#include "matching/store/order_store.hpp"

namespace jobcenter::matching {

WriteOutcome write_order_with_gigs(Context& ctx, const Order& order, const std::string& source) {
    const auto before = read_order(ctx.db(), order.id);
    const auto outcome = write_order(ctx.db(), order, ctx.clock().now_iso());
    const bool cancelled_now = order.status == OrderStatus::cancelled && (!before || before->status != OrderStatus::cancelled);
    if (cancelled_now) cancel_gigs_of_order(ctx, order.id, "order cancelled by " + source);
    return outcome;
}

}  // namespace jobcenter::matching

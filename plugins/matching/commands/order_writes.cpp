// Writing an order and cancelling its gigs when it becomes cancelled.
#include "matching/commands/order_writes.hpp"

#include "matching/gigs/gig_steps.hpp"
#include "matching/store/order_store.hpp"

namespace jobcenter::matching {

WriteOutcome write_order_with_gigs(Context& ctx, const Order& order, const std::string& source) {
    const auto written = write_order(ctx.db(), order, ctx.clock().now_iso());
    if (order.status == OrderStatus::cancelled && written.status_before != OrderStatus::cancelled)
        cancel_gigs_of_order(ctx, order.id, "order cancelled by " + source);
    return written.outcome;
}

}  // namespace jobcenter::matching

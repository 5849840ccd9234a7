// Deciding, occurrence by occurrence, what a run pays and what it holds back.
#include "pricing/payroll/payable_work.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "jobcenter/errors.hpp"

namespace jobcenter::pricing {
namespace {

// The benefits that treat commission work as entrepreneurship (DOMAIN.md §9 P1, P2).
constexpr std::array<std::string_view, 2> unemployment_benefits{"labour-market-subsidy",
                                                                "earnings-related-unemployment-allowance"};

std::optional<std::string> unemployment_benefit_of(const WorkerClient& client) {
    for (const auto& benefit : client.benefits)
        if (std::find(unemployment_benefits.begin(), unemployment_benefits.end(), benefit) != unemployment_benefits.end())
            return benefit;
    return std::nullopt;
}

std::string held_reason(const WorkerClient& client, const std::string& benefit) {
    return "client " + client.id + " is on " + benefit +
           ": commission work counts as entrepreneurship and stops the benefit while it is processed (DOMAIN.md §9 P1); "
           "pay it under an employment contract or after the benefit ends";
}

}  // namespace

const WorkerClient& client_of(const PayrollInput& input, const WorkedOccurrence& occurrence) {
    auto it = input.clients.find(occurrence.client_id);
    if (it == input.clients.end())
        throw InternalError("matching.gig-worked listed gig " + std::to_string(occurrence.gig) + " of client " +
                            occurrence.client_id + " but not the client");
    return it->second;
}

PayablePlan payable_work(const PayrollInput& input) {
    PayablePlan plan;
    for (const auto& occurrence : input.occurrences) {
        auto paid = input.paid.find(occurrence.key());
        const PaidSoFar* paid_so_far = paid == input.paid.end() ? nullptr : &paid->second;
        const std::int64_t paid_minutes = paid_so_far ? paid_so_far->amounts.minutes : 0;
        if (occurrence.minutes == paid_minutes) continue;  // paid in full (or nothing worked, nothing paid)
        const WorkerClient& client = client_of(input, occurrence);
        if (occurrence.contract == Contract::commission) {
            if (auto benefit = unemployment_benefit_of(client)) {
                plan.held.push_back({&occurrence, occurrence.minutes - paid_minutes, held_reason(client, *benefit)});
                continue;
            }
        }
        const bool paid_before = paid_so_far && paid_so_far->lines > 0;
        plan.pay.push_back({&occurrence, paid_before ? LineKind::adjustment : LineKind::work, paid_so_far});
    }
    return plan;
}

}  // namespace jobcenter::pricing

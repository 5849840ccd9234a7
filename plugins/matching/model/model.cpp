// Small queries on the model: a client's skill in a task type, benefits held, an order's occurrences.
#include <algorithm>

#include "matching/model/client.hpp"
#include "matching/model/order.hpp"

namespace jobcenter::matching {

const Skill* Client::skill_in(const std::string& task_type) const {
    for (const auto& s : skills)
        if (s.task_type == task_type) return &s;
    return nullptr;
}

bool Client::has_benefit(Benefit b) const { return std::find(benefits.begin(), benefits.end(), b) != benefits.end(); }

std::vector<Occurrence> Order::occurrences() const {
    std::vector<Occurrence> out;
    Minute at = start;
    const Minute step = repeat ? static_cast<Minute>(repeat->every_days) * minutes_per_day : 0;
    do {
        out.push_back({at, at + minutes});
        at += step;
    } while (repeat && day_of(at) <= repeat->until && static_cast<int>(out.size()) < max_occurrences);
    return out;
}

}  // namespace jobcenter::matching

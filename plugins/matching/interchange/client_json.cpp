// Reading and writing a worker-client's interchange JSON.
#include "matching/interchange/client_json.hpp"

#include <algorithm>

#include "jobcenter/identity_code.hpp"
#include "matching/interchange/json_reader.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

template <class Enum>
Enum code_element(const json::value& v, const std::string& path) {
    auto text = string_element(v, path);
    auto parsed = parse_code<Enum>(text);
    if (!parsed) throw InputError("unknown code '" + text + "': use one of " + codes_of<Enum>(), path);
    return *parsed;
}

template <class Enum>
std::vector<Enum> code_list(const JsonObjectReader& r, std::string_view key) {
    std::vector<Enum> out;
    const auto& items = r.array(key);
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto path = element_path(r.path_of(key), i);
        Enum value = code_element<Enum>(items[i], path);
        if (std::find(out.begin(), out.end(), value) != out.end()) throw InputError("given twice", path);
        out.push_back(value);
    }
    return out;
}

std::string task_type_element(const json::value& v, const std::string& path, const std::set<std::string>& task_types) {
    auto code = string_element(v, path);
    if (!task_types.count(code))
        throw InputError("unknown task type '" + code + "' (see `jobcenter matching task-types`)", path);
    return code;
}

std::vector<std::string> task_type_list(const JsonObjectReader& r, std::string_view key, const std::set<std::string>& task_types) {
    std::vector<std::string> out;
    const auto& items = r.array(key);
    for (std::size_t i = 0; i < items.size(); ++i) out.push_back(task_type_element(items[i], element_path(r.path_of(key), i), task_types));
    return out;
}

std::optional<Approval> read_approval(const JsonObjectReader& r) {
    if (!r.has("approved")) return std::nullopt;
    JsonObjectReader a(r.value("approved"), r.path_of("approved"), {"by", "on"});
    return Approval{code_element<Approver>(a.value("by"), a.path_of("by")), a.day("on")};
}

std::vector<Skill> read_skills(const JsonObjectReader& r, const std::set<std::string>& task_types) {
    std::vector<Skill> out;
    const auto& items = r.array("skills");
    for (std::size_t i = 0; i < items.size(); ++i) {
        JsonObjectReader s(items[i], element_path(r.path_of("skills"), i), {"task_type", "level", "practised_in_work_activity"});
        Skill skill{task_type_element(s.value("task_type"), s.path_of("task_type"), task_types),
                    static_cast<int>(s.integer("level", 1, 5)),
                    s.has("practised_in_work_activity") && s.boolean("practised_in_work_activity")};
        for (const auto& earlier : out)
            if (earlier.task_type == skill.task_type) s.fail("task_type", "skill '" + skill.task_type + "' given twice");
        out.push_back(skill);
    }
    return out;
}

int clock_field(const JsonObjectReader& r, std::string_view key) {
    auto text = r.text(key);
    auto clock = parse_clock(text);
    if (!clock) r.fail(key, "must be a time of day HH:MM, not '" + text + "'");
    return *clock;
}

std::vector<WorkActivitySlot> read_work_activity(const JsonObjectReader& r) {
    std::vector<WorkActivitySlot> out;
    const auto& items = r.array("work_activity");
    for (std::size_t i = 0; i < items.size(); ++i) {
        JsonObjectReader s(items[i], element_path(r.path_of("work_activity"), i), {"day", "from", "to"});
        WorkActivitySlot slot{code_element<Weekday>(s.value("day"), s.path_of("day")), clock_field(s, "from"), clock_field(s, "to")};
        if (slot.to <= slot.from) s.fail("to", "must be later than from (" + clock_text(slot.from) + ")");
        out.push_back(slot);
    }
    return out;
}

std::vector<DayRange> read_unavailable(const JsonObjectReader& r) {
    std::vector<DayRange> out;
    const auto& items = r.array("unavailable");
    for (std::size_t i = 0; i < items.size(); ++i) {
        JsonObjectReader u(items[i], element_path(r.path_of("unavailable"), i), {"from", "to"});
        DayRange range{u.day("from"), u.day("to")};
        if (range.to < range.from) u.fail("to", "must not be before from (" + day_text(range.from) + ")");
        out.push_back(range);
    }
    return out;
}

// A month's earnings past this are a typing error; the bound keeps the rules' yearly sums far from overflow.
constexpr Money max_month_earnings = Money::from_cents(100'000'000);

std::vector<MonthEarning> read_earnings(const JsonObjectReader& r) {
    std::vector<MonthEarning> out;
    const auto& items = r.array("earnings");
    for (std::size_t i = 0; i < items.size(); ++i) {
        JsonObjectReader e(items[i], element_path(r.path_of("earnings"), i), {"month", "amount"});
        auto month_text_value = e.text("month");
        auto month = parse_month(month_text_value);
        if (!month) e.fail("month", "must be a month YYYY-MM, not '" + month_text_value + "'");
        Money amount = e.money("amount");
        if (amount < Money{}) e.fail("amount", "must not be negative");
        if (amount > max_month_earnings)
            e.fail("amount", "must be at most " + max_month_earnings.to_string() + " a month, not " + amount.to_string());
        for (const auto& earlier : out)
            if (earlier.month == *month) e.fail("month", "month " + month_text_value + " given twice");
        out.push_back({*month, amount});
    }
    return out;
}

std::optional<std::string> read_postcode(const JsonObjectReader& r, std::string_view key) {
    auto code = r.optional_text(key);
    if (code && (code->size() != 5 || !std::all_of(code->begin(), code->end(), [](char c) { return c >= '0' && c <= '9'; })))
        r.fail(key, "must be a Finnish postcode of five digits, not '" + *code + "'");
    return code;
}

json::value day_or_null(const std::optional<Day>& d) { return d ? json::value(day_text(*d)) : json::value(nullptr); }

template <class Enum>
json::array codes_json(const std::vector<Enum>& values) {
    json::array out;
    for (auto v : values) out.push_back(json::value(code_of(v)));
    return out;
}

json::array texts_json(const std::vector<std::string>& values) {
    json::array out;
    for (const auto& v : values) out.push_back(json::value(v));
    return out;
}

}  // namespace

json::value hours_json(int minutes) {
    if (minutes % 60 == 0) return json::value(minutes / 60);
    return json::value(hours_of(minutes).to_string());
}

Client client_from_json(const json::value& value, const std::string& path, const std::set<std::string>& task_types) {
    JsonObjectReader r(value, path,
                       {"id", "unit", "name", "wants_paid_work", "approved", "consent_y100", "skills_recognised",
                        "income_survey", "benefits", "skills", "work_activity_tasks", "interests", "work_activity",
                        "unavailable", "home_postcode", "transport", "weekly_hours_max", "criminal_record_extract",
                        "earnings"});
    Client c;
    c.id = r.text("id");
    if (c.id.size() > 64) r.fail("id", "must be at most 64 bytes");
    if (contains_identity_code(c.id))
        r.fail("id", "looks like a personal identity code: use the unit's own client reference; Jobcenter stores no identity codes");
    c.unit = r.text("unit");
    c.name = r.text("name");
    c.wants_paid_work = r.boolean("wants_paid_work");
    c.approved = read_approval(r);
    c.consent_y100 = r.optional_day("consent_y100");
    c.skills_recognised = r.optional_day("skills_recognised");
    c.income_survey = r.optional_day("income_survey");
    c.benefits = code_list<Benefit>(r, "benefits");
    c.skills = read_skills(r, task_types);
    c.work_activity_tasks = task_type_list(r, "work_activity_tasks", task_types);
    c.interests = task_type_list(r, "interests", task_types);
    c.work_activity = read_work_activity(r);
    c.unavailable = read_unavailable(r);
    c.home_postcode = read_postcode(r, "home_postcode");
    c.transport = code_list<Transport>(r, "transport");
    c.weekly_minutes_max = r.minutes_of_hours("weekly_hours_max", 0, 60 * 60);
    c.criminal_record_extract = r.optional_day("criminal_record_extract");
    c.earnings = read_earnings(r);
    return c;
}

json::object client_to_json(const Client& c) {
    json::array skills, work_activity, unavailable, earnings;
    for (const auto& s : c.skills)
        skills.push_back(json::object{{"task_type", s.task_type}, {"level", s.level}, {"practised_in_work_activity", s.practised_in_work_activity}});
    for (const auto& w : c.work_activity)
        work_activity.push_back(json::object{{"day", code_of(w.day)}, {"from", clock_text(w.from)}, {"to", clock_text(w.to)}});
    for (const auto& u : c.unavailable) unavailable.push_back(json::object{{"from", day_text(u.from)}, {"to", day_text(u.to)}});
    for (const auto& e : c.earnings) earnings.push_back(json::object{{"month", month_text(e.month)}, {"amount", e.amount.to_string()}});
    json::value approved = nullptr;
    if (c.approved) approved = json::object{{"by", code_of(c.approved->by)}, {"on", day_text(c.approved->on)}};
    return json::object{{"id", c.id},
                        {"unit", c.unit},
                        {"name", c.name},
                        {"wants_paid_work", c.wants_paid_work},
                        {"approved", approved},
                        {"consent_y100", day_or_null(c.consent_y100)},
                        {"skills_recognised", day_or_null(c.skills_recognised)},
                        {"income_survey", day_or_null(c.income_survey)},
                        {"benefits", codes_json(c.benefits)},
                        {"skills", std::move(skills)},
                        {"work_activity_tasks", texts_json(c.work_activity_tasks)},
                        {"interests", texts_json(c.interests)},
                        {"work_activity", std::move(work_activity)},
                        {"unavailable", std::move(unavailable)},
                        {"home_postcode", c.home_postcode ? json::value(*c.home_postcode) : json::value(nullptr)},
                        {"transport", codes_json(c.transport)},
                        {"weekly_hours_max", hours_json(c.weekly_minutes_max)},
                        {"criminal_record_extract", day_or_null(c.criminal_record_extract)},
                        {"earnings", std::move(earnings)}};
}

}  // namespace jobcenter::matching

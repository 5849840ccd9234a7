// The matching generator (see matching_generator.hpp): the code lists and the pilot's mix as tables, and one
// function per part of a client or an order. Each phase draws from its own Rng stream, so the orders do not
// change when only the number of clients does, and the output is the same on every platform.
#include "generator/matching_generator.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "generator/generator_random.hpp"
#include "jobcenter/money.hpp"
#include "jobcenter/params.hpp"

namespace jobcenter::testing {
namespace {
namespace json = boost::json;
using Day = std::chrono::sys_days;

// ---------------------------------------------------------------------------------------------------
// Code lists and the pilot's mix

enum class Organisation { vatti, kuty };
// Which organisation's units mostly practise a task type (DOMAIN.md §2.2–2.3), or both alike.
enum class Lean { vatti, kuty, either };

// The six sites of DOMAIN.md §2.1, how many of their organisation's clients each has, and whether the
// unit travels to work by its own car (Pakila does, §3.4).
struct UnitRow {
    std::string_view name, title, organisation_code;
    Organisation organisation;
    int client_weight;
    bool has_car;
};
constexpr UnitRow kUnits[] = {
    {"vallila", "Vallilan toimipiste", "VATTI", Organisation::vatti, 40, false},
    {"capsa", "Cäpsän toimipiste", "VATTI", Organisation::vatti, 25, false},
    {"toolo", "Töölön toimipiste", "VATTI", Organisation::vatti, 35, false},
    {"pakila", "Pakilan työkeskus", "KUTY", Organisation::kuty, 35, true},
    {"uusix", "Uusix-verstaat", "KUTY", Organisation::kuty, 40, false},
    {"avotyo", "Avotyötoiminta", "KUTY", Organisation::kuty, 25, false},
};

// The 22 task-type codes, with the Finnish words an order's description uses and how often
// orderers ask for each (cleaning most, as in the pilots' lists).
struct TaskTypeRow {
    std::string_view code, finnish;
    Lean lean;
    int order_weight;
};
constexpr TaskTypeRow kTaskTypes[] = {
    {"office-cleaning", "Toimistotilojen siivous", Lean::vatti, 12},
    {"home-cleaning", "Kotisiivous", Lean::vatti, 8},
    {"window-washing", "Ikkunanpesu", Lean::vatti, 5},
    {"stairwell-cleaning", "Kerrostalon rappusiivous", Lean::vatti, 5},
    {"storage-cleaning", "Varastotilan siivous ja järjestely", Lean::kuty, 5},
    {"furniture-washing", "Kalustepesu", Lean::kuty, 3},
    {"phone-cleaning", "Turvapuhelinten puhdistus", Lean::vatti, 3},
    {"packing-bagging", "Pakkaus- ja pussitustyöt", Lean::vatti, 8},
    {"mailing-labelling", "Postitus, lajittelu ja etiketöinti", Lean::vatti, 7},
    {"sewing", "Ompelutyö", Lean::kuty, 3},
    {"handicraft", "Kädentaitotyö", Lean::either, 2},
    {"yard-work", "Pihan huoltotyöt", Lean::vatti, 6},
    {"outdoor-work", "Ulkotyöt", Lean::either, 4},
    {"kitchen-help", "Keittiön avustavat tehtävät", Lean::vatti, 4},
    {"escorting-elderly", "Ikäihmisten saattaja-apu", Lean::kuty, 6},
    {"assembly", "Kokoamistyöt", Lean::vatti, 4},
    {"moving-packing", "Muuttopakkaus", Lean::kuty, 4},
    {"archiving", "Arkistointi", Lean::kuty, 3},
    {"event-assistance", "Tapahtumissa avustaminen", Lean::either, 3},
    {"waste-sorting", "Jätteiden lajittelu", Lean::either, 2},
    {"carrying-help", "Kuljetus- ja kantoapu", Lean::either, 3},
    {"property-maintenance", "Kiinteistöhuolto", Lean::either, 3},
};

// Helsinki postcodes in use, 00100 to 00990.
constexpr std::string_view kPostcodes[] = {
    "00100", "00120", "00130", "00140", "00150", "00160", "00170", "00180", "00200", "00210", "00220", "00250",
    "00260", "00270", "00280", "00300", "00310", "00320", "00330", "00340", "00350", "00360", "00370", "00380",
    "00390", "00400", "00410", "00420", "00430", "00440", "00500", "00510", "00520", "00530", "00540", "00550",
    "00560", "00570", "00580", "00600", "00610", "00620", "00630", "00640", "00650", "00660", "00670", "00680",
    "00690", "00700", "00710", "00720", "00730", "00740", "00750", "00760", "00770", "00780", "00790", "00800",
    "00810", "00820", "00830", "00840", "00850", "00860", "00870", "00880", "00900", "00910", "00920", "00930",
    "00940", "00950", "00960", "00970", "00980", "00990"};

// A client's name is a given name and the initial of the surname ("Aino K."), as units write it.
constexpr std::string_view kGivenNames[] = {
    "Aino",   "Eino",    "Helmi",  "Onni",   "Venla",  "Elias",  "Siiri",   "Leevi",
    "Iida",   "Veeti",   "Kerttu", "Toivo",  "Linnea", "Niilo",  "Oona",    "Aarne",
    "Hilla",  "Rasmus",  "Pihla",  "Arttu",  "Saana",  "Joel",   "Ella",    "Topias",
    "Minea",  "Eetu",    "Vilma",  "Kalle",  "Sofia",  "Teemu",  "Riitta",  "Petteri",
    "Irma",   "Raimo",   "Seija",  "Pertti", "Anneli", "Esa",    "Marketta", "Jorma"};
constexpr std::string_view kSurnameInitials = "AEHIJKLMNOPRSTUVW";

// Orderers' names: "<word> <trade> Oy", "Asunto Oy <word><place>" and "<district> <association> ry".
constexpr std::string_view kNameWords[] = {
    "Aalto",  "Kaleva",  "Tapio",  "Ilmari",   "Sampo",    "Pohjola",  "Otso",     "Ahti",     "Louhi",  "Vellamo",
    "Pellervo", "Mielikki", "Tellervo", "Kuura", "Routa", "Revontuli", "Lumikki", "Sarastus", "Aamurusko", "Tähti"};
constexpr std::string_view kTrades[] = {
    "Siivous",      "Kiinteistöpalvelut", "Logistiikka",  "Toimistopalvelut", "Tapahtumapalvelut",
    "Pakkaamo",     "Muuttopalvelu",      "Viherpalvelut", "Ravintolat",      "Kotipalvelut",
    "Arkistopalvelut", "Ompelimo",        "Kuljetus",     "Tekstiilipalvelut", "Kokoonpano",
    "Huoltopalvelut", "Palvelutalo",      "Kierrätys",    "Tukku",            "Kustannus"};
constexpr std::string_view kHousingEndings[] = {"rinne", "kartano", "piha", "ranta", "mäki", "hovi"};
constexpr std::string_view kDistricts[] = {"Kallion", "Vallilan", "Käpylän", "Pakilan", "Malmin",
                                           "Kontulan", "Herttoniemen", "Munkkiniemen", "Lauttasaaren", "Vuosaaren"};
constexpr std::string_view kAssociations[] = {"Eläkeläiset", "Martat", "Asukasyhdistys", "Omaishoitajat",
                                              "Kotiseutuyhdistys", "Setlementti", "Seurakuntapiiri", "Urheiluseura"};

constexpr std::string_view kWeekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

template <class T>
struct Weighted {
    T value;
    int weight;
};

template <class T, std::size_t N>
const T& pick_weighted(Rng& rng, const Weighted<T> (&items)[N]) {
    int total = 0;
    for (const auto& item : items) total += item.weight;
    int r = static_cast<int>(rng.below(static_cast<std::uint64_t>(total)));
    for (const auto& item : items) {
        if (r < item.weight) return item.value;
        r -= item.weight;
    }
    return items[N - 1].value;
}

constexpr Weighted<std::string_view> kVattiApprovers[] = {
    {"work-coach", 55}, {"work-supervisor", 20}, {"unit-director", 15}, {"coordinator", 10}};
constexpr Weighted<std::string_view> kKutyApprovers[] = {
    {"work-coach", 40}, {"coordinator", 30}, {"work-supervisor", 20}, {"unit-director", 10}};
constexpr Weighted<int> kSkillLevels[] = {{1, 8}, {2, 35}, {3, 35}, {4, 15}, {5, 7}};
constexpr Weighted<int> kSkillCounts[] = {{1, 25}, {2, 35}, {3, 25}, {4, 15}};
constexpr Weighted<int> kInterestCounts[] = {{0, 30}, {1, 35}, {2, 25}, {3, 10}};
constexpr Weighted<int> kWeeklyHoursMax[] = {{4, 15}, {6, 20}, {8, 25}, {10, 15}, {12, 10}, {15, 8}, {20, 7}};

// Work-activity days a week and the day's hours in minutes (DOMAIN.md §3.7, §4.2): VATTI most days
// 09:00–14:00, Kuty one to four days, mornings mostly.
struct Shift {
    int from, to;
};
constexpr Weighted<int> kVattiDayCounts[] = {{3, 30}, {4, 35}, {5, 35}};
constexpr Weighted<int> kKutyDayCounts[] = {{1, 15}, {2, 35}, {3, 30}, {4, 20}};
constexpr Weighted<Shift> kVattiShifts[] = {{{540, 840}, 70}, {{510, 810}, 15}, {{540, 900}, 15}};
constexpr Weighted<Shift> kKutyShifts[] = {{{540, 780}, 60}, {{480, 720}, 20}, {{720, 900}, 20}};

// An order's hours in half hours (1, 2, 2.5, 3 or 4 h) and its seats (mean 3.0, a tail to 10).
constexpr Weighted<int> kOrderHalfHours[] = {{2, 20}, {4, 35}, {5, 10}, {6, 20}, {8, 15}};
constexpr Weighted<int> kSeats[] = {{1, 26}, {2, 28}, {3, 19}, {4, 8}, {5, 6},
                                    {6, 4},  {7, 3},  {8, 2},  {9, 2}, {10, 2}};
constexpr int kMostSeats = 10;

// ---------------------------------------------------------------------------------------------------
// Days and times

Day parse_day(const std::string& text, const char* option) {
    if (!params::is_iso_date(text))
        throw std::invalid_argument(std::string(option) + ": not a date YYYY-MM-DD: '" + text + "'");
    const auto number = [&](std::size_t at, std::size_t length) { return std::stoi(text.substr(at, length)); };
    return Day{std::chrono::year{number(0, 4)} / number(5, 2) / number(8, 2)};
}

std::string day_text(Day day) {
    const std::chrono::year_month_day ymd{day};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return text;
}

// "YYYY-MM" of the month `back` months before the month of `day`.
std::string month_text(Day day, int back) {
    const std::chrono::year_month_day ymd{day};
    const std::chrono::year_month month = std::chrono::year_month{ymd.year(), ymd.month()} - std::chrono::months{back};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(month.year()), static_cast<unsigned>(month.month()));
    return text;
}

std::string clock_text(int minutes) {
    char text[32];
    std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
    return text;
}

// Monday 0 .. Sunday 6.
unsigned weekday_index(Day day) { return std::chrono::weekday{day}.iso_encoding() - 1; }

Day days_after(Day day, int days) { return day + std::chrono::days{days}; }

// ---------------------------------------------------------------------------------------------------
// Options

struct Period {
    Day from, to;
    std::vector<Day> weekdays;  // Monday to Friday in the period, in order
};

Period checked_period(const MatchingGeneratorOptions& options) {
    Period period{parse_day(options.period_from, "period_from"), parse_day(options.period_to, "period_to"), {}};
    if (period.to < period.from)
        throw std::invalid_argument("period_to " + options.period_to + " is before period_from " + options.period_from);
    for (Day day = period.from; day <= period.to; day = days_after(day, 1))
        if (weekday_index(day) < 5) period.weekdays.push_back(day);
    return period;
}

void check_options(const MatchingGeneratorOptions& options, const Period& period) {
    if (options.clients < 0) throw std::invalid_argument("clients: must be 0 or more");
    if (options.orders < 0) throw std::invalid_argument("orders: must be 0 or more");
    if (options.orderers < 0 || (options.orders > 0 && options.orderers < 1))
        throw std::invalid_argument("orderers: orders need at least one orderer");
    if (!(options.vatti_share >= 0.0 && options.vatti_share <= 1.0))
        throw std::invalid_argument("vatti_share: must be between 0 and 1");
    if (!(options.seats_per_order >= 1.0 && options.seats_per_order <= kMostSeats))
        throw std::invalid_argument("seats_per_order: must be between 1 and 10");
    if (options.orders > 0 && period.weekdays.empty())
        throw std::invalid_argument("the period " + options.period_from + " to " + options.period_to +
                                    " has no weekday for an order to start on");
}

// ---------------------------------------------------------------------------------------------------
// Task types

std::vector<std::size_t> task_types_of(Lean lean) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < std::size(kTaskTypes); ++i)
        if (kTaskTypes[i].lean == lean) out.push_back(i);
    return out;
}

// A task type a client of `organisation` practises: mostly of the organisation's own lean, some of
// either's, a few of the other organisation's.
std::size_t practised_task_type(Organisation organisation, Rng& rng) {
    static const std::vector<std::size_t> vatti = task_types_of(Lean::vatti), kuty = task_types_of(Lean::kuty),
                                          either = task_types_of(Lean::either);
    const auto& own = organisation == Organisation::vatti ? vatti : kuty;
    const auto& other = organisation == Organisation::vatti ? kuty : vatti;
    const double r = rng.unit();
    return rng.pick(r < 0.7 ? own : r < 0.9 ? either : other);
}

std::vector<std::size_t> distinct_task_types(int count, Organisation organisation, Rng& rng) {
    std::vector<std::size_t> out;
    for (int attempt = 0; static_cast<int>(out.size()) < count && attempt < 64; ++attempt) {
        const std::size_t t = practised_task_type(organisation, rng);
        if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
    return out;
}

json::array task_type_codes(const std::vector<std::size_t>& types) {
    json::array out;
    for (std::size_t t : types) out.emplace_back(kTaskTypes[t].code);
    return out;
}

// ---------------------------------------------------------------------------------------------------
// Clients

const UnitRow& client_unit(const MatchingGeneratorOptions& options, Rng& rng) {
    const Organisation organisation = rng.chance(options.vatti_share) ? Organisation::vatti : Organisation::kuty;
    int total = 0;
    for (const auto& unit : kUnits)
        if (unit.organisation == organisation) total += unit.client_weight;
    int r = static_cast<int>(rng.below(static_cast<std::uint64_t>(total)));
    for (const auto& unit : kUnits) {
        if (unit.organisation != organisation) continue;
        if (r < unit.client_weight) return unit;
        r -= unit.client_weight;
    }
    return kUnits[0];
}

// The draws of a name are made one statement each: the operands of + are unsequenced, and gcc and clang draw
// them in opposite orders. This order (the last part first) is the one gcc took, which the pinned output has.
std::string client_name(Rng& rng) {
    const auto initial = kSurnameInitials[rng.index(kSurnameInitials.size())];
    const std::string given(rng.pick(kGivenNames));
    return given + " " + initial + ".";
}

// The readiness steps of DOMAIN.md §3.2 and §4.1, dated before the period, each missing for a share of
// clients: approval, the Y 100 consent, Kuty's skills recognition, the income survey.
struct Readiness {
    json::value approved, consent_y100, skills_recognised, income_survey;
};

Readiness client_readiness(Organisation organisation, Day period_from, Rng& rng) {
    const Day recognised = days_after(period_from, -rng.range(60, 720));
    const Day approved = days_after(recognised, rng.range(0, 14));
    const Day consent = days_after(approved, rng.range(0, 14));
    const Day survey = days_after(consent, rng.range(0, 21));
    Readiness r;
    if (rng.chance(0.92)) {
        const auto& roles = organisation == Organisation::vatti ? kVattiApprovers : kKutyApprovers;
        r.approved = json::object{{"by", pick_weighted(rng, roles)}, {"on", day_text(approved)}};
    }
    if (rng.chance(0.9)) r.consent_y100 = day_text(consent);
    if (organisation == Organisation::kuty && rng.chance(0.85)) r.skills_recognised = day_text(recognised);
    if (rng.chance(0.75)) r.income_survey = day_text(survey);
    return r;
}

// Most VATTI clients are on a disability pension (earnings-related or Kela's), some on an old-age
// pension, most of them with the pensioner's housing allowance (DOMAIN.md §5.8).
std::vector<std::string_view> vatti_benefits(Rng& rng) {
    static constexpr Weighted<std::string_view> pensions[] = {
        {"disability-pension", 60}, {"kela-disability-pension", 25}, {"old-age-pension", 7}, {"", 8}};
    std::vector<std::string_view> out;
    const std::string_view pension = pick_weighted(rng, pensions);
    if (!pension.empty()) {
        out.push_back(pension);
        if (rng.chance(0.8)) out.push_back("pensioners-housing-allowance");
    } else {
        if (rng.chance(0.5)) out.push_back("general-housing-allowance");
        if (rng.chance(0.3)) out.push_back("basic-social-assistance");
    }
    return out;
}

// Most Kuty clients are on labour market subsidy, general housing allowance and basic social assistance;
// a few on earnings-related unemployment allowance.
std::vector<std::string_view> kuty_benefits(Rng& rng) {
    static constexpr Weighted<std::string_view> unemployment[] = {
        {"labour-market-subsidy", 80}, {"earnings-related-unemployment-allowance", 12}, {"", 8}};
    std::vector<std::string_view> out;
    const std::string_view benefit = pick_weighted(rng, unemployment);
    if (!benefit.empty()) out.push_back(benefit);
    if (rng.chance(0.75)) out.push_back("general-housing-allowance");
    if (rng.chance(0.65)) out.push_back("basic-social-assistance");
    return out;
}

json::array skills_of(Organisation organisation, Rng& rng) {
    json::array out;
    for (std::size_t t : distinct_task_types(pick_weighted(rng, kSkillCounts), organisation, rng))
        out.push_back(json::object{{"task_type", kTaskTypes[t].code},
                                   {"level", pick_weighted(rng, kSkillLevels)},
                                   {"practised_in_work_activity", rng.chance(0.6)}});
    return out;
}

json::array work_activity_schedule(Organisation organisation, Rng& rng) {
    const bool vatti = organisation == Organisation::vatti;
    const int days = vatti ? pick_weighted(rng, kVattiDayCounts) : pick_weighted(rng, kKutyDayCounts);
    const Shift shift = vatti ? pick_weighted(rng, kVattiShifts) : pick_weighted(rng, kKutyShifts);
    std::array<unsigned, 5> weekdays{0, 1, 2, 3, 4};
    for (std::size_t i = 0; i < static_cast<std::size_t>(days); ++i)
        std::swap(weekdays[i], weekdays[i + rng.index(weekdays.size() - i)]);
    std::sort(weekdays.begin(), weekdays.begin() + days);
    json::array out;
    for (int i = 0; i < days; ++i)
        out.push_back(json::object{{"day", kWeekdays[weekdays[static_cast<std::size_t>(i)]]},
                                   {"from", clock_text(shift.from)},
                                   {"to", clock_text(shift.to)}});
    return out;
}

// No period for most clients; one or two of 1–14 days around the period for some (sick leave, a holiday).
json::array unavailable_periods(const Period& period, Rng& rng) {
    const int count = rng.chance(0.82) ? 0 : rng.chance(0.85) ? 1 : 2;
    const int span = static_cast<int>((period.to - period.from).count());
    json::array out;
    Day earliest = days_after(period.from, -14);
    for (int i = 0; i < count; ++i) {
        const Day from = days_after(earliest, rng.range(0, span + 14));
        const Day to = days_after(from, rng.range(0, 13));
        out.push_back(json::object{{"from", day_text(from)}, {"to", day_text(to)}});
        earliest = days_after(to, 1);
    }
    return out;
}

// Mostly on foot and by public transport; a few by the unit's car, more often where the unit has one.
json::array transport_of(const UnitRow& unit, Rng& rng) {
    static constexpr Weighted<int> kinds[] = {{0, 62}, {1, 28}, {2, 10}};
    json::array out;
    const int kind = pick_weighted(rng, kinds);
    if (kind != 1) out.emplace_back("walk");
    if (kind != 2) out.emplace_back("public-transport");
    if (rng.chance(unit.has_car ? 0.3 : 0.06)) out.emplace_back("unit-car");
    return out;
}

json::value criminal_record_extract(Day period_from, Rng& rng) {
    if (!rng.chance(0.08)) return nullptr;
    return json::value(day_text(days_after(period_from, -rng.range(30, 700))));
}

// One month's paid earnings at the pilot's hourly pay: a whole number of half hours at 10 €/h.
json::object month_earnings(Day period_from, int months_back, int half_hours) {
    return json::object{{"month", month_text(period_from, months_back)},
                        {"amount", Money::from_cents(500LL * half_hours).to_string()}};
}

// How many past months, and how many half hours a month, bring a client's earnings close to what one of
// their benefits allows: a disability pension's monthly limit, the pensioner's housing allowance's yearly
// one, the protected amounts of the unemployment benefits and of basic social assistance (DOMAIN.md §5.8).
struct EarningsPace {
    int months, least, most;
};

EarningsPace near_limit_pace(const std::vector<std::string_view>& benefits) {
    auto has = [&](std::string_view b) { return std::find(benefits.begin(), benefits.end(), b) != benefits.end(); };
    if (has("disability-pension") || has("kela-disability-pension")) return {3, 170, 194};
    if (has("pensioners-housing-allowance")) return {6, 26, 30};
    if (has("labour-market-subsidy") || has("earnings-related-unemployment-allowance")) return {2, 52, 60};
    return {2, 26, 30};
}

// Earnings of the past months: none for about half the clients, small sums for most of the others, and
// for a few, sums close to what one of their benefits allows.
json::array earnings_of(const std::vector<std::string_view>& benefits, Day period_from, Rng& rng) {
    json::array out;
    const double r = rng.unit();
    if (r < 0.55) return out;
    if (r < 0.96) {
        const int months = rng.range(1, 6);
        for (int back = months; back >= 1; --back)
            if (rng.chance(0.6)) out.push_back(month_earnings(period_from, back, rng.range(4, 32)));
        return out;
    }
    const EarningsPace pace = near_limit_pace(benefits);
    for (int back = pace.months; back >= 1; --back)
        out.push_back(month_earnings(period_from, back, rng.range(pace.least, pace.most)));
    return out;
}

json::object make_client(int number, const MatchingGeneratorOptions& options, const Period& period, Rng& rng) {
    char id[32];
    std::snprintf(id, sizeof id, "C-%06d", number);
    const UnitRow& unit = client_unit(options, rng);
    const Organisation organisation = unit.organisation;
    Readiness readiness = client_readiness(organisation, period.from, rng);
    const auto benefits = organisation == Organisation::vatti ? vatti_benefits(rng) : kuty_benefits(rng);
    json::array benefit_codes;
    for (auto b : benefits) benefit_codes.emplace_back(b);

    json::object client;
    client["id"] = id;
    client["unit"] = unit.name;
    client["name"] = client_name(rng);
    client["wants_paid_work"] = rng.chance(0.9);
    client["approved"] = std::move(readiness.approved);
    client["consent_y100"] = std::move(readiness.consent_y100);
    client["skills_recognised"] = std::move(readiness.skills_recognised);
    client["income_survey"] = std::move(readiness.income_survey);
    client["benefits"] = std::move(benefit_codes);
    client["skills"] = skills_of(organisation, rng);
    client["work_activity_tasks"] = task_type_codes(distinct_task_types(rng.range(1, 2), organisation, rng));
    client["interests"] = task_type_codes(distinct_task_types(pick_weighted(rng, kInterestCounts), organisation, rng));
    client["work_activity"] = work_activity_schedule(organisation, rng);
    client["unavailable"] = unavailable_periods(period, rng);
    client["home_postcode"] = rng.pick(kPostcodes);
    client["transport"] = transport_of(unit, rng);
    client["weekly_hours_max"] = pick_weighted(rng, kWeeklyHoursMax);
    client["criminal_record_extract"] = criminal_record_extract(period.from, rng);
    client["earnings"] = earnings_of(benefits, period.from, rng);
    return client;
}

// ---------------------------------------------------------------------------------------------------
// Orderers

std::string business_id(std::uint32_t body) {
    static constexpr int weights[7] = {7, 9, 10, 5, 8, 4, 2};
    char digits[16];
    std::snprintf(digits, sizeof digits, "%07u", body);
    int sum = 0;
    for (int i = 0; i < 7; ++i) sum += (digits[i] - '0') * weights[i];
    const int rest = sum % 11;
    if (rest == 1) return {};  // no valid check digit: the body is never given out
    return std::string(digits) + "-" + static_cast<char>('0' + (rest == 0 ? 0 : 11 - rest));
}

struct OrdererName {
    std::string name;
    std::string_view category;
};

// Two words drawn last word first, as client_name says why.
std::pair<std::string, std::string> two_words(Rng& rng, const auto& first_words, const auto& last_words) {
    std::string last(rng.pick(last_words));
    std::string first(rng.pick(first_words));
    return {std::move(first), std::move(last)};
}

OrdererName orderer_name(Rng& rng) {
    const double r = rng.unit();
    if (r < 0.7) {
        const auto [word, trade] = two_words(rng, kNameWords, kTrades);
        return {word + " " + trade + " Oy", "company"};
    }
    if (r < 0.85) {
        const auto [word, ending] = two_words(rng, kNameWords, kHousingEndings);
        return {"Asunto Oy " + word + ending, "company"};
    }
    const auto [district, association] = two_words(rng, kDistricts, kAssociations);
    return {district + " " + association + " ry", "association"};
}

// A name not given yet; a numbered one once the word lists run short.
OrdererName distinct_orderer_name(std::set<std::string>& used, Rng& rng) {
    for (int attempt = 0; attempt < 32; ++attempt) {
        OrdererName drawn = orderer_name(rng);
        if (used.insert(drawn.name).second) return drawn;
    }
    for (int n = 2;; ++n) {
        OrdererName drawn = orderer_name(rng);
        drawn.name.append(" ").append(std::to_string(n));
        if (used.insert(drawn.name).second) return drawn;
    }
}

std::string distinct_business_id(std::set<std::string>& used, Rng& rng) {
    for (;;) {
        std::string id = business_id(static_cast<std::uint32_t>(rng.range(1000000, 3299999)));
        if (!id.empty() && used.insert(id).second) return id;
    }
}

// Orderers 1, 2, ... order more than the last ones, as a few regular orderers do in the pilots.
int orderer_of_order(int orderers, Rng& rng) {
    const double u = rng.unit();
    return 1 + std::min(orderers - 1, static_cast<int>(u * u * orderers));
}

// ---------------------------------------------------------------------------------------------------
// Orders

std::size_t ordered_task_type(Rng& rng) {
    int total = 0;
    for (const auto& t : kTaskTypes) total += t.order_weight;
    int r = static_cast<int>(rng.below(static_cast<std::uint64_t>(total)));
    for (std::size_t i = 0; i < std::size(kTaskTypes); ++i) {
        if (r < kTaskTypes[i].order_weight) return i;
        r -= kTaskTypes[i].order_weight;
    }
    return 0;
}

json::value hours_value(int half_hours) {
    if (half_hours % 2 == 0) return json::value(half_hours / 2);
    return json::value(half_hours / 2.0);
}

// The start: a weekday of the period, on the hour or half past, from 07:00 to 18:00.
Day order_day(const Period& period, Rng& rng) { return rng.pick(period.weekdays); }
std::string start_text(Day day, Rng& rng) { return day_text(day) + "T" + clock_text(7 * 60 + 30 * rng.range(0, 22)); }

// VATTI-like work is mostly done on commission contracts (the app model), other work mostly as employment.
std::string_view contract_of(const TaskTypeRow& type, Rng& rng) {
    const bool commission_first = type.lean == Lean::vatti;
    return rng.chance(0.8) == commission_first ? "commission" : "employment";
}

json::object make_order(int number, const json::value& orderer, const Period& period, Rng& rng) {
    char id[32];
    std::snprintf(id, sizeof id, "T-%06d", number);
    const TaskTypeRow& type = kTaskTypes[ordered_task_type(rng)];
    const bool early_education = rng.chance(0.05);
    const Day day = order_day(period, rng);

    json::object order;
    order["id"] = id;
    order["orderer"] = orderer;
    order["task_type"] = type.code;
    if (rng.chance(0.3)) order["min_level"] = rng.range(2, 4);
    order["description"] = std::string(type.finnish) + (early_education ? " päiväkodissa" : "");
    order["postcode"] = rng.pick(kPostcodes);
    order["start"] = start_text(day, rng);
    order["hours"] = hours_value(pick_weighted(rng, kOrderHalfHours));
    if (rng.chance(0.25)) {
        const int every = rng.chance(0.6) ? 7 : 14;
        order["repeat"] = json::object{{"every_days", every}, {"until", day_text(days_after(day, every * rng.range(2, 16)))}};
    }
    order["seats"] = pick_weighted(rng, kSeats);
    order["contract"] = contract_of(type, rng);
    if (early_education) order["early_education_months"] = rng.range(1, 6);
    order["status"] = "open";
    return order;
}

// Moves seats one at a time, between 1 and 10 an order, until the orders hold exactly `target` seats.
void settle_seat_total(json::array& orders, std::int64_t target, Rng& rng) {
    std::int64_t total = 0;
    for (const auto& o : orders) total += o.at("seats").as_int64();
    while (total != target) {
        json::value& seats = orders[rng.index(orders.size())].as_object()["seats"];
        const std::int64_t n = seats.as_int64();
        if (total < target && n < kMostSeats) {
            seats = n + 1;
            ++total;
        } else if (total > target && n > 1) {
            seats = n - 1;
            --total;
        }
    }
}

json::array units_array() {
    json::array out;
    for (const auto& unit : kUnits)
        out.push_back(json::object{{"name", unit.name}, {"title", unit.title}, {"organisation", unit.organisation_code}});
    return out;
}

json::value orderer_reference(const MatchingGeneratorOptions& options, const std::vector<GeneratedOrderer>& orderers,
                              int id) {
    if (options.orderer_reference == OrdererReference::register_id) return json::value(id);
    const auto& o = orderers[static_cast<std::size_t>(id - 1)];
    return json::object{{"business_id", o.business_id}, {"name", o.name}};
}

}  // namespace

std::vector<GeneratedOrderer> matching_orderers(const MatchingGeneratorOptions& options) {
    if (options.orderers < 0) throw std::invalid_argument("orderers: must be 0 or more");
    Rng rng(options.seed ^ 0x3C6EF372FE94F82BULL);
    std::set<std::string> names, business_ids;
    std::vector<GeneratedOrderer> out;
    out.reserve(static_cast<std::size_t>(options.orderers));
    for (int id = 1; id <= options.orderers; ++id) {
        OrdererName drawn = distinct_orderer_name(names, rng);
        std::string bid = distinct_business_id(business_ids, rng);
        out.push_back(GeneratedOrderer{id, std::move(drawn.name), std::move(bid), std::string(rng.pick(kPostcodes)),
                                       std::string(drawn.category)});
    }
    return out;
}

std::string orderers_csv(const std::vector<GeneratedOrderer>& orderers) {
    std::string out = "id;Yritys;Y-tunnus;Postinumero;Postitoimipaikka;Kategoria\n";
    for (const auto& o : orderers)
        out += std::to_string(o.id) + ";" + o.name + ";" + o.business_id + ";" + o.postcode + ";Helsinki;" + o.category + "\n";
    return out;
}

json::object generate_matching_data(const MatchingGeneratorOptions& options) {
    const Period period = checked_period(options);
    check_options(options, period);

    Rng client_rng(options.seed ^ 0xA54FF53A5F1D36F1ULL);
    json::array clients;
    clients.reserve(static_cast<std::size_t>(options.clients));
    for (int n = 1; n <= options.clients; ++n) clients.push_back(make_client(n, options, period, client_rng));

    const auto orderers = options.orderer_reference == OrdererReference::business_id_and_name
                              ? matching_orderers(options)
                              : std::vector<GeneratedOrderer>{};
    Rng order_rng(options.seed ^ 0x510E527FADE682D1ULL);
    json::array orders;
    orders.reserve(static_cast<std::size_t>(options.orders));
    for (int n = 1; n <= options.orders; ++n) {
        const int orderer = orderer_of_order(options.orderers, order_rng);
        orders.push_back(make_order(n, orderer_reference(options, orderers, orderer), period, order_rng));
    }
    Rng seat_rng(options.seed ^ 0x9B05688C2B3E6C1FULL);
    if (!orders.empty())
        settle_seat_total(orders, std::llround(options.orders * options.seats_per_order), seat_rng);

    return json::object{{"units", units_array()}, {"clients", std::move(clients)}, {"orders", std::move(orders)}};
}

}  // namespace jobcenter::testing

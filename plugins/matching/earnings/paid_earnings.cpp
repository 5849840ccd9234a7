// Checking a paid run's lines against the gigs and their recorded occurrences (one query per table), and storing
// them with the run, each run once; every client whose earnings change is audited once.
#include "matching/earnings/paid_earnings.hpp"

#include <map>
#include <set>

#include "jobcenter/params.hpp"
#include "matching/interchange/json_reader.hpp"
#include "matching/store/client_access.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

struct PaidLine {
    std::int64_t gig = 0;
    Day day = 0;
    std::string client;
    Contract contract = Contract::commission;
    Money gross;
    std::string path;  // "lines[3]"
};

struct GigOwner {
    std::string client;
    std::string unit;
};

PaidLine read_line(const json::value& value, const std::string& path) {
    JsonObjectReader r(value, path, {"gig", "date", "client", "contract", "gross"});
    PaidLine line;
    line.path = path;
    line.gig = r.integer("gig", 1, INT64_MAX);
    line.day = r.day("date");
    line.client = r.text("client");
    const std::string contract = r.text("contract");
    auto parsed = parse_code<Contract>(contract);
    if (!parsed) r.fail("contract", "unknown contract '" + contract + "': use one of " + codes_of<Contract>());
    line.contract = *parsed;
    line.gross = r.money("gross");
    return line;
}

json::array gig_ids_of(const std::vector<PaidLine>& lines) {
    std::set<std::int64_t> ids;
    for (const auto& l : lines) ids.insert(l.gig);
    json::array out;
    for (auto id : ids) out.emplace_back(id);
    return out;
}

std::map<std::int64_t, GigOwner> owners_of(Database& db, const json::array& gig_ids) {
    auto q = db.prepare(
        "SELECT g.id, g.client_id, c.unit FROM gig g JOIN client c ON c.id = g.client_id "
        "WHERE g.id IN (SELECT value FROM json_each(?))");
    q.bind(1, json::serialize(gig_ids));
    std::map<std::int64_t, GigOwner> out;
    while (q.step()) out.emplace(q.get_int(0), GigOwner{q.get_text(1), q.get_text(2)});
    return out;
}

std::set<std::pair<std::int64_t, std::string>> recorded_occurrences(Database& db, const json::array& gig_ids) {
    auto q = db.prepare("SELECT gig_id, on_date FROM gig_hours WHERE gig_id IN (SELECT value FROM json_each(?))");
    q.bind(1, json::serialize(gig_ids));
    std::set<std::pair<std::int64_t, std::string>> out;
    while (q.step()) out.emplace(q.get_int(0), q.get_text(1));
    return out;
}

// Each line names a gig the caller may see, its client, and an occurrence with recorded hours.
void check_lines(Context& ctx, const std::vector<PaidLine>& lines) {
    const json::array ids = gig_ids_of(lines);
    const auto owners = owners_of(ctx.db(), ids);
    const auto recorded = recorded_occurrences(ctx.db(), ids);
    for (const auto& l : lines) {
        auto owner = owners.find(l.gig);
        if (owner == owners.end() || !may_see_unit(ctx, owner->second.unit))
            throw NotFoundError("no gig " + std::to_string(l.gig), l.path + ".gig");
        if (owner->second.client != l.client)
            throw InputError("gig " + std::to_string(l.gig) + " is client " + owner->second.client + "'s, not " + l.client,
                             l.path + ".client");
        if (!recorded.count({l.gig, day_text(l.day)}))
            throw InputError(day_text(l.day) + " has no recorded hours on gig " + std::to_string(l.gig), l.path + ".date");
    }
}

void refuse_recorded_run(Database& db, std::int64_t run) {
    auto q = db.prepare("SELECT recorded_at FROM paid_run WHERE run = ?");
    q.bind(1, run);
    if (q.step())
        throw RefusedError("run " + std::to_string(run) + " was recorded on " + q.get_text(0) +
                           ": a run's earnings are recorded once", "run");
}

void store_run(Context& ctx, std::int64_t run, const std::vector<PaidLine>& lines, Money total) {
    const std::string by = std::string(role_name(ctx.role())) + (ctx.unit().empty() ? "" : " of " + ctx.unit());
    ctx.db()
        .cached("INSERT INTO paid_run(run, recorded_at, recorded_by, lines, cents) VALUES(?,?,?,?,?)")
        .bind_all(run, ctx.clock().now_iso(), by, static_cast<std::int64_t>(lines.size()), total.cents())
        .run();
    auto& insert = ctx.db().cached(
        "INSERT INTO client_paid(run, gig_id, on_date, client_id, contract, month, cents) VALUES(?,?,?,?,?,?,?)");
    for (const auto& l : lines)
        insert.bind_all(run, l.gig, day_text(l.day), l.client, std::string(code_of(l.contract)), month_text(l.day), l.gross.cents())
            .run();
}

}  // namespace

json::value earnings_record_command(Context& ctx, const json::object& request) {
    for (const auto& [key, _] : request)
        if (key != "run" && key != "lines") throw InputError("unknown field (the fields are: run, lines)", key);
    const std::int64_t run = params::required_integer(request, "run");
    if (run < 1) throw InputError("must be a payroll run's id, 1 or more, not " + std::to_string(run), "run");
    const auto* listed = request.if_contains("lines");
    if (listed && !listed->is_array() && !listed->is_null()) throw InputError("must be an array of lines", "lines");
    static const json::array none;
    const json::array& given = listed && listed->is_array() ? listed->get_array() : none;
    std::vector<PaidLine> lines;
    lines.reserve(given.size());
    for (std::size_t i = 0; i < given.size(); ++i) lines.push_back(read_line(given[i], element_path("lines", i)));
    refuse_recorded_run(ctx.db(), run);
    check_lines(ctx, lines);

    Money total;
    std::map<std::string, std::pair<std::int64_t, Money>> per_client;  // lines and gross, for the audit
    for (const auto& l : lines) {
        total += l.gross;
        auto& [count, gross] = per_client[l.client];
        ++count;
        gross += l.gross;
    }
    store_run(ctx, run, lines, total);
    for (const auto& [client, sums] : per_client)
        ctx.audit("matching.earnings-record", "client", client,
                  "run " + std::to_string(run) + ": " + std::to_string(sums.first) + " lines, " + sums.second.to_string());
    return json::object{{"run", run}, {"lines", static_cast<std::int64_t>(lines.size())},
                        {"clients", static_cast<std::int64_t>(per_client.size())}, {"gross", total.to_string()}};
}

}  // namespace jobcenter::matching

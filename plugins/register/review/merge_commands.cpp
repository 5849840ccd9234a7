// Merging orderers by hand, undoing merges exactly, and reading the decision history.
//
// A merge moves the other orderer's source records to the survivor, marks the other merged into it,
// fills the survivor's empty descriptive fields from it, applies the person's field choices and
// recomputes the golden record; the event keeps everything needed to undo it. An unmerge moves the
// merge's records back (from wherever later merges took them), revives the orderer they came from,
// restores what the merge changed on the survivor, and records "not the same" so that dedupe never
// joins them again.
#include "register/review/merge_commands.hpp"

#include "jobcenter/params.hpp"
#include "register/clustering/golden_record.hpp"
#include "register/contacts/contact_log.hpp"
#include "register/resident/register_change.hpp"
#include "register/review/unit_rights.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

// Descriptive columns a merge fills on the survivor when it has none.
constexpr std::array<const char*, 5> descriptive_columns{"category", "legal_form", "department", "organisation_id",
                                                         "relationship_owner"};
// The golden columns, kept in the event so that an orderer without source records is restored exactly.
constexpr std::array<const char*, 9> golden_columns{"name",     "business_id", "business_id_raw", "street", "postcode",
                                                    "city",     "phone",       "email",           "updated_at"};

// organisation_id is the only integer column among those a merge reads and restores.
json::value column_value(Statement& q, int column, std::string_view name) {
    if (q.is_null(column)) return nullptr;
    if (name == "organisation_id") return q.get_int(column);
    return json::value(q.get_text(column));
}

json::object read_columns(Database& db, std::int64_t orderer, const auto& columns) {
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + std::string(columns[i]);
    auto q = db.prepare(sql + " FROM orderer WHERE id = ?");
    q.bind(1, orderer);
    if (!q.step()) throw NotFoundError("no orderer has the id " + std::to_string(orderer));
    json::object out;
    for (std::size_t i = 0; i < columns.size(); ++i) out[columns[i]] = column_value(q, static_cast<int>(i), columns[i]);
    return out;
}

void write_column(Database& db, std::int64_t orderer, const std::string& column, const json::value& value) {
    auto q = db.prepare("UPDATE orderer SET " + column + " = ? WHERE id = ?");
    if (value.is_null()) q.bind(1, nullptr);
    else if (value.is_int64()) q.bind(1, value.as_int64());
    else q.bind(1, std::string_view(value.as_string()));
    q.bind(2, orderer).run();
}

// The event that merged `orderer` away and is not undone, or 0.
std::int64_t merging_event(Database& db, std::int64_t orderer) {
    auto& q = db.cached("SELECT id FROM register_event WHERE other_id = ? AND kind IN ('merge', 'dedupe') "
                        "AND undone_by IS NULL ORDER BY id DESC LIMIT 1");
    q.bind(1, orderer);
    return q.step() ? q.get_int(0) : 0;
}

// Throws unless the orderer exists and is not merged away.
void require_live(Database& db, std::int64_t orderer, const std::string& where) {
    auto& q = db.cached("SELECT merged_into FROM orderer WHERE id = ?");
    q.bind(1, orderer);
    if (!q.step()) throw NotFoundError("no orderer has the id " + std::to_string(orderer));
    auto into = q.get_optional_int(0);
    q.reset();
    if (!into) return;
    std::string text = "orderer " + std::to_string(orderer) + " is already merged into " +
                       std::to_string(current_orderer(db, orderer));
    if (auto event = merging_event(db, orderer)) text += " (event " + std::to_string(event) + ")";
    throw InputError(text + ": merge the orderer it lives in, or undo that merge first", where);
}

std::optional<std::string> valid_business_id(Database& db, std::int64_t orderer) {
    auto& q = db.cached("SELECT business_id FROM orderer WHERE id = ?");
    q.bind(1, orderer);
    q.step();
    auto value = q.get_optional_text(0);
    q.reset();
    return value;
}

// "field=ORDERER" choices as field index -> record id.
std::map<std::size_t, std::int64_t> parse_keep(Database& db, const std::vector<std::string>& keep,
                                               std::int64_t survivor, std::int64_t other) {
    std::map<std::size_t, std::int64_t> chosen;
    for (const auto& item : keep) {
        auto eq = item.find('=');
        auto field = golden_field_index(item.substr(0, eq));
        if (eq == std::string::npos || !field)
            throw InputError("'" + item + "' is not field=ORDERER (fields: name, business_id, street, postcode, city, "
                             "phone, email)", "--keep");
        std::int64_t from = 0;
        try {
            std::size_t used = 0;
            from = std::stoll(item.substr(eq + 1), &used);
            if (used != item.size() - eq - 1) from = 0;
        } catch (const std::exception&) {
            from = 0;
        }
        if (from != survivor && from != other)
            throw InputError("'" + item + "': the value must come from orderer " + std::to_string(survivor) + " or " +
                                 std::to_string(other), "--keep");
        auto sources = load_sources(db, from);
        GoldenRecord golden = choose_golden(sources, load_choices(db, from));
        const auto& f = golden.fields[*field];
        if (f.value.empty())
            throw InputError("'" + item + "': orderer " + std::to_string(from) + " has no " + golden_fields[*field] +
                                 " from a source record to keep", "--keep");
        chosen[*field] = f.record_id;
    }
    return chosen;
}

bool is_live(Database& db, std::int64_t orderer) {
    auto& q = db.cached("SELECT merged_into IS NULL FROM orderer WHERE id = ?");
    q.bind(1, orderer);
    bool live = q.step() && q.get_int(0) == 1;
    q.reset();
    return live;
}

}  // namespace

std::int64_t merge_orderers(Database& db, const Actor& actor, std::int64_t survivor, std::int64_t other,
                            const std::vector<std::string>& keep, std::int64_t review_id) {
    if (survivor == other) throw InputError("an orderer cannot be merged into itself", "--into");
    require_live(db, other, "ORDERER");
    require_live(db, survivor, "--into");
    auto id_a = valid_business_id(db, survivor), id_b = valid_business_id(db, other);
    if (id_a && id_b && *id_a != *id_b)
        throw InputError("orderers " + std::to_string(survivor) + " (" + *id_a + ") and " + std::to_string(other) + " (" +
                             *id_b + ") have different business IDs, so they are different legal entities; "
                             "correct the wrong business ID in its unit's register before merging",
                         "ORDERER");
    auto chosen = parse_keep(db, keep, survivor, other);

    json::object detail;
    json::object survivor_before = read_columns(db, survivor, descriptive_columns);
    json::object other_values = read_columns(db, other, descriptive_columns);
    json::object filled;
    for (const char* column : descriptive_columns) {
        const auto& mine = survivor_before.at(column);
        const auto& theirs = other_values.at(column);
        bool empty = mine.is_null() || (std::string_view(column) == "category" && mine.as_string() == "unknown");
        bool has = !theirs.is_null() && !(std::string_view(column) == "category" && theirs.as_string() == "unknown");
        if (empty && has) filled[column] = theirs;
    }
    detail["descriptive_before"] = survivor_before;
    detail["descriptive_set"] = filled;
    detail["golden_before"] = read_columns(db, survivor, golden_columns);
    json::array choices_before;
    for (auto [field, choice] : load_choices(db, survivor))
        if (chosen.count(field))
            choices_before.push_back(json::array{golden_fields[field], choice.first, choice.second});
    detail["choices_before"] = std::move(choices_before);
    json::object kept;
    for (auto [field, record] : chosen) kept[golden_fields[field]] = record;
    detail["kept"] = std::move(kept);

    const auto survivor_records = records_of(db, survivor);
    const auto moved = records_of(db, other);
    std::int64_t event = record_event(
        db, NewEvent{"merge", survivor, other, review_id, 0, json::serialize(detail)}, actor);
    add_event_records(db, event, survivor_records, 'a');
    add_event_records(db, event, moved, 'b', other);

    db.prepare("UPDATE source_record SET orderer_id = ?1 WHERE orderer_id = ?2").bind(1, survivor).bind(2, other).run();
    db.prepare("UPDATE orderer SET merged_into = ?1 WHERE id = ?2").bind(1, survivor).bind(2, other).run();
    for (const auto& [column, value] : filled) write_column(db, survivor, column, value);
    auto& choose = db.cached(
        "INSERT INTO orderer_field_choice(orderer_id, field, record_id, event_id) VALUES(?1, ?2, ?3, ?4) "
        "ON CONFLICT(orderer_id, field) DO UPDATE SET record_id = ?3, event_id = ?4");
    for (auto [field, record] : chosen) {
        choose.bind_all(survivor, golden_fields[field], record, event);
        choose.run();
    }
    refresh_golden_record(db, survivor, actor.at);
    return event;
}

std::int64_t record_not_same(Database& db, const Actor& actor, std::int64_t first, std::int64_t second,
                             std::int64_t review_id) {
    if (first == second) throw InputError("an orderer is always the same as itself", "ORDERER");
    require_live(db, first, "ORDERER");
    require_live(db, second, "ORDERER");
    std::int64_t event = record_event(db, NewEvent{"not_same", first, second, review_id, 0, "{}"}, actor);
    add_event_records(db, event, records_of(db, first), 'a');
    add_event_records(db, event, records_of(db, second), 'b');
    return event;
}

json::value merge_command(Context& ctx, const json::object& request) {
    Actor actor = actor_of(ctx, request);
    auto other = params::required_integer(request, "orderer");
    auto survivor = params::required_integer(request, "into");
    require_rights_over(ctx, "register merge", {survivor, other});
    const auto moving = records_of(ctx.db(), other).size();
    auto event = merge_orderers(ctx.db(), actor, survivor, other, params::string_list(request, "keep"));
    publish_records_of_orderers(ctx, {survivor});
    ctx.audit("register.merge", "orderer", std::to_string(survivor), "merged " + std::to_string(other));
    return json::object{{"event", event}, {"survivor", survivor}, {"merged", other}, {"records_moved", moving},
                        {"undo", "jobcenter register unmerge " + std::to_string(event) + " --by NAME --reason TEXT"}};
}

json::value unmerge_command(Context& ctx, const json::object& request) {
    Actor actor = actor_of(ctx, request);
    Database& db = ctx.db();
    const auto event_id = params::required_integer(request, "event");
    auto q = db.prepare("SELECT kind, orderer_id, other_id, undone_by, review_id, detail FROM register_event WHERE id = ?");
    q.bind(1, event_id);
    if (!q.step()) throw NotFoundError("no decision has the id " + std::to_string(event_id) + " (see register history)");
    const std::string kind = q.get_text(0);
    const std::int64_t survivor = q.get_int(1);
    if (kind != "merge" && kind != "dedupe")
        throw InputError("event " + std::to_string(event_id) + " is a " + kind + ", not a merge: only merges can be undone",
                         "EVENT");
    // A link made as a record was imported moved it from no orderer: undone, the record gets one of its own.
    std::int64_t restored = q.is_null(2) ? 0 : q.get_int(2);
    if (!q.is_null(3))
        throw InputError("event " + std::to_string(event_id) + " was already undone by event " +
                             std::to_string(q.get_int(3)), "EVENT");
    const auto review_id = q.get_optional_int(4);
    const json::object detail = json::parse(q.get_text(5)).as_object();
    q.reset();

    // The merge's records that are still where it (and later merges) put them: in the orderer the
    // survivor lives in now. A record that an earlier unmerge or a later dedupe took elsewhere stays there.
    const std::int64_t holder = current_orderer(db, survivor);
    std::vector<std::int64_t> moved;
    {
        auto r = db.prepare("SELECT e.record_id FROM event_record e JOIN source_record s ON s.id = e.record_id "
                            "WHERE e.event_id = ? AND e.side = 'b' AND s.orderer_id = ? ORDER BY e.record_id");
        r.bind(1, event_id).bind(2, holder);
        while (r.step()) moved.push_back(r.get_int(0));
    }
    require_rights_over(ctx, "register unmerge", restored ? std::vector<std::int64_t>{holder, restored}
                                                          : std::vector<std::int64_t>{holder});
    if (!restored && !moved.empty()) restored = create_orderer_from_record(db, moved.front(), actor.at);
    if (holder == restored || (moved.empty() && (!restored || is_live(db, restored))))
        throw InputError("event " + std::to_string(event_id) + " has nothing left to undo: its records have moved on since "
                         "(see register history " + std::to_string(restored ? restored : holder) + ")", "EVENT");

    auto& move = db.cached("UPDATE source_record SET orderer_id = ? WHERE id = ?");
    for (auto record : moved) {
        move.bind(1, restored).bind(2, record);
        move.run();
    }
    db.prepare("UPDATE orderer SET merged_into = NULL WHERE id = ?").bind(1, restored).run();

    // What the merge changed on the survivor, put back where it still holds the merge's value.
    if (kind == "merge") {
        const auto& before = detail.at("descriptive_before").as_object();
        const auto& set = detail.at("descriptive_set").as_object();
        json::object now = read_columns(db, survivor, descriptive_columns);
        for (const auto& [column, value] : set)
            if (now.at(column) == value) write_column(db, survivor, column, before.at(column));
        db.prepare("DELETE FROM orderer_field_choice WHERE event_id = ?").bind(1, event_id).run();
        auto& reinstate = db.cached(
            "INSERT OR IGNORE INTO orderer_field_choice(orderer_id, field, record_id, event_id) VALUES(?,?,?,?)");
        for (const auto& choice : detail.at("choices_before").as_array()) {
            const auto& c = choice.as_array();
            reinstate.bind_all(survivor, std::string_view(c[0].as_string()), c[1].as_int64(), c[2].as_int64());
            reinstate.run();
        }
    }
    refresh_golden_record(db, holder, actor.at);
    refresh_golden_record(db, restored, actor.at);
    // A survivor left without source records (entered by hand) gets its fields from before the merge; one
    // whose golden record is as before the merge gets its time of change back too.
    if (kind == "merge") {
        const auto& before = detail.at("golden_before").as_object();
        json::object now = read_columns(db, survivor, golden_columns);
        bool same = true;
        for (const auto& [column, value] : before)
            if (column != "updated_at" && now.at(column) != value) same = false;
        if (same || records_of(db, survivor).empty())
            for (const auto& [column, value] : before) write_column(db, survivor, column, value);
    }

    const std::vector<std::int64_t> kept = records_of(db, holder);
    std::int64_t undo = record_event(db, NewEvent{"unmerge", survivor, restored, review_id.value_or(0), event_id, "{}"}, actor);
    add_event_records(db, undo, kept, 'a');
    add_event_records(db, undo, moved, 'b', 0);
    db.prepare("UPDATE register_event SET undone_by = ? WHERE id = ?").bind(1, undo).bind(2, event_id).run();
    if (review_id) db.prepare("UPDATE review_item SET status = 'not_same' WHERE id = ?").bind(1, *review_id).run();
    publish_records_of_orderers(ctx, {restored});
    ctx.audit("register.unmerge", "orderer", std::to_string(restored), "undid event " + std::to_string(event_id));
    return json::object{{"event", undo},
                        {"undid", event_id},
                        {"restored", restored},
                        {"records_moved_back", moved.size()},
                        {"note", "orderers " + std::to_string(restored) + " and " + std::to_string(holder) +
                                     " are recorded as not the same; dedupe will keep them apart"}};
}

json::value history_command(Context& ctx, const json::object& request) {
    auto orderer = params::optional_integer(request, "orderer").value_or(0);
    auto limit = params::optional_integer(request, "limit").value_or(100);
    if (limit < 1 || limit > 100000) throw InputError("limit must be between 1 and 100000", "--limit");
    if (orderer) {
        auto& q = ctx.db().cached("SELECT 1 FROM orderer WHERE id = ?");
        q.bind(1, orderer);
        if (!q.step()) throw NotFoundError("no orderer has the id " + std::to_string(orderer));
        q.reset();
    }
    auto rows = history_json(ctx.db(), orderer, limit);
    return json::object{{"count", rows.size()}, {"rows", std::move(rows)}};
}

}  // namespace jobcenter::register_plugin

// Field survivorship for golden records: the most common value of each field among an orderer's source
// records (ties to the oldest record) or the record a person chose, with where each value came from.
#include "register/clustering/golden_record.hpp"

#include <unordered_map>

#include "register/contacts/contact_log.hpp"
#include "register/normalize/lost_zeros.hpp"
#include "register/store/values_batch.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

std::string text_or_empty(Statement& q, int column) { return q.is_null(column) ? std::string() : q.get_text(column); }

// Most orderers have a few source records: their values are grouped by comparing each with those before
// it, which gives the same groups (and the same winner) as the hash map larger orderers use.
constexpr std::size_t few_sources = 16;

GoldenField most_common_of_few(const std::vector<SourceValues>& sources, std::size_t field) {
    GoldenField out;
    std::size_t best_first = 0, best_count = 0;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const auto& key = sources[i].compare[field];
        if (key.empty()) continue;
        ++out.with_value;
        bool seen_before = false;
        for (std::size_t j = 0; j < i && !seen_before; ++j) seen_before = sources[j].compare[field] == key;
        if (seen_before) continue;  // counted with the first record that has it
        std::size_t count = 1;
        for (std::size_t j = i + 1; j < sources.size(); ++j) count += sources[j].compare[field] == key;
        if (count > best_count) {  // ties: the earlier first record
            best_count = count;
            best_first = i;
        }
    }
    if (best_count == 0) return out;
    out.value = sources[best_first].shown[field];
    out.record_id = sources[best_first].record_id;
    out.agreeing = best_count;
    return out;
}

GoldenField most_common(const std::vector<SourceValues>& sources, std::size_t field) {
    if (sources.size() <= few_sources) return most_common_of_few(sources, field);
    struct Group {
        std::size_t count = 0;
        std::size_t first = 0;  // position of its oldest record
    };
    std::unordered_map<std::string, Group> groups;
    GoldenField out;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const auto& key = sources[i].compare[field];
        if (key.empty()) continue;
        ++out.with_value;
        auto [it, fresh] = groups.try_emplace(key, Group{0, i});
        ++it->second.count;
    }
    const Group* best = nullptr;
    for (const auto& [key, group] : groups)
        if (!best || group.count > best->count || (group.count == best->count && group.first < best->first)) best = &group;
    if (!best) return out;
    out.value = sources[best->first].shown[field];
    out.record_id = sources[best->first].record_id;
    out.agreeing = best->count;
    return out;
}

}  // namespace

std::optional<std::size_t> golden_field_index(std::string_view name) {
    for (std::size_t i = 0; i < golden_field_count; ++i)
        if (name == golden_fields[i]) return i;
    return std::nullopt;
}

GoldenRecord choose_golden(const std::vector<SourceValues>& sources,
                           const FieldChoices& chosen) {
    GoldenRecord golden;
    std::vector<OrdererCategory> categories;
    categories.reserve(sources.size());
    for (const auto& source : sources) categories.push_back(source.category);
    golden.category = inferred_category(categories);
    for (std::size_t field = 0; field < golden_field_count; ++field) {
        golden.fields[field] = most_common(sources, field);
        auto choice = chosen.find(field);
        if (choice == chosen.end()) continue;
        for (const auto& source : sources) {
            if (source.record_id != choice->second.first || source.compare[field].empty()) continue;
            GoldenField& f = golden.fields[field];
            f.value = source.shown[field];
            f.record_id = source.record_id;
            f.chosen_in = choice->second.second;
            f.agreeing = 0;
            for (const auto& other : sources) f.agreeing += other.compare[field] == source.compare[field];
        }
    }
    // Without a valid business ID, show the most common invalid one so that it can be fixed (a single
    // source's own, without copying it).
    const std::size_t business_id = index_of(Golden::business_id);
    if (golden.fields[business_id].value.empty()) {
        if (sources.size() == 1) {
            golden.business_id_raw = sources.front().business_id_raw;
        } else {
            std::vector<SourceValues> raw(sources);
            for (auto& s : raw) s.compare[business_id] = s.shown[business_id] = s.business_id_raw;
            golden.business_id_raw = most_common(raw, business_id).value;
        }
    } else {
        for (const auto& source : sources)
            if (source.record_id == golden.fields[business_id].record_id) golden.business_id_raw = source.business_id_raw;
    }
    return golden;
}

namespace {

const char* const source_columns =
    "s.id, s.unit, s.source_id, s.name, s.business_id, s.business_id_raw, s.street, s.street_key, s.postcode, "
    "s.postcode_key, s.city, s.city_key, s.phone, s.phone_e164, s.email, s.email_key, s.name_key, s.legal_form, "
    "s.city_of_helsinki";

// A postcode or phone whose leading zeros the import put back for its key is shown with them too, as an
// import that links shows it (import_link.cpp).
void show_restored_zeros(SourceValues& s) {
    std::string& postcode = s.shown[index_of(Golden::postcode)];
    if (auto restored = restored_postcode(postcode); restored && *restored == s.compare[index_of(Golden::postcode)])
        postcode = std::move(*restored);
    std::string& phone = s.shown[index_of(Golden::phone)];
    if (auto restored = restored_finnish_phone(phone);
        restored && s.compare[index_of(Golden::phone)] == "+358" + restored->substr(1))
        phone = std::move(*restored);
}

// One source record from the row's columns `first` onwards (in the order of source_columns).
SourceValues read_source(Statement& q, int first = 0) {
    SourceValues s;
    s.record_id = q.get_int(first);
    s.unit = q.get_text(first + 1);
    s.source_id = q.get_text(first + 2);
    auto as_given = [&](Golden field, std::string value) {
        s.shown[index_of(field)] = value;
        s.compare[index_of(field)] = std::move(value);
    };
    as_given(Golden::name, q.get_text(first + 3));
    as_given(Golden::business_id, text_or_empty(q, first + 4));
    s.business_id_raw = text_or_empty(q, first + 5);
    auto keyed = [&](Golden field, int raw_column) {
        std::string& shown = s.shown[index_of(field)];
        shown = text_or_empty(q, first + raw_column);
        s.compare[index_of(field)] = q.is_null(first + raw_column + 1) ? shown : q.get_text(first + raw_column + 1);
    };
    keyed(Golden::street, 6);
    keyed(Golden::postcode, 8);
    keyed(Golden::city, 10);
    keyed(Golden::phone, 12);
    keyed(Golden::email, 14);
    show_restored_zeros(s);
    const std::string_view legal_form = q.is_null(first + 17) ? std::string_view() : q.get_text_view(first + 17);
    s.category = record_category(q.get_text_view(first + 16), legal_form, q.get_int(first + 18) != 0);
    return s;
}

// Orderers' golden columns, rows bound by bind_golden; written only where something differs, so that an
// unchanged orderer keeps its updated_at.
const char* const golden_update_sql =
    "UPDATE orderer SET name = v.column2, business_id = v.column3, business_id_raw = v.column4, "
    "street = v.column5, postcode = v.column6, city = v.column7, phone = v.column8, email = v.column9, "
    "updated_at = v.column10, category = v.column11, category_source = v.column12 "
    "FROM (VALUES $ROWS) AS v WHERE orderer.id = v.column1 AND ("
    "orderer.name IS NOT v.column2 OR orderer.business_id IS NOT v.column3 OR "
    "orderer.business_id_raw IS NOT v.column4 OR orderer.street IS NOT v.column5 OR "
    "orderer.postcode IS NOT v.column6 OR orderer.city IS NOT v.column7 OR orderer.phone IS NOT v.column8 OR "
    "orderer.email IS NOT v.column9 OR orderer.category IS NOT v.column11 OR orderer.category_source IS NOT v.column12)";
// The golden columns and the category and its source.
constexpr int golden_update_columns = golden_columns_bound + 2;

void bind_golden_update(Statement& s, int at, std::int64_t orderer_id, const GoldenRecord& golden, const std::string& now) {
    bind_golden(s, at, orderer_id, golden, now);
    s.bind_view(at + golden_columns_bound, category_name(golden.category));
    s.bind_view(at + golden_columns_bound + 1, category_source_name(golden.category_source));
}

// A person's category, where one stands, over the inferred one.
void apply_category_choice(GoldenRecord& golden, const std::map<std::int64_t, OrdererCategory>& choices,
                           std::int64_t orderer_id) {
    auto it = choices.find(orderer_id);
    if (it == choices.end()) return;
    golden.category = it->second;
    golden.category_source = CategorySource::person;
}

void write_golden(Database& db, std::int64_t orderer_id, const GoldenRecord& golden, const std::string& now) {
    run_batched(db, golden_update_sql, golden_update_columns, 1,
                [&](Statement& s, int at, std::size_t) { bind_golden_update(s, at, orderer_id, golden, now); }, 1);
}

}  // namespace

void bind_golden(Statement& s, int first, std::int64_t orderer_id, const GoldenRecord& golden, const std::string& now) {
    auto value = [&](Golden field) -> std::optional<std::string_view> {
        const std::string& text = golden.fields[index_of(field)].value;
        if (text.empty()) return std::nullopt;
        return std::string_view(text);
    };
    std::optional<std::string_view> raw;
    if (!golden.business_id_raw.empty()) raw = std::string_view(golden.business_id_raw);
    const std::string& name = golden.fields[index_of(Golden::name)].value;
    s.bind(first, orderer_id).bind_view(first + 1, name).bind_view(first + 2, value(Golden::business_id));
    s.bind_view(first + 3, raw).bind_view(first + 4, value(Golden::street)).bind_view(first + 5, value(Golden::postcode));
    s.bind_view(first + 6, value(Golden::city)).bind_view(first + 7, value(Golden::phone)).bind_view(first + 8, value(Golden::email));
    s.bind_view(first + 9, now);
}

std::vector<SourceValues> load_sources(Database& db, std::int64_t orderer_id) {
    auto& q = db.cached(std::string("SELECT ") + source_columns + " FROM source_record s WHERE s.orderer_id = ? ORDER BY s.id");
    q.bind(1, orderer_id);
    std::vector<SourceValues> sources;
    while (q.step()) sources.push_back(read_source(q));
    return sources;
}

FieldChoices load_choices(Database& db, std::int64_t orderer_id) {
    auto& q = db.cached("SELECT field, record_id, event_id FROM orderer_field_choice WHERE orderer_id = ?");
    q.bind(1, orderer_id);
    FieldChoices choices;
    while (q.step())
        if (auto field = golden_field_index(q.get_text_view(0))) choices[*field] = {q.get_int(1), q.get_int(2)};
    return choices;
}

std::map<std::int64_t, OrdererCategory> load_category_choices(Database& db) {
    std::map<std::int64_t, OrdererCategory> by_orderer;
    auto q = db.prepare("SELECT orderer_id, category FROM orderer_category_choice ORDER BY id");
    while (q.step())
        if (auto category = category_named(q.get_text_view(1))) by_orderer[current_orderer(db, q.get_int(0))] = *category;
    return by_orderer;
}

void refresh_golden_record(Database& db, std::int64_t orderer_id, const std::string& now) {
    auto sources = load_sources(db, orderer_id);
    if (sources.empty()) return;
    GoldenRecord golden = choose_golden(sources, load_choices(db, orderer_id));
    apply_category_choice(golden, load_category_choices(db), orderer_id);
    write_golden(db, orderer_id, golden, now);
}

void refresh_golden_records(Database& db, const std::vector<std::int64_t>& orderer_ids, const std::string& now) {
    db.exec("CREATE TEMP TABLE IF NOT EXISTS golden_pending(id INTEGER PRIMARY KEY); DELETE FROM temp.golden_pending");
    run_batched(db, "INSERT OR IGNORE INTO temp.golden_pending(id) VALUES $ROWS", 1, orderer_ids.size(),
                [&](Statement& s, int at, std::size_t i) { s.bind(at, orderer_ids[i]); });
    // Choices first (few), then every source record of the orderers in one ordered pass.
    std::map<std::int64_t, FieldChoices> choices;
    {
        auto q = db.prepare("SELECT c.orderer_id, c.field, c.record_id, c.event_id FROM orderer_field_choice c "
                            "JOIN temp.golden_pending t ON t.id = c.orderer_id");
        while (q.step())
            if (auto field = golden_field_index(q.get_text_view(1))) choices[q.get_int(0)][*field] = {q.get_int(2), q.get_int(3)};
    }
    auto q = db.prepare(std::string("SELECT s.orderer_id, ") + source_columns +
                        " FROM temp.golden_pending t JOIN source_record s ON s.orderer_id = t.id ORDER BY s.orderer_id, s.id");
    const auto categories = load_category_choices(db);
    std::vector<std::pair<std::int64_t, GoldenRecord>> results;
    std::vector<SourceValues> sources;
    std::int64_t current = 0;
    auto flush = [&] {
        if (sources.empty()) return;
        auto it = choices.find(current);
        results.emplace_back(current, choose_golden(sources, it == choices.end() ? FieldChoices{} : it->second));
        apply_category_choice(results.back().second, categories, current);
        sources.clear();
    };
    while (q.step()) {
        std::int64_t orderer = q.get_int(0);
        if (orderer != current) {
            flush();
            current = orderer;
        }
        sources.push_back(read_source(q, 1));
    }
    flush();
    q.reset();
    run_batched(db, golden_update_sql, golden_update_columns, results.size(), [&](Statement& s, int at, std::size_t i) {
        bind_golden_update(s, at, results[i].first, results[i].second, now);
    });
    db.exec("DELETE FROM temp.golden_pending");
}

json::object provenance_json(const GoldenRecord& golden, const std::vector<SourceValues>& sources) {
    json::object out;
    for (std::size_t field = 0; field < golden_field_count; ++field) {
        const GoldenField& f = golden.fields[field];
        if (f.value.empty()) continue;
        json::object o{{"value", f.value}};
        for (const auto& s : sources)
            if (s.record_id == f.record_id) o["from"] = s.unit + "/" + s.source_id;
        if (f.chosen_in)
            o["rule"] = "chosen in decision " + std::to_string(f.chosen_in);
        else
            o["rule"] = "most common (" + std::to_string(f.agreeing) + " of " + std::to_string(f.with_value) + " sources)";
        o["agreeing"] = f.agreeing;
        o["sources_with_value"] = f.with_value;
        out[golden_fields[field]] = std::move(o);
    }
    return out;
}

std::int64_t create_orderer_from_record(Database& db, std::int64_t source_record_id, const std::string& now) {
    db.prepare(
          "INSERT INTO orderer(name, category, business_id, business_id_raw, street, postcode, city, phone, email, "
          "created_by_unit, created_at, updated_at) SELECT name, 'unknown', business_id, business_id_raw, street, "
          "postcode, city, phone, email, unit, ?2, ?2 FROM source_record WHERE id = ?1")
        .bind(1, source_record_id)
        .bind(2, now)
        .run();
    return db.last_insert_id();
}

}  // namespace jobcenter::register_plugin

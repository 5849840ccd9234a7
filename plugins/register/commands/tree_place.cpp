// Reading an orderer's place in the City's tree from its records' keys (see tree_place.hpp).
#include "register/commands/tree_place.hpp"

#include <set>

#include "register/index/key_kind.hpp"
#include "register/normalize/city_of_helsinki.hpp"
#include "register/normalize/city_sites.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

constexpr std::string_view city_key = "helsingin kaupunki";

std::string bare_division_key(const std::string& division) { return std::string(city_key) + " " + division; }

// The least text above every text that starts with `prefix`: the prefix with its last character raised by one.
std::string past_prefix(std::string prefix) {
    prefix.back() = static_cast<char>(prefix.back() + 1);
    return prefix;
}

// The orderer of the lowest-numbered record whose whole name is the division's bare name.
std::optional<std::int64_t> division_orderer(Database& db, const std::string& division) {
    auto& q = db.cached(
        "SELECT s.orderer_id FROM record_key k JOIN source_record s ON s.id = k.record_id "
        "WHERE k.kind = ? AND k.value = ? AND s.orderer_id IS NOT NULL ORDER BY s.id LIMIT 1");
    q.bind(1, static_cast<std::int64_t>(KeyKind::name)).bind(2, bare_division_key(division));
    std::optional<std::int64_t> found;
    if (q.step()) found = q.get_int(0);
    q.reset();
    return found;
}

// A record's place without its division's orderer: the division its name gives, else the one its kind of
// site gives.
std::optional<PlaceInTree> place_without_parent(const TreePlaceKeys& keys) {
    if (!keys.names_the_city && keys.business_id != city_sites::city_business_id) return std::nullopt;
    const city_sites::TreePlace place = city_sites::place_in_tree(keys.name_key, keys.department_key, keys.names_the_city);
    PlaceInTree p{std::string(place.division), std::string(place.site), std::nullopt, DivisionSource::name};
    if (p.division.empty() && !p.site.empty()) {
        p.division = std::string(city_sites::division_running(p.site));
        p.division_from = DivisionSource::kind_of_site;
    }
    return p;
}

TreePlaceKeys keys_of_row(Statement& q, int first) {
    return TreePlaceKeys{q.get_text(first), q.get_text(first + 1), q.get_text(first + 2), q.get_int(first + 3) != 0};
}

// The place of an orderer without its division's orderer (see place_of_orderer).
std::optional<PlaceInTree> orderer_place_without_parent(Database& db, std::int64_t orderer) {
    auto& q = db.cached(
        "SELECT name_key, coalesce(department_key, ''), coalesce(business_id, ''), city_of_helsinki FROM source_record "
        "WHERE orderer_id = ? AND (city_of_helsinki <> 0 OR business_id = ?) ORDER BY id");
    q.bind(1, orderer).bind(2, std::string(city_sites::city_business_id));
    std::optional<PlaceInTree> first;
    while (q.step()) {
        auto place = place_without_parent(keys_of_row(q, 0));
        if (!place) continue;
        if (!place->division.empty() && place->division_from == DivisionSource::name) {
            first = std::move(place);
            break;
        }
        if (!first) first = std::move(place);
    }
    q.reset();
    return first;
}

// The sites of `division` whose records do not name it: orderers of the City's records (its business ID, or
// its name without a division) whose kind of site the division runs, and whose own place is in the division.
std::set<std::int64_t> sites_by_kind(Database& db, const std::string& division, std::int64_t self) {
    auto& q = db.cached(
        "SELECT s.orderer_id, s.name_key, coalesce(s.department_key, ''), coalesce(s.business_id, ''), "
        "s.city_of_helsinki FROM record_key k JOIN source_record s ON s.id = k.record_id "
        "WHERE ((k.kind = ? AND k.value = ?) OR (k.kind = ? AND k.value >= ? AND k.value < ?)) "
        "AND s.orderer_id IS NOT NULL AND s.orderer_id <> ?");
    const std::string city_prefix = std::string(city_key) + " ";
    q.bind(1, static_cast<std::int64_t>(KeyKind::business_id)).bind(2, std::string(city_sites::city_business_id));
    q.bind(3, static_cast<std::int64_t>(KeyKind::name)).bind(4, city_prefix).bind(5, past_prefix(city_prefix)).bind(6, self);
    std::set<std::int64_t> candidates;
    while (q.step()) {
        const auto place = place_without_parent(keys_of_row(q, 1));
        if (place && place->division_from == DivisionSource::kind_of_site && place->division == division)
            candidates.insert(q.get_int(0));
    }
    q.reset();
    std::set<std::int64_t> sites;
    for (std::int64_t orderer : candidates) {
        const auto place = orderer_place_without_parent(db, orderer);
        if (place && place->division == division && !place->site.empty()) sites.insert(orderer);
    }
    return sites;
}

// The place with its division's orderer, when it has a division.
std::optional<PlaceInTree> with_parent(Database& db, std::optional<PlaceInTree> place) {
    if (place && !place->division.empty()) place->division_orderer = division_orderer(db, place->division);
    return place;
}

}  // namespace

std::optional<PlaceInTree> place_of(Database& db, const TreePlaceKeys& keys) {
    return with_parent(db, place_without_parent(keys));
}

std::optional<PlaceInTree> place_of_orderer(Database& db, std::int64_t orderer) {
    return with_parent(db, orderer_place_without_parent(db, orderer));
}

json::object place_json(Database& db, const PlaceInTree& place, std::int64_t self, std::size_t most_sites) {
    json::object o{{"organisation", "Helsingin kaupunki (" + std::string(city_sites::city_business_id) + ")"}};
    o["division"] = place.division.empty() ? json::value(nullptr)
                                           : json::value(city_of_helsinki::division_display_name(place.division));
    o["division_from"] = place.division.empty() ? json::value(nullptr)
                         : json::value(place.division_from == DivisionSource::name ? "name" : "kind_of_site");
    o["site"] = place.site.empty() ? json::value(nullptr) : json::value(place.site);
    o["division_orderer"] = place.division_orderer ? json::value(*place.division_orderer) : json::value(nullptr);
    if (place.division.empty() || !place.site.empty() || place.division_orderer != self) return o;
    // The division's own orderer: its sites are the orderers of records named "<city> <division> <site>", and
    // those whose kind of site the division runs.
    const std::string prefix = bare_division_key(place.division) + " ";
    auto& q = db.cached(
        "SELECT DISTINCT s.orderer_id FROM record_key k JOIN source_record s ON s.id = k.record_id "
        "WHERE k.kind = ? AND k.value >= ? AND k.value < ? AND s.orderer_id IS NOT NULL AND s.orderer_id <> ?");
    q.bind(1, static_cast<std::int64_t>(KeyKind::name)).bind(2, prefix).bind(3, past_prefix(prefix)).bind(4, self);
    std::set<std::int64_t> found = sites_by_kind(db, place.division, self);
    while (q.step()) found.insert(q.get_int(0));
    q.reset();
    json::array sites;
    for (std::int64_t orderer : found) {
        if (sites.size() == most_sites) break;
        sites.push_back(orderer);
    }
    o["sites"] = std::move(sites);
    o["sites_count"] = found.size();
    return o;
}

}  // namespace jobcenter::register_plugin

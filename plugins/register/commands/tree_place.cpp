// Reading an orderer's place in the City's tree from its records' keys (see tree_place.hpp).
#include "register/commands/tree_place.hpp"

#include "register/index/key_kind.hpp"
#include "register/normalize/city_of_helsinki.hpp"
#include "register/normalize/city_sites.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

constexpr std::string_view city_key = "helsingin kaupunki";

std::string bare_division_key(const std::string& division) { return std::string(city_key) + " " + division; }

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

}  // namespace

std::optional<PlaceInTree> place_of(Database& db, const TreePlaceKeys& keys) {
    if (!keys.names_the_city && keys.business_id != city_sites::city_business_id) return std::nullopt;
    const city_sites::TreePlace place = city_sites::place_in_tree(keys.name_key, keys.department_key, keys.names_the_city);
    PlaceInTree p{std::string(place.division), std::string(place.site), std::nullopt};
    if (!p.division.empty()) p.division_orderer = division_orderer(db, p.division);
    return p;
}

std::optional<PlaceInTree> place_of_orderer(Database& db, std::int64_t orderer) {
    auto& q = db.cached(
        "SELECT name_key, coalesce(department_key, ''), coalesce(business_id, ''), city_of_helsinki FROM source_record "
        "WHERE orderer_id = ? AND (city_of_helsinki <> 0 OR business_id = ?) ORDER BY id LIMIT 1");
    q.bind(1, orderer).bind(2, std::string(city_sites::city_business_id));
    std::optional<TreePlaceKeys> keys;
    if (q.step()) keys = TreePlaceKeys{q.get_text(0), q.get_text(1), q.get_text(2), q.get_int(3) != 0};
    q.reset();
    if (!keys) return std::nullopt;
    return place_of(db, *keys);
}

json::object place_json(Database& db, const PlaceInTree& place, std::int64_t self, std::size_t most_sites) {
    json::object o{{"organisation", "Helsingin kaupunki (" + std::string(city_sites::city_business_id) + ")"}};
    o["division"] = place.division.empty() ? json::value(nullptr)
                                           : json::value(city_of_helsinki::division_display_name(place.division));
    o["site"] = place.site.empty() ? json::value(nullptr) : json::value(place.site);
    o["division_orderer"] = place.division_orderer ? json::value(*place.division_orderer) : json::value(nullptr);
    if (place.division.empty() || !place.site.empty() || place.division_orderer != self) return o;
    // The division's own orderer: its sites are the orderers of records named "<city> <division> <site>".
    const std::string prefix = bare_division_key(place.division) + " ";
    auto& q = db.cached(
        "SELECT DISTINCT s.orderer_id FROM record_key k JOIN source_record s ON s.id = k.record_id "
        "WHERE k.kind = ? AND k.value >= ? AND k.value < ? AND s.orderer_id IS NOT NULL AND s.orderer_id <> ? "
        "ORDER BY s.orderer_id");
    // Every key that starts with the prefix sorts below the prefix with its last character raised by one.
    std::string past = prefix;
    past.back() = static_cast<char>(past.back() + 1);
    q.bind(1, static_cast<std::int64_t>(KeyKind::name)).bind(2, prefix).bind(3, past).bind(4, self);
    json::array sites;
    std::size_t count = 0;
    while (q.step()) {
        if (sites.size() < most_sites) sites.push_back(q.get_int(0));
        ++count;
    }
    q.reset();
    o["sites"] = std::move(sites);
    o["sites_count"] = count;
    return o;
}

}  // namespace jobcenter::register_plugin

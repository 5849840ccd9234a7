// Comparing two records' places in the City's tree (see city_tree.hpp).
#include "register/scoring/city_tree.hpp"

#include "register/normalize/city_of_helsinki.hpp"
#include "register/normalize/city_sites.hpp"

namespace jobcenter::register_plugin {
namespace {

city_sites::TreePlace place_of(const RecordIndex& index, const IndexedRecord& r) {
    return city_sites::place_in_tree(index.text(r.name), r.department == no_value ? std::string_view{} : index.text(r.department),
                                     r.city_of_helsinki);
}

}  // namespace

bool in_city_tree(const RecordIndex& index, const IndexedRecord& r) {
    return r.city_of_helsinki || (r.business_id != no_value && index.text(r.business_id) == city_sites::city_business_id);
}

bool different_divisions(const RecordIndex& index, const IndexedRecord& a, const IndexedRecord& b) {
    if (!a.city_of_helsinki || !b.city_of_helsinki || a.department == no_value || b.department == no_value ||
        a.department == b.department)
        return false;
    return city_of_helsinki::is_division(index.text(a.department)) && city_of_helsinki::is_division(index.text(b.department));
}

TreeEvidence compare_in_tree(const RecordIndex& index, const IndexedRecord& a, const IndexedRecord& b) {
    TreeEvidence e;
    if (!in_city_tree(index, a) || !in_city_tree(index, b) || different_divisions(index, a, b)) return e;
    const city_sites::TreePlace pa = place_of(index, a), pb = place_of(index, b);
    e.site_a = pa.site;
    e.site_b = pb.site;
    if (pa.site.empty() && pb.site.empty()) return e;  // the City or one division, twice: the department decides
    if (pa.site.empty() || pb.site.empty()) {
        // The bare name is a parent only when it names the City or a division (not a site missing its words).
        const IndexedRecord& bare = pa.site.empty() ? a : b;
        if (bare.city_of_helsinki) e.relation = TreeRelation::parent_and_site;
        return e;
    }
    switch (city_sites::compare_sites(pa.site, pb.site)) {
        case city_sites::SiteLikeness::same: e.relation = TreeRelation::same_site; break;
        case city_sites::SiteLikeness::different: e.relation = TreeRelation::different_sites; break;
        case city_sites::SiteLikeness::unclear: break;
    }
    return e;
}

}  // namespace jobcenter::register_plugin

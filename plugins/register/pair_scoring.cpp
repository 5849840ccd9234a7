// Pair scoring: business ID, department, name, phone, email, address and legal-form evidence.
#include "pair_scoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace jobcenter::register_plugin {
namespace {

// True when a and b are at most one insertion, deletion, substitution or adjacent swap apart.
bool within_one_edit(const std::string& a, const std::string& b) {
    std::size_t la = a.size(), lb = b.size();
    if (la > lb) return within_one_edit(b, a);
    if (lb - la > 1) return false;
    std::size_t i = 0;
    while (i < la && a[i] == b[i]) ++i;
    if (i == la) return true;
    if (la == lb) {
        if (a.compare(i + 1, std::string::npos, b, i + 1, std::string::npos) == 0) return true;  // substitution
        return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
               a.compare(i + 2, std::string::npos, b, i + 2, std::string::npos) == 0;  // swap
    }
    return a.compare(i, std::string::npos, b, i + 1, std::string::npos) == 0;  // one extra letter in b
}

double token_similarity(const RecordIndex& index, std::uint32_t x, std::uint32_t y) {
    if (x == y) return 1.0;
    const std::string& a = index.text(x);
    const std::string& b = index.text(y);
    if (a.size() >= 4 && b.size() >= 4 && a[0] == b[0] && within_one_edit(a, b)) return 0.9;
    const std::string& shorter = a.size() < b.size() ? a : b;
    const std::string& longer = a.size() < b.size() ? b : a;
    if (shorter.size() >= 3 && longer.compare(0, shorter.size(), shorter) == 0) return 0.7;  // abbreviation
    // Inflected or derived forms of one stem ("technology" / "technologies", "palvelu" / "palvelut").
    std::size_t common = 0;
    while (common < shorter.size() && shorter[common] == longer[common]) ++common;
    if (common >= 6 && common * 5 >= shorter.size() * 4) return 0.8;
    return 0.0;
}

double sharing_discount(const RecordIndex& index, std::uint32_t value, const MatchRules& rules) {
    std::uint32_t names = std::max<std::uint32_t>(1, index.names_sharing(value));
    return rules.sharing_penalty * std::log2(static_cast<double>(names));
}

std::string format(const char* pattern, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, pattern, value);
    return buffer;
}

}  // namespace

// How much a name wholly contained in the other counts, against an identical name (1.0).
constexpr double containment_factor = 0.6;

double probability(double score) { return 1.0 / (1.0 + std::exp2(-score)); }

double name_similarity(const RecordIndex& index, const IndexedRecord& a, const IndexedRecord& b) {
    if (a.name == b.name) return a.name == no_value ? 0.0 : 1.0;
    if (a.token_count == 0 || b.token_count == 0 || a.name_norm == 0 || b.name_norm == 0) return 0.0;
    const NameToken* ta = &index.tokens[a.first_token];
    const NameToken* tb = &index.tokens[b.first_token];
    double dot = 0, covered = 0;
    std::uint64_t used = 0;  // tokens of b already matched (names have few tokens; beyond 64 are ignored)
    for (std::uint32_t i = 0; i < a.token_count; ++i) {
        double best = 0;
        std::uint32_t best_j = 0;
        for (std::uint32_t j = 0; j < b.token_count && j < 64; ++j) {
            if (used & (std::uint64_t{1} << j)) continue;
            double s = token_similarity(index, ta[i].token, tb[j].token);
            if (s > best) best = s, best_j = j;
        }
        if (best > 0) {
            used |= std::uint64_t{1} << best_j;
            dot += best * ta[i].weight * tb[best_j].weight;
            covered += best * std::min(ta[i].weight, tb[best_j].weight) * std::min(ta[i].weight, tb[best_j].weight);
        }
    }
    // A name wholly inside the other ("Love Learning Center" in "Chicago State University the Love Learning
    // Center") is strong but not full evidence: the weighted share of the shorter name that was matched.
    double cosine = dot / (double(a.name_norm) * b.name_norm);
    double shorter = std::min(double(a.name_norm) * a.name_norm, double(b.name_norm) * b.name_norm);
    double containment = shorter > 0 ? covered / shorter : 0.0;
    return std::min(1.0, std::max(cosine, containment_factor * containment));
}

PairScore score_pair(const RecordIndex& index, const IndexedRecord& a, const IndexedRecord& b, const MatchRules& rules,
                     std::vector<Evidence>* explain) {
    PairScore result;
    // `detail` makes the explanation's text; it runs only when an explanation was asked for.
    auto add = [&](const char* field, double weight, auto&& detail) {
        result.score += weight;
        if (explain) explain->push_back({field, weight, std::string(detail())});
    };

    if (a.business_id != no_value && b.business_id != no_value) {
        if (a.business_id != b.business_id) {
            result.hard_negative = true;
            add("business_id", rules.business_id_different,
                [&] { return "different: " + index.text(a.business_id) + " and " + index.text(b.business_id); });
        } else if (a.city_of_helsinki || b.city_of_helsinki || index.names_sharing(a.business_id) > 3) {
            // One business ID, many orderers (the City's divisions): the ID names the organisation only.
            add("business_id", 1, [&] { return "both " + index.text(a.business_id) + ", which " +
                                      std::to_string(index.names_sharing(a.business_id)) + " names share"; });
        } else {
            add("business_id", rules.business_id_equal - sharing_discount(index, a.business_id, rules),
                [&] { return "both " + index.text(a.business_id); });
        }
    }
    if (a.city_of_helsinki && b.city_of_helsinki && a.department != no_value && b.department != no_value) {
        if (a.department == b.department) {
            add("department", rules.department_equal, [&] { return "both " + index.text(a.department); });
        } else {
            result.hard_negative = true;
            add("department", rules.department_different,
                [&] { return "different divisions: " + index.text(a.department) + " and " + index.text(b.department); });
        }
    }

    double similarity = name_similarity(index, a, b);
    add("name", rules.name_weight * similarity - rules.name_offset, [&] { return format("similarity %.2f", similarity); });

    if (a.phone != no_value && b.phone != no_value) {
        if (a.phone == b.phone)
            add("phone", rules.phone_equal - sharing_discount(index, a.phone, rules),
                [&] { return "both " + index.text(a.phone) + " (" + std::to_string(index.names_sharing(a.phone)) + " names)"; });
        else
            add("phone", rules.phone_different, [&] { return "different"; });
    }
    if (a.email != no_value && b.email != no_value) {
        if (a.email == b.email)
            add("email", (a.email_generic ? rules.email_generic_equal : rules.email_equal) - sharing_discount(index, a.email, rules),
                [&] { return "both " + index.text(a.email); });
        else if (a.email_domain != no_value && a.email_domain == b.email_domain)
            add("email", rules.email_domain_equal - sharing_discount(index, a.email_domain, rules),
                [&] { return "same domain " + index.text(a.email_domain).substr(1); });
    }
    const bool postcodes_differ = a.postcode != no_value && b.postcode != no_value && a.postcode != b.postcode;
    if (a.street != no_value && a.street == b.street && !postcodes_differ) {
        add("address", rules.address_equal - sharing_discount(index, a.street, rules),
            [&] { return "both " + index.text(a.street) + " (" + std::to_string(index.names_sharing(a.street)) + " names)"; });
    } else if (a.street != no_value && b.street != no_value) {
        add("address", rules.address_different, [&] { return "different addresses"; });
    } else if (postcodes_differ) {
        add("address", rules.postcode_different, [&] { return "different postcodes"; });
    }
    if (a.legal_form != no_value && b.legal_form != no_value && a.legal_form != b.legal_form)
        add("legal_form", rules.legal_form_different,
            [&] { return "different: " + index.text(a.legal_form) + " and " + index.text(b.legal_form); });
    return result;
}

}  // namespace jobcenter::register_plugin

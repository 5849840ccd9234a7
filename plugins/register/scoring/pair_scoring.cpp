// Pair scoring: business ID, department, name, phone, email, address and legal-form evidence.
#include "register/scoring/pair_scoring.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "register/index/count_steps.hpp"
#include "register/normalize/one_edit.hpp"
#include "register/scoring/city_tree.hpp"
#include "register/scoring/name_runs.hpp"
#include "register/scoring/namesakes.hpp"

namespace jobcenter::register_plugin {
namespace {

// True when a and b are at most two insertions, deletions, substitutions or adjacent swaps apart
// (optimal string alignment distance <= 2).
bool within_two_edits(std::string_view a, std::string_view b) {
    const std::size_t la = a.size(), lb = b.size();
    if ((la > lb ? la - lb : lb - la) > 2) return false;
    constexpr std::size_t longest = 63;  // a name's word; longer ones are not compared
    if (la > longest || lb > longest) return false;
    // Three rows of the distance table, rotated rather than copied.
    std::array<std::uint8_t, longest + 1> rows[3];
    std::uint8_t* before = rows[0].data();
    std::uint8_t* previous = rows[1].data();
    std::uint8_t* current = rows[2].data();
    for (std::size_t j = 0; j <= lb; ++j) previous[j] = static_cast<std::uint8_t>(j);
    for (std::size_t i = 1; i <= la; ++i) {
        current[0] = static_cast<std::uint8_t>(i);
        unsigned row_best = current[0];
        for (std::size_t j = 1; j <= lb; ++j) {
            unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
            unsigned d = std::min({previous[j] + 1u, current[j - 1] + 1u, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, before[j - 2] + 1u);
            current[j] = static_cast<std::uint8_t>(d);
            row_best = std::min(row_best, d);
        }
        if (row_best > 2) return false;
        std::uint8_t* oldest = before;
        before = previous;
        previous = current;
        current = oldest;
    }
    return previous[lb] <= 2;
}

// A word that begins the other ("kalle" / "kallen", "koti" / "kotipalvelu").
constexpr double abbreviation_similarity = 0.7;

double token_similarity(const RecordIndex& index, std::uint32_t x, std::uint32_t y) {
    if (x == y) return 1.0;
    const std::string_view a = index.text(x);
    const std::string_view b = index.text(y);
    // Every likeness below needs the same first letter, or in words of four letters or more the first two
    // swapped: most pairs of words end here.
    if (a.empty() || b.empty()) return 0.0;
    if (a[0] != b[0] && !(a.size() >= 4 && b.size() >= 4 && a[0] == b[1] && a[1] == b[0])) return 0.0;
    if (a.size() >= 4 && b.size() >= 4) {
        // One slip of the keyboard; a different first letter only when it is two letters swapped
        // ("usutari" / "suutari"), as "kallio" / "vallio" are other words.
        const bool first_swapped = a[0] == b[1] && a[1] == b[0];
        if ((a[0] == b[0] || first_swapped) && within_one_edit(a, b)) return 0.9;
        // Two slips in a long word ("tuuominnen" / "tuominen", "huoonekalpalvelu" / "huonekalupalvelu").
        if (a.size() >= 8 && b.size() >= 8 && (a[0] == b[0] || first_swapped) && within_two_edits(a, b)) return 0.8;
    }
    const std::string_view shorter = a.size() < b.size() ? a : b;
    const std::string_view longer = a.size() < b.size() ? b : a;
    if (shorter.size() >= 3 && longer.compare(0, shorter.size(), shorter) == 0) return abbreviation_similarity;
    if (shorter.size() == 1 && longer.size() >= 2 && longer[0] == shorter[0]) return 0.6;    // an initial: "j" / "johan"
    // Inflected or derived forms of one stem ("technology" / "technologies", "palvelu" / "palvelut").
    std::size_t common = 0;
    while (common < shorter.size() && shorter[common] == longer[common]) ++common;
    if (common >= 6 && common * 5 >= shorter.size() * 4) return 0.8;
    return 0.0;
}

double sharing_discount(const RecordIndex& index, std::uint32_t value, const MatchRules& rules) {
    // In steps (count_steps.hpp), so that one more name moves old pairs' scores only across a step.
    const std::uint64_t names = std::max<std::uint64_t>(1, count_step(index.names_sharing(value)));
    return rules.sharing_penalty * std::log2(static_cast<double>(names));
}

// The weight of agreeing on a value, less its sharing discount: a value common to many names says
// little, but agreeing on it is never evidence against.
double shared(double weight, double discount) { return std::max(0.0, weight - discount); }

// A street key ("mannerheimintie 1", "west van buren 1900") split into the street's name and its house
// number (the last word, when it starts with a digit). A PO box ("pl 123") has no street.
struct StreetParts {
    std::string_view name, number;
    bool po_box = false;
};

StreetParts street_parts(std::string_view key) {
    StreetParts parts;
    if (key.starts_with("pl ")) {
        parts.po_box = true;
        return parts;
    }
    auto space = key.rfind(' ');
    if (space == std::string_view::npos || space + 1 >= key.size() || key[space + 1] < '0' || key[space + 1] > '9') {
        parts.name = key;
        return parts;
    }
    parts.name = key.substr(0, space);
    parts.number = key.substr(space + 1);
    return parts;
}

std::string letters_of(std::string_view text) {
    std::string out;
    for (char c : text)
        if (c != ' ') out += c;
    return out;
}

bool has_word(std::string_view text, std::string_view word) {
    for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
        bool starts = at == 0 || text[at - 1] == ' ';
        bool ends = at + word.size() == text.size() || text[at + word.size()] == ' ';
        if (starts && ends) return true;
    }
    return false;
}

// Two spellings of one street: the same letters but for spaces or one edit ("van buren" / "vanburen",
// "roosevelt" / "roosevlet"), or every word of the shorter name in the longer one ("south state" /
// "south state steet").
bool similar_street_names(std::string_view a, std::string_view b) {
    std::string la = letters_of(a), lb = letters_of(b);
    if (la.size() >= 4 && lb.size() >= 4 && within_one_edit(la, lb)) return true;
    std::string_view shorter = la.size() < lb.size() ? a : b, longer = la.size() < lb.size() ? b : a;
    // One word alone ("west") must hold most of the longer name's letters; two or more words ("south
    // king" in "south doctor martin luther king") name the street by themselves.
    const bool one_word = shorter.find(' ') == std::string_view::npos;
    if (one_word && std::min(la.size(), lb.size()) * 5 < std::max(la.size(), lb.size()) * 3) return false;
    for (std::size_t i = 0; i < shorter.size();) {
        std::size_t end = shorter.find(' ', i);
        if (end == std::string_view::npos) end = shorter.size();
        if (end > i && !has_word(longer, shorter.substr(i, end - i))) return false;
        i = end + 1;
    }
    return true;
}

// How two records' addresses compare. The sites of one organisation are different orderers, so two
// buildings count against a link, unless the addresses are too incomplete to tell, or one name and one phone
// at two numbers of one street say it is one place written two ways (a moved entrance, a number mistyped):
// two sites would have names or phones of their own.
enum class Address { unknown, equal, similar, different_buildings, one_place_two_numbers, unclear, postcode_different };

Address compare_addresses(const RecordIndex& index, const IndexedRecord& a, const IndexedRecord& b,
                          bool one_name_and_phone) {
    const bool postcodes_differ = a.postcode != no_value && b.postcode != no_value && a.postcode != b.postcode;
    if (a.street == no_value || b.street == no_value) return postcodes_differ ? Address::postcode_different : Address::unknown;
    if (a.street == b.street && !postcodes_differ) return Address::equal;
    const StreetParts x = street_parts(index.text(a.street)), y = street_parts(index.text(b.street));
    if (x.number.empty() || y.number.empty()) return Address::unclear;  // no house number, or a PO box
    // One street, numbers one digit apart ("1633" / "1653", "7946" / "7949"): a mistyped digit as
    // likely as the next building, so it tells nothing either way. (Numbers first: they are cheap.)
    const bool same_number = x.number == y.number;
    const bool digit_off = !same_number && x.number.size() == y.number.size() &&
                           within_one_edit(x.number, y.number);
    if (postcodes_differ || !similar_street_names(x.name, y.name)) return Address::different_buildings;
    if (!(same_number || digit_off))
        return one_name_and_phone ? Address::one_place_two_numbers : Address::different_buildings;
    return same_number ? Address::similar : Address::unclear;
}

std::string format(const char* pattern, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, pattern, value);
    return buffer;
}

}  // namespace

// A name this alike (a word's typo or abbreviation at most) names one place when one phone goes with it.
constexpr double same_place_name = 0.9;

// How much a name wholly contained in the other counts, against an identical name (1.0).
constexpr double containment_factor = 0.6;

double probability(double score) { return 1.0 / (1.0 + std::exp2(-score)); }

double name_similarity(const RecordIndex& index, const IndexedRecord& a, const IndexedRecord& b) {
    return name_similarity(index, WeighedName{a.name, &index.tokens[a.first_token], a.token_count, a.name_norm},
                           WeighedName{b.name, &index.tokens[b.first_token], b.token_count, b.name_norm});
}

double name_similarity(const RecordIndex& index, const WeighedName& a, const WeighedName& b) {
    if (a.name == b.name) return a.name == no_value ? 0.0 : 1.0;
    if (a.token_count == 0 || b.token_count == 0 || a.name_norm == 0 || b.name_norm == 0) return 0.0;
    const NameToken* ta = a.tokens;
    const NameToken* tb = b.tokens;
    double dot = 0, covered = 0;
    // Squared norms, where a misspelt word weighs as the spelling it was matched with: a typo is rare, so
    // its own weight would make the name look more distinctive than it is, and the pair less similar.
    double norm_a = double(a.name_norm) * a.name_norm, norm_b = double(b.name_norm) * b.name_norm;
    std::uint64_t used = 0;     // tokens of b already matched (names have few tokens; beyond 64 are ignored)
    std::uint64_t matched = 0;  // tokens of a already matched
    // Pairs matched only as an abbreviation ("koti" / "kotipalvelu"), which a run below may take over.
    std::uint64_t abbreviated_a = 0, abbreviated_b = 0;
    std::array<std::uint8_t, 64> partner_of_a{}, partner_of_b{};
    for (std::uint32_t i = 0; i < a.token_count; ++i) {
        double best = 0;
        std::uint32_t best_j = 0;
        for (std::uint32_t j = 0; j < b.token_count && j < 64; ++j) {
            if (used & (std::uint64_t{1} << j)) continue;
            // Words that differ in the first letter, and not by a swap of the first two, are unalike
            // (token_similarity): most pairs of words end here, without reading their text.
            if (ta[i].token != tb[j].token && ta[i].head[0] != tb[j].head[0] &&
                !(ta[i].head[0] == tb[j].head[1] && ta[i].head[1] == tb[j].head[0]))
                continue;
            double s = token_similarity(index, ta[i].token, tb[j].token);
            if (s > best) best = s, best_j = j;
        }
        if (best > 0) {
            used |= std::uint64_t{1} << best_j;
            const double wa = ta[i].weight, wb = tb[best_j].weight, w = std::min(wa, wb);
            norm_a += w * w - wa * wa;
            norm_b += w * w - wb * wb;
            dot += best * w * w;
            covered += best * w * w;
            if (i >= 64) continue;
            matched |= std::uint64_t{1} << i;
            partner_of_a[i] = static_cast<std::uint8_t>(best_j);
            partner_of_b[best_j] = static_cast<std::uint8_t>(i);
            if (best == abbreviation_similarity) {
                abbreviated_a |= std::uint64_t{1} << i;
                abbreviated_b |= std::uint64_t{1} << best_j;
            }
        }
    }
    // A word left over, or only abbreviated, on one side may stand for several of the other's words
    // (name_runs.hpp): it then weighs as those words, as a misspelt word weighs as its spelling.
    const bool words_left = std::popcount(matched) < static_cast<int>(std::min(a.token_count, 64u)) ||
                            std::popcount(used) < static_cast<int>(std::min(b.token_count, 64u));
    if (words_left && a.name != no_value && b.name != no_value) {
        struct Side {
            const NameToken* tokens;
            std::uint32_t count;
            std::uint64_t& matched;
            std::uint64_t& abbreviated;
            std::array<std::uint8_t, 64>& partner;
            double& norm;
            std::uint32_t name;
        };
        Side side_a{ta, a.token_count, matched, abbreviated_a, partner_of_a, norm_a, a.name};
        Side side_b{tb, b.token_count, used, abbreviated_b, partner_of_b, norm_b, b.name};
        auto weight_sq = [](const NameToken& t) { return double(t.weight) * t.weight; };
        auto match_runs = [&](Side& x, Side& y) {
            for (std::uint32_t i = 0; i < x.count && i < 64; ++i) {
                const std::uint64_t bit = std::uint64_t{1} << i;
                const bool abbreviated = (x.abbreviated & bit) != 0;
                if ((x.matched & bit) && !abbreviated) continue;
                // An abbreviated word's partner is free for the run; the run must then take it.
                const std::uint64_t partner_bit = abbreviated ? std::uint64_t{1} << x.partner[i] : 0;
                const NameRun run =
                    match_name_run(index, x.tokens[i], y.name, y.tokens, y.count, y.matched & ~partner_bit);
                if (run.tokens == 0 || (abbreviated && !(run.tokens & partner_bit))) continue;
                if (abbreviated) {  // take the abbreviation's share back out
                    const NameToken& p = y.tokens[x.partner[i]];
                    const double w = std::min(x.tokens[i].weight, p.weight), share = abbreviation_similarity * w * w;
                    x.norm -= w * w - weight_sq(x.tokens[i]);
                    y.norm -= w * w - weight_sq(p);
                    dot -= share;
                    covered -= share;
                    x.abbreviated &= ~bit;
                    y.abbreviated &= ~partner_bit;
                }
                double run_weight = 0;
                for (std::uint32_t j = 0; j < y.count && j < 64; ++j)
                    if (run.tokens >> j & 1) run_weight += weight_sq(y.tokens[j]);
                x.matched |= bit;
                y.matched |= run.tokens;
                x.norm += run_weight - weight_sq(x.tokens[i]);
                dot += run.similarity * run_weight;
                covered += run.similarity * run_weight;
            }
        };
        match_runs(side_a, side_b);
        match_runs(side_b, side_a);
    }
    // A name wholly inside the other ("Love Learning Center" in "Chicago State University the Love Learning
    // Center") is strong but not full evidence: the weighted share of the shorter name that was matched.
    double cosine = norm_a > 0 && norm_b > 0 ? dot / std::sqrt(norm_a * norm_b) : 0.0;
    double shorter = std::min(norm_a, norm_b);
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
                [&] { return "different: " + std::string(index.text(a.business_id)) + " and " + std::string(index.text(b.business_id)); });
        } else if (a.city_of_helsinki || b.city_of_helsinki || index.names_sharing(a.business_id) > 3) {
            // One business ID, many orderers (the City's divisions): the ID names the organisation only.
            add("business_id", 1, [&] { return "both " + std::string(index.text(a.business_id)) + ", which " +
                                      std::to_string(index.names_sharing(a.business_id)) + " names share"; });
        } else {
            add("business_id", shared(rules.business_id_equal, sharing_discount(index, a.business_id, rules)),
                [&] { return "both " + std::string(index.text(a.business_id)); });
        }
    }
    const TreeEvidence tree = a.city_of_helsinki || b.city_of_helsinki || a.business_id != no_value
                                  ? compare_in_tree(index, a, b)
                                  : TreeEvidence{};
    if (a.city_of_helsinki && b.city_of_helsinki && a.department != no_value && b.department != no_value) {
        if (a.department == b.department) {
            add("department", rules.department_equal, [&] { return "both " + std::string(index.text(a.department)); });
        } else if (tree.relation != TreeRelation::same_site) {  // one site, named with and without its division
            result.hard_negative = true;
            add("department", rules.department_different,
                [&] { return "different divisions: " + std::string(index.text(a.department)) + " and " + std::string(index.text(b.department)); });
        }
    }
    switch (tree.relation) {
        case TreeRelation::same_site:
            add("site", rules.site_equal, [&] { return "one site: " + tree.site_a + " and " + tree.site_b; });
            break;
        case TreeRelation::different_sites:
            result.hard_negative = true;
            add("site", rules.site_different, [&] { return "different sites: " + tree.site_a + " and " + tree.site_b; });
            break;
        case TreeRelation::parent_and_site:
            result.hard_negative = true;
            add("site", rules.site_different,
                [&] { return "a division and one of its sites: " + (tree.site_a.empty() ? tree.site_b : tree.site_a); });
            break;
        case TreeRelation::none: break;
    }

    double similarity = name_similarity(index, a, b);
    add("name", rules.name_weight * similarity - rules.name_offset, [&] { return format("similarity %.2f", similarity); });

    const Address address =
        compare_addresses(index, a, b, similarity >= same_place_name && a.phone != no_value && a.phone == b.phone);
    // Only pairs sharing a mailbox or at different streets ask whether both names are persons' (a word lookup).
    auto both_persons = [&] { return named_after_a_person(index, a) && named_after_a_person(index, b); };
    // At two different buildings a shared phone or mailbox may be the organisation's (a head office's
    // number, a shared mailbox) rather than the site's: it counts only in part there.
    const bool other_site = address == Address::different_buildings;
    const double contact_share = other_site ? rules.contact_at_other_building : 1.0;
    auto at_other_site_text = [&] { return other_site ? format(", at different buildings: counts %.2f of it", contact_share) : std::string(); };
    if (a.phone != no_value && b.phone != no_value) {
        if (a.phone == b.phone)
            add("phone", contact_share * shared(rules.phone_equal, sharing_discount(index, a.phone, rules)),
                [&] { return "both " + std::string(index.text(a.phone)) + " (" + std::to_string(index.names_sharing(a.phone)) + " names)" + at_other_site_text(); });
        else
            add("phone", rules.phone_different, [&] { return "different"; });
    }
    if (a.email != no_value && b.email != no_value) {
        if (a.email == b.email && mailbox_says_nothing_between_persons(a) && both_persons())
            add("email", 0, [&] { return "both " + std::string(index.text(a.email)) + ": a shared mailbox, no evidence between persons"; });
        else if (a.email == b.email)
            add("email",
                contact_share *
                    shared(a.email_generic ? rules.email_generic_equal : rules.email_equal, sharing_discount(index, a.email, rules)),
                [&] { return "both " + std::string(index.text(a.email)) + at_other_site_text(); });
        else if (a.email_domain != no_value && a.email_domain == b.email_domain)
            add("email", shared(rules.email_domain_equal, sharing_discount(index, a.email_domain, rules)),
                [&] { return "same domain " + std::string(index.text(a.email_domain).substr(1)); });
    }
    switch (address) {
        case Address::equal:
            add("address", shared(rules.address_equal, sharing_discount(index, a.street, rules)),
                [&] { return "both " + std::string(index.text(a.street)) + " (" + std::to_string(index.names_sharing(a.street)) + " names)"; });
            break;
        case Address::similar:
            add("address",
                shared(rules.address_similar, std::max(sharing_discount(index, a.street, rules), sharing_discount(index, b.street, rules))),
                [&] { return "similar: " + std::string(index.text(a.street)) + " and " + std::string(index.text(b.street)); });
            break;
        case Address::different_buildings:
            add("address", rules.address_different,
                [&] { return "different buildings: " + std::string(index.text(a.street)) + " and " + std::string(index.text(b.street)); });
            break;
        case Address::one_place_two_numbers:
            add("address", rules.address_unclear, [&] {
                return "one street, other numbers: " + std::string(index.text(a.street)) + " and " +
                       std::string(index.text(b.street)) + ", with one name and phone";
            });
            break;
        case Address::unclear: add("address", rules.address_unclear, [] { return std::string("different addresses"); }); break;
        case Address::postcode_different:
            add("address", rules.postcode_different, [] { return std::string("different postcodes"); });
            break;
        case Address::unknown: break;
    }
    if ((address == Address::different_buildings || address == Address::postcode_different) &&
        !personal_contact_agrees(a, b) && both_persons()) {
        result.hard_negative = true;
        add("namesakes", rules.namesakes_apart,
            [] { return std::string("persons' names at different streets, with no personal phone or email in common"); });
    }
    if (a.legal_form != no_value && b.legal_form != no_value && a.legal_form != b.legal_form)
        add("legal_form", rules.legal_form_different,
            [&] { return "different: " + std::string(index.text(a.legal_form)) + " and " + std::string(index.text(b.legal_form)); });
    return result;
}

}  // namespace jobcenter::register_plugin

// The entry-time duplicate check: normalise the would-be orderer, gather candidate records by the same
// keys the batch run blocks on, score them with the register's rarity figures, report per orderer.
#include "register/commands/check_command.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "jobcenter/params.hpp"
#include "register/commands/tree_place.hpp"
#include "register/contacts/contact_log.hpp"
#include "register/import/import_keys.hpp"
#include "register/index/key_revision.hpp"
#include "register/index/name_words.hpp"
#include "register/index/record_keys.hpp"
#include "register/normalize/business_id.hpp"
#include "register/normalize/city_of_helsinki.hpp"
#include "register/normalize/lost_zeros.hpp"
#include "register/normalize/normalize.hpp"
#include "register/scoring/explanation.hpp"
#include "register/scoring/match_rules.hpp"
#include "register/scoring/pair_scoring.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

struct Probe {
    NormalizedName name;
    std::string business_id;
    std::optional<std::string> phone;
    NormalizedEmail email;
    NormalizedAddress address;
};

std::int64_t count_of(Database& db, const std::string& sql, const std::string& value) {
    auto& q = db.cached(sql);
    q.bind(1, value);
    std::int64_t n = q.step() ? q.get_int(0) : 0;
    q.reset();
    return n;
}

// A figure of the whole register kept by the last dedupe run (register_stat), if it kept one.
std::optional<std::int64_t> kept_figure(Database& db, const char* kind, const std::string& value) {
    auto& q = db.cached("SELECT count FROM register_stat WHERE kind = ? AND value = ?");
    q.bind(1, kind).bind(2, value);
    std::optional<std::int64_t> kept;
    if (q.step()) kept = q.get_int(0);
    q.reset();
    return kept;
}

// The kept figure, or counted now with `sql` when the run did not keep it (too rare to keep, or new since).
std::int64_t register_figure(Database& db, const char* kind, const std::string& value, const std::string& sql) {
    auto kept = kept_figure(db, kind, value);
    return kept ? *kept : count_of(db, sql, value);
}

// Adds the records `sql` finds for `value` (its second parameter is the row limit), unless more than
// `limit` do: then the value is too common to say anything.
void gather(Database& db, const std::string& sql, const std::string& value, std::size_t limit,
            std::set<std::int64_t>& into) {
    if (value.empty()) return;
    auto& q = db.cached(sql);
    q.bind(1, value).bind(2, static_cast<std::int64_t>(limit + 1));
    std::vector<std::int64_t> found;
    while (q.step()) found.push_back(q.get_int(0));
    q.reset();
    if (found.size() <= limit) into.insert(found.begin(), found.end());
}

// One statement per kind of record key: `head`, the kind's number, `tail`.
using PerKind = std::array<std::string, record_key_kinds>;
PerKind per_kind(const std::string& head, const std::string& tail) {
    PerKind each;
    for (std::size_t k = 0; k < each.size(); ++k) each[k] = head + std::to_string(k + 1) + tail;
    return each;
}

// The records with a key of `kind` equal to the first parameter, up to the second.
const std::string& by_key(KeyKind kind) {
    static const PerKind sql = per_kind("SELECT record_id FROM record_key WHERE kind = ", " AND value = ? LIMIT ?");
    return sql[static_cast<std::size_t>(kind) - 1];
}

// How many distinct name keys the records with a key of `kind` equal to the parameter have.
const std::string& names_sharing(KeyKind kind) {
    static const PerKind sql = per_kind(
        "SELECT count(DISTINCT s.name_key) FROM record_key k JOIN source_record s ON s.id = k.record_id WHERE k.kind = ",
        " AND k.value = ?");
    return sql[static_cast<std::size_t>(kind) - 1];
}

// What the check proposes for a name in the City's tree: the site already registered, or a new site of its
// division (or the division's own orderer).
std::string tree_proposal(const PlaceInTree& place, const json::array& matches, bool best_is_linked) {
    if (!matches.empty() && best_is_linked) {
        const auto& best = matches.front().as_object();
        return "the existing orderer " + std::to_string(best.at("orderer").as_int64()) + " (" +
               std::string(best.at("name").as_string()) + ")";
    }
    const std::string division = place.division.empty() ? std::string("the City of Helsinki")
                                                        : "division " + std::string(city_of_helsinki::division_display_name(place.division));
    const std::string parent = place.division_orderer ? " (orderer " + std::to_string(*place.division_orderer) + ")" : "";
    if (!place.site.empty()) return "a new site of " + division + parent;
    if (place.division_orderer) return "the division's orderer " + std::to_string(*place.division_orderer);
    if (!place.division.empty()) return "a new orderer for " + division;
    return "the City of Helsinki itself: name its division and site";
}

}  // namespace

json::value check_command(Context& ctx, const json::object& request) {
    Database& db = ctx.db();
    const MatchRules rules = load_match_rules(ctx);
    const auto limit = params::optional_integer(request, "limit").value_or(5);
    if (limit < 1 || limit > 100) throw InputError("the limit must be between 1 and 100", "--limit");

    Probe probe;
    probe.name = normalize_name(params::required_string(request, "name"));
    if (probe.name.key.empty()) throw InputError("the name has no letters or digits", "--name");
    json::array warnings;
    // Values with lost leading zeros are read as an import reads them, and the reply says so.
    auto entered = [&](EnteredValue value) {
        if (value.note) warnings.push_back(json::value(*value.note));
        return std::move(value.value);
    };
    if (auto raw = params::optional_string(request, "business_id"); raw && !raw->empty()) {
        EnteredBusinessId entered_id = entered_business_id(*raw);
        if (entered_id.note) warnings.push_back(json::value(*entered_id.note));
        if (entered_id.id.valid) probe.business_id = entered_id.id.canonical;
        else warnings.push_back(json::value("business ID not used: " + entered_id.id.problem));
    }
    const std::string phone_country = params::optional_string(request, "phone_country").value_or("358");
    probe.phone = phone_key(normalize_phone(
        entered(entered_phone(params::optional_string(request, "phone").value_or(""), phone_country)), phone_country));
    probe.email = normalize_email(params::optional_string(request, "email").value_or(""));
    probe.address = normalize_address(params::optional_string(request, "street").value_or(""),
                                      entered(entered_postcode(params::optional_string(request, "postcode").value_or(""))),
                                      params::optional_string(request, "city").value_or(""));

    // Candidates: the keys the batch run blocks on (the unit's blocking rules), each up to max_block records.
    const BlockingRules& keys = rules.blocking;
    std::set<std::int64_t> candidates;
    const std::size_t cap = keys.max_block;
    if (keys.business_id && !probe.name.city_of_helsinki)
        gather(db, by_key(KeyKind::business_id), probe.business_id, cap, candidates);
    if (keys.phone) gather(db, by_key(KeyKind::phone), probe.phone.value_or(""), cap, candidates);
    if (keys.email && probe.email.valid) gather(db, by_key(KeyKind::email), probe.email.address, cap, candidates);
    if (keys.street) gather(db, by_key(KeyKind::street), probe.address.street_key, cap, candidates);
    if (keys.name) gather(db, by_key(KeyKind::name), probe.name.key, cap, candidates);
    std::map<std::string, std::uint32_t> probe_token_df;
    for (const auto& token : probe.name.tokens)
        probe_token_df[token] = static_cast<std::uint32_t>(records_with_word_count(db, token));
    std::vector<std::pair<std::uint32_t, std::string>> rarest;
    // Rarest first, as the batch run picks them; a word no record has (often a typo) is the rarest of all:
    // it finds nothing whole, but its prefix may.
    for (const auto& [token, df] : probe_token_df) rarest.emplace_back(df, token);
    std::sort(rarest.begin(), rarest.end());
    for (std::size_t i = 0; i < rarest.size() && i < keys.name_words; ++i) {
        const std::string& word = rarest[i].second;
        if (rarest[i].first > 0) {
            const auto found = records_with_word(db, word, cap);
            candidates.insert(found.begin(), found.end());
        }
        if (keys.name_word_prefix > 0 && word.size() > keys.name_word_prefix) {
            const auto found = records_with_word(db, word.substr(0, keys.name_word_prefix), cap, true);
            candidates.insert(found.begin(), found.end());
        }
    }

    // An index of the candidates plus the probe, weighted with the whole register's figures.
    RecordIndex index = RecordIndex::load_only(db, std::vector<std::int64_t>(candidates.begin(), candidates.end()));
    IndexedRecord p;
    p.name = index.intern(probe.name.key);
    p.legal_form = index.intern(probe.name.legal_form);
    p.department = index.intern(probe.name.department_key);
    p.city_of_helsinki = probe.name.city_of_helsinki;
    p.business_id = index.intern(probe.business_id);
    p.phone = index.intern(probe.phone.value_or(""));
    if (probe.email.valid) {
        p.email = index.intern(probe.email.address);
        p.email_generic = probe.email.generic_mailbox;
        if (!probe.email.free_mail) p.email_domain = index.intern("@" + probe.email.domain);
    }
    p.street = index.intern(probe.address.street_key);
    p.postcode = index.intern(probe.address.postcode);
    p.city = index.intern(probe.address.city_key);
    index.add(p, probe.name.tokens);

    // Document counts of every word of the probe and of the candidates, in the whole register, in one
    // statement from the name-word index.
    std::unordered_map<std::string, std::uint32_t> token_df(probe_token_df.begin(), probe_token_df.end());
    std::vector<std::string> unknown_words;
    for (const auto& record : index.records)
        for (std::uint32_t t = record.first_token; t < record.first_token + record.token_count; ++t) {
            const std::string word(index.text(index.tokens[t].token));
            if (token_df.try_emplace(word, 0).second) unknown_words.push_back(word);
        }
    for (const auto& [word, count] : records_with_words_count(db, unknown_words))
        token_df[word] = static_cast<std::uint32_t>(count);
    std::unordered_map<std::string, std::uint32_t> sharing;
    const KeyKind sharing_kinds[] = {KeyKind::business_id, KeyKind::phone, KeyKind::email, KeyKind::street};
    const std::string probe_values[] = {probe.business_id, probe.phone.value_or(""),
                                        probe.email.valid ? probe.email.address : "", probe.address.street_key};
    for (int i = 0; i < 4; ++i)
        if (!probe_values[i].empty())
            sharing[probe_values[i]] = static_cast<std::uint32_t>(register_figure(db, "value", probe_values[i], names_sharing(sharing_kinds[i])));
    if (probe.email.valid && !probe.email.free_mail) {
        // A domain the last run did not keep is counted among the candidates (no index finds it faster).
        const std::string domain = "@" + probe.email.domain;
        if (auto kept = kept_figure(db, "value", domain)) sharing[domain] = static_cast<std::uint32_t>(*kept);
    }
    // Records are never deleted, so the largest id is the register's size without a scan.
    auto& size = db.cached("SELECT coalesce(max(id), 0) FROM source_record");
    const auto population = static_cast<std::size_t>(size.step() ? size.get_int(0) : 0);
    size.reset();
    index.finish_with(population, token_df, sharing);

    // The best-scoring record of each orderer; orderers below the review score are left out.
    const IndexedRecord& probe_record = index.records.back();
    struct Hit {
        std::int64_t orderer;
        std::int64_t record;
        double score;
        std::vector<Evidence> evidence;
    };
    std::map<std::int64_t, Hit> best;
    for (std::size_t i = 0; i + 1 < index.size(); ++i) {
        const auto& r = index.records[i];
        std::vector<Evidence> evidence;
        PairScore s = score_pair(index, probe_record, r, rules, &evidence);
        if (s.hard_negative || s.score < rules.review_score) continue;
        auto it = best.find(r.orderer_id);
        if (it == best.end() || s.score > it->second.score)
            best[r.orderer_id] = Hit{r.orderer_id, r.id, s.score, std::move(evidence)};
    }
    std::vector<Hit> hits;
    for (auto& [orderer, hit] : best) hits.push_back(std::move(hit));
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.score != b.score ? a.score > b.score : a.orderer < b.orderer;
    });
    if (hits.size() > static_cast<std::size_t>(limit)) hits.resize(static_cast<std::size_t>(limit));

    json::array matches;
    RecentContacts recent(ctx);
    for (const auto& hit : hits) {
        auto& q = db.cached("SELECT o.name, s.unit, s.source_id, s.name FROM orderer o, source_record s WHERE o.id = ? AND s.id = ?");
        q.bind(1, hit.orderer).bind(2, hit.record);
        json::object m{{"orderer", hit.orderer}};
        if (q.step()) {
            m["name"] = q.get_text(0);
            m["matched_record"] = q.get_text(1) + "/" + q.get_text(2) + ": " + q.get_text(3);
        }
        q.reset();
        char probability_text[16];
        std::snprintf(probability_text, sizeof probability_text, "%.3f", probability(hit.score));
        char score_text[16];
        std::snprintf(score_text, sizeof score_text, "%.1f", hit.score);
        m["score"] = score_text;
        m["probability"] = probability_text;
        m["verdict"] = hit.score >= rules.link_score ? "same orderer" : "possibly the same: check";
        m["reasons"] = evidence_json(hit.evidence);
        auto contacts = recent.by_others(hit.orderer);
        if (!contacts.empty()) m["recent_contacts"] = std::move(contacts);
        matches.push_back(std::move(m));
    }
    json::object result{{"name_key", probe.name.key}, {"candidates_scored", index.size() - 1}, {"count", matches.size()}};
    if (auto place = place_of(db, {probe.name.key, probe.name.department_key, probe.business_id, probe.name.city_of_helsinki})) {
        json::object tree = place_json(db, *place, 0);
        const bool linked = !hits.empty() && hits.front().score >= rules.link_score;
        tree["proposal"] = tree_proposal(*place, matches, linked);
        result["tree"] = std::move(tree);
    }
    result["matches"] = std::move(matches);
    if (auto outdated = outdated_key_revision(db))
        warnings.push_back(json::value(outdated_keys_warning(
            *outdated, "records whose keys this version reads otherwise may be missed until the next dedupe reads "
                       "them again")));
    if (!warnings.empty()) result["warnings"] = std::move(warnings);
    return result;
}

}  // namespace jobcenter::register_plugin

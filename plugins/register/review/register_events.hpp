// The register's decision history: writing events (merges, dedupe moves, unmerges, "not the same",
// skips) with who, when and why and the records they concern, and reading back the standing decisions
// that dedupe must honour.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "jobcenter/context.hpp"

namespace jobcenter::register_plugin {

// Who decided, for what reason, and when.
struct Actor {
    std::string by;      // the person, or "dedupe"
    std::string unit;
    std::string role;
    std::string at;
    std::string reason;
};

// The actor of a command: --by and --reason are required, both non-empty.
Actor actor_of(Context& ctx, const boost::json::object& request);

struct NewEvent {
    std::string kind;  // merge, dedupe, unmerge, not_same, skip
    std::int64_t orderer_id = 0;
    std::int64_t other_id = 0;      // 0: none
    std::int64_t review_id = 0;     // 0: none
    std::int64_t undoes = 0;        // 0: none
    std::string detail = "{}";
};

std::int64_t record_event(Database& db, const NewEvent& event, const Actor& actor);
// Adds the event's records on one side ('a' or 'b'); from_orderer 0 for none.
void add_event_records(Database& db, std::int64_t event_id, const std::vector<std::int64_t>& records, char side,
                       std::int64_t from_orderer = 0);

// Many moves of one actor (a dedupe run's): for each, one event of `kind` with the survivor `to`, the
// orderer `from` its records came from (0: none, a new record linked as it was imported), and those
// records (side 'b', from_orderer `from`). The same rows
// as record_event and add_event_records one move after another, with the same ids, written in batches.
struct MoveEvent {
    std::int64_t to = 0, from = 0;
    const std::vector<std::int64_t>* records = nullptr;
};
void record_move_events(Database& db, const std::string& kind, const std::vector<MoveEvent>& moves, const Actor& actor);

// The source records of an orderer, by id.
std::vector<std::int64_t> records_of(Database& db, std::int64_t orderer_id);

// The decisions people made that still stand, as pairs of source record ids (smaller first):
// `same` links records a person merged; `not_same` pairs must never share an orderer.
struct StandingDecisions {
    std::vector<std::pair<std::int64_t, std::int64_t>> same;
    std::vector<std::pair<std::int64_t, std::int64_t>> not_same;
};
StandingDecisions load_standing_decisions(Database& db);

// The events that concern an orderer (or every event when orderer_id is 0), newest first, with the
// categories people set on it (kind "category").
boost::json::array history_json(Database& db, std::int64_t orderer_id, std::int64_t limit);

}  // namespace jobcenter::register_plugin

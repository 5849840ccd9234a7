// A deterministic generator of realistic worker-clients and work orders in the `matching load` interchange
// format of issue 17, with the pilot's mix (DOMAIN.md §2–4, §5.8), for the matching plugin's tests and benchmarks.
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace jobcenter::testing {

// How an order names its orderer: the register id a test creates first (1..orderers), or the business
// ID and name that the register's entry-time check resolves.
enum class OrdererReference { register_id, business_id_and_name };

struct MatchingGeneratorOptions {
    std::uint64_t seed = 1;
    int clients = 1000;
    int orders = 100;
    int orderers = 30;
    // The days the orders start on, both included (YYYY-MM-DD); it must hold a weekday when there are orders.
    std::string period_from = "2026-02-02", period_to = "2026-02-08";
    OrdererReference orderer_reference = OrdererReference::register_id;
    // Share of the clients in VATTI units (vallila, capsa, toolo); the others are in Kuty units.
    double vatti_share = 0.6;
    // The seats of all orders together are this many per order, rounded (1 to 10).
    double seats_per_order = 3.0;
};

// One orderer the orders refer to: what a test enters in the register first, in id order, so that the ids
// 1..orderers and the names resolve. category is the register's: company or association.
struct GeneratedOrderer {
    int id = 0;
    std::string name, business_id, postcode, category;
};

// options.orderers orderers with distinct names and distinct valid business IDs.
std::vector<GeneratedOrderer> matching_orderers(const MatchingGeneratorOptions& options);

// The orderers as a semicolon CSV with LF line ends that `register import FILE` reads (header
// id;Yritys;Y-tunnus;Postinumero;Postitoimipaikka;Kategoria): into an empty register, row n becomes orderer n.
std::string orderers_csv(const std::vector<GeneratedOrderer>& orderers);

// {"units": [{"name", "title", "organisation"}], "clients": [...], "orders": [...]}: the six units the
// clients belong to, then options.clients clients C-000001... and options.orders open orders T-000001...
// in the field names and value forms of the issue. The same options give the same object and so the
// same serialized text. Throws std::invalid_argument naming the option that is out of range.
boost::json::object generate_matching_data(const MatchingGeneratorOptions& options);

}  // namespace jobcenter::testing

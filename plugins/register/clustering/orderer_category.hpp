// An orderer's category (schema/register/001_orderers.sql): a source record's as its name tells it (the
// City's names, a parish, the legal form), and an orderer's inferred from its records' by a fixed rule.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace jobcenter::register_plugin {

// In the order ties between them are broken in.
enum class OrdererCategory : std::size_t { city, company, association, foundation, parish, private_person, unknown };
constexpr std::array<std::string_view, 7> orderer_category_names{"city",   "company",        "association", "foundation",
                                                                 "parish", "private_person", "unknown"};

constexpr std::string_view category_name(OrdererCategory c) { return orderer_category_names[static_cast<std::size_t>(c)]; }
// The category of a name, or nullopt when it names none.
std::optional<OrdererCategory> category_named(std::string_view name);

// Who decided an orderer's category: inferred from its records, or set by a person.
enum class CategorySource { inferred, person };
constexpr std::string_view category_source_name(CategorySource s) { return s == CategorySource::person ? "person" : "inferred"; }

// A source record's category from its normalised name: the City of Helsinki's names and divisions
// `city`; a name with a parish word (seurakunta, seurakuntayhtymä, församling) `parish`; then by legal
// form or a word ending in it: ry and yhdistys `association`, säätiö, sr and stiftelse `foundation`, any
// company form (Oy, Ab, Oyj, Ky, Ay, Tmi, toiminimi, As Oy, osuuskunta, Ltd, GmbH, ...) `company`;
// `unknown` when the name tells none. A person's name tells none: private_person is set by a person.
OrdererCategory record_category(std::string_view name_key, std::string_view legal_form, bool city_of_helsinki);

// An orderer's category inferred from its records': the most common of those that tell one, ties in the
// order of OrdererCategory (city, company, association, foundation, parish); `unknown` when none tells.
OrdererCategory inferred_category(std::span<const OrdererCategory> records);

}  // namespace jobcenter::register_plugin

// The classes of issue 20 in the generated registers: the City of Helsinki's sites, namesakes and the
// units whose files Excel saved; their rates, their truth, and that without them the output is the one
// of before them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "generator/register_generator.hpp"
#include "generator/unit/generator_sample.hpp"
#include "generator/unit/csv_rows.hpp"
#include "jobcenter/fnv1a.hpp"

namespace {
using jobcenter::testing::GeneratedRecord;
using jobcenter::testing::GeneratorOptions;
using jobcenter::testing::generate_registers;

using jobcenter::testing::options_with;
using jobcenter::testing::sample;

std::string digits_of(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c >= '0' && c <= '9') out += c;
    return out;
}

// A phone as one number: digits only, +358 read as the leading 0.
std::string phone_key(const std::string& phone) {
    const std::string digits = digits_of(phone);
    if (phone.find('+') != std::string::npos && digits.rfind("358", 0) == 0) return "0" + digits.substr(3);
    return digits;
}

std::string email_key(const std::string& email) {
    std::string out;
    for (char c : email)
        if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Letters of a word, lower-cased, with ä/ö/å folded as some units write them.
std::string word_key(const std::string& word) {
    std::string out;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const auto c = static_cast<unsigned char>(word[i]);
        if (c == 0xC3 && i + 1 < word.size()) {
            const auto d = static_cast<unsigned char>(word[++i]);
            out += (d == 0xB6 || d == 0x96) ? 'o' : 'a';
        } else if (std::isalpha(c)) {
            out += static_cast<char>(std::tolower(c));
        }
    }
    return out;
}

// A person's name however it is written ("Nieminen, Merja", "Tmi Merja Nieminen"): the words of the
// name but the legal form, sorted.
std::string person_key(const std::string& name) {
    std::vector<std::string> words;
    std::string word;
    for (char c : name + " ") {
        if (c == ' ' || c == ',') {
            const std::string key = word_key(word);
            if (!key.empty() && key != "tmi" && key != "toiminimi") words.push_back(key);
            word.clear();
        } else {
            word += c;
        }
    }
    std::sort(words.begin(), words.end());
    std::string out;
    for (const auto& w : words) out += w + " ";
    return out;
}

// A street as a place: the first eight letters of its name and its house number, so that "Malminkaari
// 5 A" and "MALMINKAARI 5a" meet and "Kauppakartanonkatu 5" and "Kauppamiehentie 5" do not.
std::string street_key(const std::string& street) {
    std::string letters = word_key(street.substr(0, street.find(' ')));
    letters.resize(std::min<std::size_t>(letters.size(), 8));
    const std::size_t number = street.find_first_of("0123456789");
    const std::size_t end = street.find_first_not_of("0123456789", number);
    return letters + (number == std::string::npos ? "" : street.substr(number, end - number));
}

std::size_t entities_where(const std::vector<GeneratedRecord>& records, bool (*keep)(const GeneratedRecord&)) {
    std::set<std::string> ids;
    for (const auto& r : records)
        if (keep(r)) ids.insert(r.true_id);
    return ids.size();
}

// Without the three classes the output is the one of before them, byte for byte (the fingerprint of
// `generate_registers --records 10000 --seed 7 --with-truth-column` before the classes were added).
TEST(RegisterGeneratorClasses, ClassicGivesTheOutputOfBefore) {
    const std::string csv = jobcenter::testing::registers_csv(generate_registers(options_with(7, 10000).classic()), true);
    EXPECT_EQ(jobcenter::fnv1a(csv), 0xe11d5cf8ad80c374ULL);
    GeneratorOptions off = options_with(7, 10000);
    off.city_site_share = 0.0;
    off.namesake_share = 0.0;
    off.excel_units = 0;
    EXPECT_EQ(jobcenter::fnv1a(jobcenter::testing::registers_csv(generate_registers(off), true)), 0xe11d5cf8ad80c374ULL);
}

TEST(RegisterGeneratorClasses, SameOptionsGiveTheSameBytes) {
    const auto a = jobcenter::testing::registers_csv(generate_registers(options_with(5, 20000)), true);
    const auto b = jobcenter::testing::registers_csv(generate_registers(options_with(5, 20000)), true);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, jobcenter::testing::registers_csv(generate_registers(options_with(5, 20000).classic()), true));
}

TEST(RegisterGeneratorClasses, RejectsSharesBeyondTheWhole) {
    GeneratorOptions options = options_with(1, 10);
    options.city_site_share = 0.6;
    options.namesake_share = 0.5;
    EXPECT_THROW(generate_registers(options), std::invalid_argument);
    options.city_site_share = -0.1;
    options.namesake_share = 0.0;
    EXPECT_THROW(generate_registers(options), std::invalid_argument);
}

// 0.04 of 6,000 entities are City sites (240, binomial spread about 15); 0.08 are namesakes (480, about
// 21), of which about 0.35 sole traders; two of the seven units are saved from Excel, every record of theirs.
TEST(RegisterGeneratorClasses, EachClassComesAtItsRate) {
    const auto& records = sample();
    const std::size_t sites = entities_where(records, [](const GeneratedRecord& r) { return r.category == "public_site"; });
    EXPECT_GE(sites, 195u);
    EXPECT_LE(sites, 285u);
    const std::size_t namesakes = entities_where(records, [](const GeneratedRecord& r) { return r.namesake; });
    EXPECT_GE(namesakes, 415u);
    EXPECT_LE(namesakes, 545u);
    const std::size_t traders = entities_where(records, [](const GeneratedRecord& r) { return r.category == "sole_trader"; });
    EXPECT_GE(traders, 120u);
    EXPECT_LE(traders, 220u);
    for (const auto& r : records)
        if (r.namesake) {
            EXPECT_TRUE(r.category == "private_person" || r.category == "sole_trader") << r.category;
        }

    std::map<std::string, std::set<bool>> excel_by_unit;
    for (const auto& r : records) excel_by_unit[r.unit].insert(r.excel_saved);
    std::size_t excel_units = 0;
    for (const auto& [unit, flags] : excel_by_unit) {
        EXPECT_EQ(flags.size(), 1u) << unit << ": a unit's file is saved one way";
        if (flags.count(true) != 0) ++excel_units;
    }
    EXPECT_EQ(excel_units, 2u);

    // Every kind of before is still there.
    std::set<std::string_view> categories;
    for (const auto& r : records) categories.insert(r.category);
    for (std::string_view kind : {"company", "housing_company", "chain_store", "association", "foundation", "parish",
                                  "public_division", "public_unit", "public_body", "private_person"})
        EXPECT_EQ(categories.count(kind), 1u) << kind;
}

TEST(RegisterGeneratorClasses, CityHasHundredsOfSitesUpToAllItKnows) {
    GeneratorOptions big = options_with(7, 60000);
    std::set<std::string> sites;
    for (const auto& r : generate_registers(big))
        if (r.category == "public_site") sites.insert(r.true_id);
    EXPECT_EQ(sites.size(), 1136u) << "36,000 entities hold every site the generator knows";
}

// Every record of a site carries the City's business ID or none, each site is an entity of its own
// (its full name names one true_id), and its records spell it several ways, often with the head
// office's mailbox or street.
TEST(RegisterGeneratorClasses, CitySitesAreEntitiesOfTheirOwnUnderTheCitysBusinessId) {
    std::map<std::string, std::set<std::string>> ids_of_full_name;
    std::map<std::string, std::set<std::string>> names_of_site, units_of_site;
    std::size_t records = 0, generic_box = 0, head_office = 0, swedish = 0, hki = 0, bare = 0;
    for (const auto& r : sample()) {
        if (r.category != "public_site") continue;
        ++records;
        const std::string id = digits_of(r.business_id);
        EXPECT_TRUE(id.empty() || id == "02012566") << r.business_id << " " << r.name;
        if (r.noise == 0) ids_of_full_name[word_key(r.name)].insert(r.true_id);
        names_of_site[r.true_id].insert(r.name);
        units_of_site[r.true_id].insert(r.unit);
        const std::string email = email_key(r.email);
        if (email == "info@hel.fi" || email == "toimisto@hel.fi" || email == "kirjaamo@hel.fi") ++generic_box;
        if (r.street.find("Pohjoisesplanadi 11-13") != std::string::npos) ++head_office;
        if (r.name.find("Helsingfors stad") != std::string::npos) ++swedish;
        if (r.name.rfind("Hki / ", 0) == 0) ++hki;
        if (r.name.find(',') == std::string::npos && r.name.find('/') == std::string::npos) ++bare;
    }
    for (const auto& [name, ids] : ids_of_full_name) EXPECT_EQ(ids.size(), 1u) << name;
    EXPECT_EQ(ids_of_full_name.size(), names_of_site.size()) << "one full name per site";
    std::size_t spelt_two_ways = 0, spelt_three_ways = 0, in_several_units = 0;
    for (const auto& [id, names] : names_of_site) {
        if (names.size() >= 2) ++spelt_two_ways;
        if (names.size() >= 3) ++spelt_three_ways;
    }
    for (const auto& [id, units] : units_of_site)
        if (units.size() >= 2) ++in_several_units;
    EXPECT_GE(names_of_site.size(), 200u);
    EXPECT_GE(spelt_two_ways, names_of_site.size() * 2 / 3);
    EXPECT_GE(spelt_three_ways, names_of_site.size() / 3);
    EXPECT_GE(in_several_units, names_of_site.size() * 2 / 3);
    EXPECT_GT(generic_box * 5, records) << "over a fifth give a generic mailbox of the City";
    EXPECT_GT(head_office * 20, records) << "over a twentieth give the head office's street";
    EXPECT_GT(swedish, 20u);
    EXPECT_GT(hki, 20u);
    EXPECT_GT(bare, records / 5);
}

// A division's bare name is its own entity, the parent of its sites and never one of them.
TEST(RegisterGeneratorClasses, DivisionIsNotItsSites) {
    std::map<std::string, std::string> division_id;  // full name -> true_id
    for (const auto& r : sample())
        if (r.category == "public_division" && r.noise == 0) division_id[r.name] = r.true_id;
    std::size_t sites_with_their_division = 0;
    for (const auto& r : sample()) {
        if (r.category != "public_site" || r.noise != 0) continue;
        for (const auto& [name, id] : division_id)
            if (word_key(r.name).rfind(word_key(name), 0) == 0) {
                EXPECT_NE(r.true_id, id);
                ++sites_with_their_division;
            }
    }
    EXPECT_GT(sites_with_their_division, 180u);
}

// Namesakes of one name live at streets of their own; one person's records all share the personal
// phone or email the first gives; some give a generic box on a free-mail or operator domain.
TEST(RegisterGeneratorClasses, NamesakesAtDifferentStreetsAreDifferentPersons) {
    std::map<std::string, std::map<std::string, std::string>> street_of;  // name -> true_id -> street key
    std::map<std::string, std::pair<std::string, std::string>> first_contact;  // true_id -> phone, email
    std::map<std::string, std::set<std::string>> generic_users;  // generic box -> true_ids
    for (const auto& r : sample()) {
        if (!r.namesake || r.noise != 0) continue;
        street_of[person_key(r.name)][r.true_id] = street_key(r.street);
        ASSERT_FALSE(r.phone.empty()) << r.name;
        ASSERT_FALSE(r.email.empty()) << r.name;
        first_contact[r.true_id] = {phone_key(r.phone), email_key(r.email)};
    }
    std::size_t shared_names = 0;
    for (const auto& [name, streets] : street_of) {
        if (streets.size() >= 2) ++shared_names;
        std::set<std::string> distinct;
        for (const auto& [id, street] : streets) distinct.insert(street);
        EXPECT_EQ(distinct.size(), streets.size()) << name << ": two namesakes at one street";
    }
    EXPECT_GE(shared_names, 100u) << "most of the 120 common names are shared by two or more persons";

    std::size_t copies = 0;
    for (const auto& r : sample()) {
        if (!r.namesake) continue;
        const std::string email = email_key(r.email);
        if (email.rfind("info@", 0) == 0 || email.rfind("toimisto@", 0) == 0) generic_users[email].insert(r.true_id);
        if (r.noise == 0) continue;
        ++copies;
        const auto& [phone, personal] = first_contact.at(r.true_id);
        EXPECT_TRUE(phone_key(r.phone) == phone || email == personal) << r.name << " " << r.phone << " " << r.email;
    }
    EXPECT_GT(copies, 100u);
    std::size_t shared_boxes = 0;
    for (const auto& [box, ids] : generic_users)
        if (ids.size() >= 2) ++shared_boxes;
    EXPECT_GE(shared_boxes, 3u) << "a generic box is given by several persons";
}

TEST(RegisterGeneratorClasses, CommonNamesRecurManyTimesAt100000Records) {
    std::map<std::string, std::set<std::string>> persons_of_name;
    for (const auto& r : generate_registers(options_with(7, 100000)))
        if (r.namesake && r.noise == 0) persons_of_name[person_key(r.name)].insert(r.true_id);
    EXPECT_EQ(persons_of_name.size(), 120u);
    for (const auto& [name, persons] : persons_of_name) EXPECT_GE(persons.size(), 20u) << name;
}

// The files of the Excel units hold postcodes, phones and business IDs without their leading zeros
// where the value was all digits; nothing else changes, and nothing in the other units.
TEST(RegisterGeneratorClasses, ExcelSavedFilesLoseLeadingZerosOfDigitValuesOnly) {
    const auto& records = sample();
    const auto rows = jobcenter::testing::csv_rows(jobcenter::testing::registers_csv(records, false));
    ASSERT_EQ(rows.size(), records.size() + 1);
    std::size_t short_postcodes = 0, short_phones = 0, short_ids = 0, text_kept = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const GeneratedRecord& r = records[i];
        const std::vector<std::string>& row = rows[i + 1];
        ASSERT_EQ(row.size(), 10u);
        EXPECT_EQ(row[2], r.name);
        EXPECT_EQ(row[4], r.street);
        EXPECT_EQ(row[8], r.email);
        const std::string fields[] = {r.business_id, r.postcode, r.phone};
        const std::string saved[] = {row[3], row[5], row[7]};
        for (int f = 0; f < 3; ++f) {
            const std::string& clean = fields[f];
            const bool digits = !clean.empty() && digits_of(clean) == clean;
            if (!r.excel_saved || !digits || clean[0] != '0') {
                EXPECT_EQ(saved[f], clean) << r.unit << " " << r.source_id;
                if (r.excel_saved && !digits && !clean.empty() && clean[0] == '0') ++text_kept;
                continue;
            }
            EXPECT_EQ(saved[f], clean.substr(clean.find_first_not_of('0'))) << clean;
            if (f == 0) {
                EXPECT_EQ(saved[f].size(), 7u) << "only the City's ID begins with 0: " << clean;
                ++short_ids;
            } else if (f == 1) {
                EXPECT_TRUE(saved[f].size() == 3 || saved[f].size() == 4) << clean << " -> " << saved[f];
                ++short_postcodes;
            } else {
                EXPECT_TRUE(saved[f].size() == 8 || saved[f].size() == 9) << clean << " -> " << saved[f];
                ++short_phones;
            }
        }
    }
    EXPECT_GT(short_postcodes, 2000u);
    EXPECT_GT(short_phones, 1000u);
    EXPECT_GT(short_ids, 20u);
    EXPECT_GT(text_kept, 100u) << "\"0201256-6\" and \"040-111 2222\" stay as they are";
}

TEST(RegisterGeneratorClasses, ExcelNumberDropsLeadingZerosOfDigitsOnly) {
    using jobcenter::testing::excel_number;
    EXPECT_EQ(excel_number("00100"), "100");
    EXPECT_EQ(excel_number("00530"), "530");
    EXPECT_EQ(excel_number("02100"), "2100");
    EXPECT_EQ(excel_number("0401112222"), "401112222");
    EXPECT_EQ(excel_number("091234567"), "91234567");
    EXPECT_EQ(excel_number("02012566"), "2012566");
    EXPECT_EQ(excel_number("12345678"), "12345678");
    EXPECT_EQ(excel_number("0201256-6"), "0201256-6");
    EXPECT_EQ(excel_number("040-111 2222"), "040-111 2222");
    EXPECT_EQ(excel_number("+358401112222"), "+358401112222");
    EXPECT_EQ(excel_number("000"), "0");
    EXPECT_EQ(excel_number(""), "");
}

}  // namespace

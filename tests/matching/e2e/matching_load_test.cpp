// End-to-end tests of `matching load`: every wrong value is refused with its exact JSON path, the exit code its
// kind says (3 bad input, 4 not found, 5 refused), and nothing written; orderers given by business ID and
// name are resolved through the register or refused with the candidates.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>

#include "matching/support/matching_fixture.hpp"
#include "support/identity_codes.hpp"

namespace {
namespace json = boost::json;

class MatchingLoad : public jobcenter::testing::MatchingCliTest {
protected:
    void SetUp() override {
        MatchingCliTest::SetUp();
        if (HasFatalFailure()) return;
        load({client("C-1"), client("C-2", {{"unit", "pakila"}})}, {order("T-1")});
    }

    // A valid file that would change what the first load wrote: C-1 renamed, C-2 and T-1 as they are, C-3 new.
    json::object changing_document() const {
        return interchange({client("C-1", {{"name", "Renamed"}}), client("C-2", {{"unit", "pakila"}}), client("C-3")},
                           {order("T-1", {{"hours", 3}}), order("T-2")});
    }

    // Loads `changing_document()` as `edit` leaves it and expects the exit code and "FILE: where: message" on
    // stderr, with the matching tables and the audit trail unchanged.
    void expect_refused(const std::function<void(json::object&)>& edit, int exit_code, const std::string& where_and_message,
                        std::vector<std::string> caller = {"--role", "coordinator"}) {
        json::object document = changing_document();
        edit(document);
        const std::string before = database_contents();
        const auto file = document_file(document);
        const auto r = load_file(file, caller);
        EXPECT_EQ(r.exit_code, exit_code) << r.err;
        EXPECT_NE(r.err.find(file + ": " + where_and_message), std::string::npos)
            << "expected: " << where_and_message << "\ngot: " << r.err;
        EXPECT_EQ(database_contents(), before) << "a refused load wrote something";
    }

    // A gig proposed through the command, so that its events and audit rows are the command's own.
    std::int64_t gig_via_command(const std::string& order_id, const std::string& client_id) {
        auto r = jc_json({"matching", "gig", "propose", "--order", order_id, "--client", client_id, "--role", "coordinator"});
        return r.at("gig").as_int64();
    }

    static json::object& client_at(json::object& document, std::size_t i) { return document["clients"].as_array()[i].as_object(); }
    static json::object& order_at(json::object& document, std::size_t i) { return document["orders"].as_array()[i].as_object(); }
};

TEST_F(MatchingLoad, AddsAndUpdatesAndCountsWhatChanged) {
    const auto file = document_file(changing_document());
    auto first = json::parse(load_file(file, {"--role", "coordinator", "--format=json"}).out);
    EXPECT_EQ(first.at("clients"), (json::object{{"added", 1}, {"updated", 1}, {"unchanged", 1}}));
    EXPECT_EQ(first.at("orders"), (json::object{{"added", 1}, {"updated", 1}, {"unchanged", 0}}));
    auto again = json::parse(load_file(file, {"--role", "coordinator", "--format=json"}).out);
    EXPECT_EQ(again.at("clients"), (json::object{{"added", 0}, {"updated", 0}, {"unchanged", 3}}));
    EXPECT_EQ(again.at("orders"), (json::object{{"added", 0}, {"updated", 0}, {"unchanged", 2}}));
    auto shown = jc_json({"matching", "client-show", "C-1", "--role", "coordinator"});
    EXPECT_EQ(shown.at("name").as_string(), "Renamed");
    EXPECT_EQ(jc_json({"matching", "order-show", "T-1"}).at("hours").as_int64(), 3);
}

TEST_F(MatchingLoad, AWrongValueNamesItsPath) {
    expect_refused([](json::object& d) { client_at(d, 1)["skills"].as_array()[0].as_object()["level"] = 7; }, 3,
                   "clients[1].skills[0].level: must be a whole number 1–5, not 7");
    expect_refused([](json::object& d) { client_at(d, 2)["skills"].as_array()[0].as_object()["level"] = 2.5; }, 3,
                   "clients[2].skills[0].level: must be a whole number 1–5, not 2.5");
    expect_refused([](json::object& d) { client_at(d, 1)["weekly_hours_max"] = 61; }, 3,
                   "clients[1].weekly_hours_max: must be from 0 minutes to 60 hours, not 61 h");
    expect_refused([](json::object& d) { client_at(d, 1)["weekly_hours_max"] = "2.51"; }, 3,
                   "clients[1].weekly_hours_max: must be whole minutes (2.51 h is not)");
    expect_refused([](json::object& d) { client_at(d, 1)["home_postcode"] = "0010"; }, 3,
                   "clients[1].home_postcode: must be a Finnish postcode of five digits, not '0010'");
    expect_refused([](json::object& d) { client_at(d, 1)["earnings"] = json::array{json::object{{"month", "2026-01"}, {"amount", "-5.00"}}}; },
                   3, "clients[1].earnings[0].amount: must not be negative");
    expect_refused([](json::object& d) { client_at(d, 1)["earnings"] = json::array{json::object{{"month", "2026-01"}, {"amount", "5.001"}}}; },
                   3, "clients[1].earnings[0].amount: ");
    expect_refused([](json::object& d) { client_at(d, 1)["earnings"] = json::array{json::object{{"month", "2026-01"}, {"amount", "1000000.01"}}}; },
                   3, "clients[1].earnings[0].amount: must be at most 1000000.00 a month, not 1000000.01");
    expect_refused([](json::object& d) { client_at(d, 1)["name"] = "  "; }, 3, "clients[1].name: must not be empty");
    expect_refused([](json::object& d) { order_at(d, 1)["min_level"] = 0; }, 3, "orders[1].min_level: must be a whole number 1–5, not 0");
    expect_refused([](json::object& d) { order_at(d, 1)["seats"] = 101; }, 3, "orders[1].seats: must be a whole number 1–100, not 101");
    expect_refused([](json::object& d) { order_at(d, 0)["hours"] = 13; }, 3, "orders[0].hours: must be ");
    expect_refused([](json::object& d) { order_at(d, 1)["early_education_months"] = -1; }, 3,
                   "orders[1].early_education_months: must be a whole number 0–120, not -1");
    expect_refused([](json::object& d) { order_at(d, 1)["repeat"] = json::object{{"every_days", 1}, {"until", "2027-03-10"}}; }, 3,
                   "orders[1].repeat.until: gives 401 occurrences; at most 400");
    expect_refused([](json::object& d) { order_at(d, 1)["repeat"] = json::object{{"every_days", 0}, {"until", "2026-03-10"}}; }, 3,
                   "orders[1].repeat.every_days: must be a whole number 1–366, not 0");
}

TEST_F(MatchingLoad, ARepeatOfExactlyFourHundredOccurrencesIsAccepted) {
    // 2026-02-03 + 399 days = 2027-03-09: the 400th occurrence.
    auto r = load_file(document_file(interchange({}, {order("T-400", {{"repeat", json::object{{"every_days", 1}, {"until", "2027-03-09"}}}})})));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(jc_json({"matching", "order-show", "T-400"}).at("occurrences").as_array().size(), 400u);
}

TEST_F(MatchingLoad, UnknownFieldsAreRefusedWithTheFieldsThatExist) {
    expect_refused([](json::object& d) { client_at(d, 1)["nickname"] = "Aikku"; }, 3,
                   "clients[1].nickname: unknown field (the fields are: id, unit, name, wants_paid_work,");
    expect_refused([](json::object& d) { d["workers"] = json::array{}; }, 3,
                   "workers: unknown field (the fields are: units, clients, orders)");
    expect_refused([](json::object& d) { client_at(d, 1)["approved"].as_object()["when"] = "2026-01-10"; }, 3,
                   "clients[1].approved.when: unknown field (the fields are: by, on)");
    expect_refused([](json::object& d) { order_at(d, 1)["repeat"] = json::object{{"every_days", 7}, {"until", "2026-03-01"}, {"times", 3}}; },
                   3, "orders[1].repeat.times: unknown field (the fields are: every_days, until)");
    expect_refused([](json::object& d) { order_at(d, 0)["price"] = "18.00"; }, 3, "orders[0].price: unknown field");
}

TEST_F(MatchingLoad, WrongTypesAreNamed) {
    expect_refused([](json::object& d) { client_at(d, 1)["skills"].as_array()[0].as_object()["level"] = "3"; }, 3,
                   "clients[1].skills[0].level: must be a whole number 1–5, not a string");
    expect_refused([](json::object& d) { client_at(d, 1)["wants_paid_work"] = "yes"; }, 3,
                   "clients[1].wants_paid_work: must be true or false, not a string");
    expect_refused([](json::object& d) { client_at(d, 1)["benefits"] = "labour-market-subsidy"; }, 3,
                   "clients[1].benefits: must be an array, not a string");
    expect_refused([](json::object& d) { client_at(d, 1)["approved"] = "2026-01-10"; }, 3,
                   "clients[1].approved: must be an object, not a string");
    expect_refused([](json::object& d) { client_at(d, 1)["earnings"] = json::array{json::object{{"month", "2026-01"}, {"amount", 120}}}; },
                   3, "clients[1].earnings[0].amount: must be money as decimal text such as \"120.00\", not a number");
    expect_refused([](json::object& d) { client_at(d, 1)["id"] = 1002; }, 3, "clients[1].id: must be a string, not a number");
    expect_refused([](json::object& d) { client_at(d, 1).erase("wants_paid_work"); }, 3, "clients[1].wants_paid_work: is required");
    expect_refused([](json::object& d) { d["clients"].as_array()[1] = json::array{}; }, 3, "clients[1]: must be an object, not an array");
    expect_refused([](json::object& d) { order_at(d, 1)["orderer"] = "1"; }, 3,
                   "orders[1].orderer: must be a register orderer id or {\"business_id\": ..., \"name\": ...}");
    expect_refused([](json::object& d) { d["clients"] = json::object{}; }, 3, "clients: must be an array, not an object");
}

TEST_F(MatchingLoad, BadDatesAndTimesAreNamed) {
    expect_refused([](json::object& d) { client_at(d, 1)["consent_y100"] = "2026-02-30"; }, 3,
                   "clients[1].consent_y100: must be a date YYYY-MM-DD that exists, not '2026-02-30'");
    expect_refused([](json::object& d) { client_at(d, 1)["approved"].as_object()["on"] = "10.1.2026"; }, 3,
                   "clients[1].approved.on: must be a date YYYY-MM-DD that exists, not '10.1.2026'");
    expect_refused([](json::object& d) { client_at(d, 1)["unavailable"] = json::array{json::object{{"from", "2026-02-10"}, {"to", "2026-02-01"}}}; },
                   3, "clients[1].unavailable[0].to: must not be before from (2026-02-10)");
    expect_refused(
        [](json::object& d) { client_at(d, 1)["work_activity"] = json::array{json::object{{"day", "mon"}, {"from", "9:00"}, {"to", "13:00"}}}; },
        3, "clients[1].work_activity[0].from: must be a time of day HH:MM, not '9:00'");
    expect_refused(
        [](json::object& d) { client_at(d, 1)["work_activity"] = json::array{json::object{{"day", "mon"}, {"from", "13:00"}, {"to", "13:00"}}}; },
        3, "clients[1].work_activity[0].to: must be later than from (13:00)");
    expect_refused([](json::object& d) { client_at(d, 1)["earnings"] = json::array{json::object{{"month", "2026-13"}, {"amount", "1.00"}}}; },
                   3, "clients[1].earnings[0].month: must be a month YYYY-MM, not '2026-13'");
    expect_refused([](json::object& d) { order_at(d, 1)["start"] = "2026-02-03 10:00"; }, 3,
                   "orders[1].start: must be a local time YYYY-MM-DDTHH:MM (Europe/Helsinki), not '2026-02-03 10:00'");
    expect_refused([](json::object& d) { order_at(d, 1)["start"] = "2026-02-03T24:00"; }, 3,
                   "orders[1].start: must be a local time YYYY-MM-DDTHH:MM (Europe/Helsinki), not '2026-02-03T24:00'");
    expect_refused([](json::object& d) { order_at(d, 1)["repeat"] = json::object{{"every_days", 7}, {"until", "2026-02-02"}}; }, 3,
                   "orders[1].repeat.until: must not be before the start (2026-02-03)");
}

TEST_F(MatchingLoad, UnknownCodesListTheCodes) {
    expect_refused([](json::object& d) { client_at(d, 1)["benefits"] = json::array{"disability-pension", "pension"}; }, 3,
                   "clients[1].benefits[1]: unknown code 'pension': use one of labour-market-subsidy, general-housing-allowance,");
    expect_refused([](json::object& d) { client_at(d, 1)["benefits"] = json::array{"disability-pension", "disability-pension"}; }, 3,
                   "clients[1].benefits[1]: given twice");
    expect_refused([](json::object& d) { client_at(d, 1)["transport"] = json::array{"bike"}; }, 3,
                   "clients[1].transport[0]: unknown code 'bike': use one of walk, public-transport, unit-car");
    expect_refused([](json::object& d) { client_at(d, 1)["approved"].as_object()["by"] = "mayor"; }, 3,
                   "clients[1].approved.by: unknown code 'mayor': use one of unit-director, work-supervisor, work-coach, coordinator");
    expect_refused(
        [](json::object& d) { client_at(d, 1)["work_activity"] = json::array{json::object{{"day", "monday"}, {"from", "09:00"}, {"to", "13:00"}}}; },
        3, "clients[1].work_activity[0].day: unknown code 'monday': use one of mon, tue, wed, thu, fri, sat, sun");
    expect_refused([](json::object& d) { client_at(d, 1)["skills"].as_array()[0].as_object()["task_type"] = "rocket-science"; }, 3,
                   "clients[1].skills[0].task_type: unknown task type 'rocket-science' (see `jobcenter matching task-types`)");
    expect_refused([](json::object& d) { client_at(d, 1)["interests"] = json::array{"window-washing", "juggling"}; }, 3,
                   "clients[1].interests[1]: unknown task type 'juggling'");
    expect_refused([](json::object& d) { order_at(d, 1)["contract"] = "gig"; }, 3,
                   "orders[1].contract: unknown code 'gig': use one of commission, employment");
    expect_refused([](json::object& d) { order_at(d, 1)["status"] = "done"; }, 3,
                   "orders[1].status: unknown code 'done': use one of open, cancelled, closed");
    expect_refused([](json::object& d) { order_at(d, 1)["task_type"] = "juggling"; }, 3, "orders[1].task_type: unknown task type 'juggling'");
}

TEST_F(MatchingLoad, DuplicateIdsNameTheFirstPlace) {
    expect_refused([](json::object& d) { client_at(d, 2)["id"] = "C-1"; }, 3,
                   "clients[2].id: client 'C-1' is given twice (first at clients[0])");
    expect_refused([](json::object& d) { order_at(d, 1)["id"] = "T-1"; }, 3, "orders[1].id: order 'T-1' is given twice (first at orders[0])");
    expect_refused(
        [](json::object& d) {
            client_at(d, 1)["skills"].as_array().push_back(json::object{{"task_type", "office-cleaning"}, {"level", 1}});
        },
        3, "clients[1].skills[1].task_type: skill 'office-cleaning' given twice");
    expect_refused([](json::object& d) { client_at(d, 1)["earnings"] = json::array{json::object{{"month", "2026-01"}, {"amount", "1.00"}},
                                                                                    json::object{{"month", "2026-01"}, {"amount", "2.00"}}}; },
                   3, "clients[1].earnings[1].month: month 2026-01 given twice");
}

TEST_F(MatchingLoad, AnIdentityCodeAnywhereIsRefusedWithoutEchoingIt) {
    const std::string code = jobcenter::testing::identity_code("131052", '-', "308");
    const auto refused_without_code = [&](const std::function<void(json::object&)>& edit, const std::string& where) {
        expect_refused(edit, 3, where + ": holds a personal identity code; Jobcenter stores none");
        json::object document = changing_document();
        edit(document);
        EXPECT_EQ(load_file(document_file(document)).err.find(code), std::string::npos) << "the code is not repeated";
    };
    refused_without_code([&](json::object& d) { client_at(d, 1)["name"] = "Aino " + code; }, "clients[1].name");
    refused_without_code([&](json::object& d) { client_at(d, 2)["id"] = code; }, "clients[2].id");
    refused_without_code([&](json::object& d) { client_at(d, 1)["interests"] = json::array{"window-washing", code}; },
                         "clients[1].interests[1]");
    refused_without_code([&](json::object& d) { order_at(d, 1)["description"] = "Asiakas " + code + " siivoaa"; }, "orders[1].description");
    refused_without_code([&](json::object& d) { order_at(d, 1)["support_person"] = code; }, "orders[1].support_person");
}

TEST_F(MatchingLoad, AnUnknownUnitIsNotFound) {
    expect_refused([](json::object& d) { client_at(d, 2)["unit"] = "kallio"; }, 4,
                   "clients[2].unit: unit 'kallio' is not known: an administrator adds it with `jobcenter unit add`");
}

TEST_F(MatchingLoad, AUnitListedInTheFileIsAddedByAnAdministratorOnlyWithTheRest) {
    json::object units{{"name", "kallio"}, {"title", "Kallion toimipiste"}, {"organisation", "KUTY"}};
    expect_refused(
        [&](json::object& d) {
            d["units"] = json::array{units};
            client_at(d, 2)["unit"] = "kallio";
            order_at(d, 1)["orderer"] = 999;
        },
        4, "orders[1].orderer: no orderer has the id 999 in the register", {"--role", "admin"});
    expect_refused([&](json::object& d) { d["units"] = json::array{json::object{{"name", "vallila"}, {"title", "V"}, {"organisation", "KUTY"}}}; },
                   3, "units[0].organisation: unit 'vallila' is VATTI, not KUTY", {"--role", "admin"});

    json::object document = changing_document();
    document["units"] = json::array{units};
    client_at(document, 2)["unit"] = "kallio";
    auto r = load_file(document_file(document), {"--role", "admin"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(jc_json({"matching", "client-show", "C-3", "--role", "coordinator"}).at("unit").as_string(), "kallio");
}

TEST_F(MatchingLoad, AnUnknownOrdererIdIsNotFound) {
    expect_refused([](json::object& d) { order_at(d, 1)["orderer"] = 999; }, 4, "orders[1].orderer: no orderer has the id 999 in the register");
    expect_refused([](json::object& d) { order_at(d, 1)["orderer"] = 0; }, 3, "orders[1].orderer: must be a whole number 1–");
}

TEST_F(MatchingLoad, AnOrdererByBusinessIdAndNameIsResolvedThroughTheRegister) {
    json::object by_details{{"business_id", "1234567-1"}, {"name", "Esimerkki Siivous Oy"}};
    auto r = load_file(document_file(interchange({}, {order("T-5", {{"orderer", by_details}})})));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto shown = jc_json({"matching", "order-show", "T-5"});
    EXPECT_EQ(shown.at("orderer").as_int64(), orderer);
    EXPECT_EQ(shown.at("orderer_name").as_string(), "Esimerkki Siivous Oy");
}

TEST_F(MatchingLoad, AnOrdererTheRegisterCannotResolveIsRefusedWithTheCandidates) {
    const std::string id = std::to_string(orderer);
    expect_refused([](json::object& d) { order_at(d, 1)["orderer"] = json::object{{"name", "Esimerkki"}}; }, 3,
                   "orders[1].orderer: no orderer in the register is surely 'Esimerkki' (candidates: " + id + " Esimerkki Siivous Oy (");
    expect_refused([](json::object& d) { order_at(d, 1)["orderer"] = json::object{{"business_id", "2345678-0"}, {"name", "Putkiliike Vesi Ab"}}; },
                   3, "orders[1].orderer: no orderer in the register is surely 'Putkiliike Vesi Ab' 2345678-0 (no candidates)");
    // The same name with another valid business ID is another legal entity.
    expect_refused([](json::object& d) { order_at(d, 1)["orderer"] = json::object{{"business_id", "2345678-0"}, {"name", "Esimerkki Siivous Oy"}}; },
                   3, "orders[1].orderer: no orderer in the register is surely 'Esimerkki Siivous Oy' 2345678-0");
}

TEST_F(MatchingLoad, AFileThatIsNotJsonOrNotThereIsRefused) {
    jobcenter::testing::write_file(dir / "broken.json", "{\"clients\": [");
    auto broken = load_file((dir / "broken.json").string());
    EXPECT_EQ(broken.exit_code, 3);
    EXPECT_NE(broken.err.find("broken.json: not valid JSON"), std::string::npos) << broken.err;
    auto missing = load_file((dir / "missing.json").string());
    EXPECT_EQ(missing.exit_code, 4);
    EXPECT_NE(missing.err.find("missing.json: cannot open the file"), std::string::npos) << missing.err;
    auto array = load_file(document_file(json::array{}));
    EXPECT_EQ(array.exit_code, 3);
    EXPECT_NE(array.err.find(": must be an object, not an array"), std::string::npos) << array.err;
}

}  // namespace

namespace {

TEST_F(MatchingLoad, AUnitListedInTheFileButUnknownIsNotFoundForStaff) {
    expect_refused([](json::object& d) { d["units"] = json::array{json::object{{"name", "kallio"}, {"title", "K"}, {"organisation", "KUTY"}}}; },
                   4, "units[0].name: unit 'kallio' is not known", {"--role", "coordinator"});
}

TEST_F(MatchingLoad, AnOrderCancelledInTheFileCancelsItsLiveGigs) {
    const auto live = gig_via_command("T-1", "C-1");
    json::object document = changing_document();
    order_at(document, 0)["status"] = "cancelled";
    ASSERT_EQ(load_file(document_file(document)).exit_code, 0);
    const auto shown = jc_json({"matching", "gig", "show", std::to_string(live), "--role", "coordinator"});
    EXPECT_EQ(shown.at("status").as_string(), "cancelled");
    EXPECT_EQ(jc_json({"matching", "order-show", "T-1"}).at("status").as_string(), "cancelled");
}

TEST_F(MatchingLoad, AnOrderAsShownGoesBackThroughOrderUpdate) {
    auto shown = jc_json({"matching", "order-show", "T-1"});
    shown.as_object()["description"] = "Uusi kuvaus";
    const auto file = document_file(shown);
    auto r = jc({"matching", "order-update", "--input", file, "--role", "coordinator"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(jc_json({"matching", "order-show", "T-1"}).at("description").as_string(), "Uusi kuvaus");
}

}  // namespace

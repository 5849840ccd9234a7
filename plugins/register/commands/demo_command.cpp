// Sample registers of three units, written as a unit would export them from Excel, imported and
// deduplicated through the real commands, with the review queue it leaves and an entry-time check. The
// companies are fictional; the City's divisions share the City of Helsinki's real business ID 0201256-6
// and must stay separate orderers.
#include "register/commands/demo_command.hpp"

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "register/commands/check_command.hpp"
#include "register/commands/dedupe_command.hpp"
#include "register/import/import_command.hpp"
#include "register/review/review_commands.hpp"

namespace jobcenter::register_plugin {
namespace json = boost::json;
namespace {

const char* const sample_registers =
    "unit;id;Yritys;Y-tunnus;Katuosoite;Postinumero;Postitoimipaikka;Puhelin;Sähköposti\n"
    "pakila;P-1;Esimerkki Siivous Oy;1234567-1;Mannerheimintie 1 A 3;00100;Helsinki;09 123 4567;info@esimerkkisiivous.fi\n"
    "uusix;U-7;ESIMERKKI SIIVOUS;12345671;Mannerheimint. 1 A3;00100;Hki;+358 9 1234567;\n"
    "vallila;V-2;Oy Esimerkki Siivous Ab;;Mannerheimintie 1 A 3;;Helsinki;;info@esimerkkisiivous.fi\n"
    "pakila;P-2;Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala;0201256-6;;;Helsinki;;\n"
    "uusix;U-8;Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala;0201256-6;;;Helsinki;;\n"
    "pakila;P-3;Kallion Kukka Ky;;Fleminginkatu 5;00530;Helsinki;040 111 2222;\n"
    "uusix;U-9;Pasilan Kukka Ky;;Ratapihantie 11;00520;Helsinki;040 333 4444;\n"
    "vallila;V-5;Kallion Kukkakauppa;;;00530;Helsinki;;\n"
    "vallila;V-4;Väylä ry;;Sturenkatu 21;00510;Helsinki;;\n"
    "uusix;U-10;VAYLA R.Y.;;Sturenk. 21;00510;HELSINKI;;\n";

json::array clusters(Database& db) {
    auto q = db.prepare(
        "SELECT s.orderer_id, o.name, group_concat(s.unit || '/' || s.source_id, ' ') FROM source_record s "
        "JOIN orderer o ON o.id = s.orderer_id GROUP BY s.orderer_id ORDER BY s.orderer_id");
    json::array rows;
    while (q.step())
        rows.push_back(json::object{{"orderer", q.get_int(0)}, {"name", q.get_text(1)}, {"source_records", q.get_text(2)}});
    return rows;
}

}  // namespace

json::value demo_command(Context& ctx, const json::object&) {
    auto file = std::filesystem::temp_directory_path() / ("jobcenter-demo-registers-" + std::to_string(::getpid()) + ".csv");
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << sample_registers;
        if (!out) throw InternalError("cannot write the demo's sample file", file.string());
    }
    json::value imported;
    try {
        imported = import_command(ctx, {{"file", file.string()}, {"unit_column", "unit"}});
    } catch (...) {
        std::filesystem::remove(file);
        throw;
    }
    std::filesystem::remove(file);
    json::value deduplicated = dedupe_command(ctx, {});
    json::value checked = check_command(ctx, {{"name", "Esimerkki Siivous"}, {"phone", "09-1234567"}, {"limit", 1}});
    json::object import_summary{{"rows", imported.at("rows")}, {"added", imported.at("added")},
                                {"encoding", imported.at("encoding")}, {"delimiter", imported.at("delimiter")}};
    json::object dedupe_summary{{"records", deduplicated.at("records")}, {"orderers", deduplicated.at("orderers")},
                                {"candidate_pairs", deduplicated.at("candidate_pairs")}};
    json::object review_summary{{"waiting", 0}};
    {
        json::value queue = review_list_command(ctx, {{"limit", 1}});
        review_summary["waiting"] = queue.at("waiting");
        if (!queue.at("rows").as_array().empty()) {
            const auto& first = queue.at("rows").as_array()[0];
            const bool bridge = first.at("kind").as_string() == "bridge";
            review_summary["first"] =
                bridge ? json::value("a weak bridge inside " + std::string(first.at("name").as_string()))
                       : json::value(std::string(first.at("name_a").as_string()) + "  /  " +
                                     std::string(first.at("name_b").as_string()));
            review_summary["see"] = "jobcenter --db " + ctx.db().path().string() + " register review show " +
                                    std::to_string(first.at("item").as_int64());
        }
    }
    json::object check_summary{{"asked", "Esimerkki Siivous, 09-1234567"}};
    if (!checked.at("matches").as_array().empty()) {
        const auto& best = checked.at("matches").as_array()[0];
        check_summary["found"] = best.at("name");
        check_summary["verdict"] = best.at("verdict");
        check_summary["probability"] = best.at("probability");
    }
    return json::object{{"import", std::move(import_summary)},
                        {"dedupe", std::move(dedupe_summary)},
                        {"orderers", clusters(ctx.db())},
                        {"review_queue", std::move(review_summary)},
                        {"entry_time_check", std::move(check_summary)}};
}

}  // namespace jobcenter::register_plugin

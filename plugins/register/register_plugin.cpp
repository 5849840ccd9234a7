// The register plugin object: its name, version, commands and the factory the host loads.
#include "jobcenter/sdk.hpp"
#include "register/commands/check_command.hpp"
#include "register/contacts/contact_log.hpp"
#include "register/commands/dedupe_command.hpp"
#include "register/commands/demo_command.hpp"
#include "register/import/import_command.hpp"
#include "register/scoring/match_rules.hpp"
#include "register/review/merge_commands.hpp"
#include "register/commands/orderer_commands.hpp"
#include "register/review/review_commands.hpp"
#include "register/commands/show_command.hpp"

namespace jobcenter::register_plugin {
namespace {

class RegisterPlugin final : public Plugin {
public:
    std::string name() const override { return "register"; }
    std::string version() const override { return "0.1.0"; }
    std::string summary() const override { return "the shared orderer/employer register of the units"; }

    std::vector<Command> commands() const override {
        Command add{"add", "enter an orderer in a unit's register (--unit; business ID checked, an invalid one is kept but not used)", "", {},
                    Access::write, Role::staff};
        add.flags = {{"name", FlagType::string, "name as the orderer uses it", true},
                     {"category", FlagType::string, "city, company, association, foundation, parish, private_person or unknown"},
                     {"business-id", FlagType::string, "Y-tunnus: 1234567-8, 12345678 or FI12345678"},
                     {"street", FlagType::string, "street address"},
                     {"postcode", FlagType::string, "postcode"},
                     {"city", FlagType::string, "post office / city"},
                     {"phone", FlagType::string, "phone number"},
                     {"email", FlagType::string, "email address"}};
        add.run = add_orderer;

        Command get{"get", "show one orderer", "", {}, Access::read, Role::viewer};
        get.flags = {{"id", FlagType::integer, "the orderer's id", true, true}};
        get.run = get_orderer;

        Command list{"list", "list orderers, optionally those whose name contains a text", "", {}, Access::read, Role::viewer};
        list.flags = {{"name", FlagType::string, "part of the name, any case"},
                      {"limit", FlagType::integer, "at most this many rows (default 100)"}};
        list.run = list_orderers;

        Command import{"import", "import a unit's register from a CSV file exported from Excel",
                       "Delimiter (; , tab) and encoding (UTF-8 with or without BOM, Windows-1252) are detected.\n"
                       "Columns are recognised by their Finnish or English names; --map field=Header names the rest.\n"
                       "All or nothing by default: a bad row stops the import and is reported with its line.\n"
                       "Re-importing the same rows updates them instead of adding duplicates.",
                       {}, Access::bulk_write, Role::staff};
        import.long_running = true;
        import.flags = {{"file", FlagType::string, "the CSV file", true, true},
                        {"map", FlagType::list, "field=Header for a column the importer does not recognise"},
                        {"unit-column", FlagType::string, "the column that names each row's unit"},
                        {"id-column", FlagType::string, "the column of the unit's own record ids (default: id or source_id)"},
                        {"skip-bad-rows", FlagType::boolean, "import the good rows and report the bad ones"},
                        {"dry-run", FlagType::boolean, "report what would happen without writing"},
                        {"phone-country", FlagType::string, "country calling code for phones without one (default 358)"},
                        {"link", FlagType::boolean,
                         "link the new records into orderers as they are added, as register dedupe would (coordinator)"}};
        import.run = import_command;

        Command dedupe{"dedupe", "find duplicate orderers across the units' registers and link them",
                       "Candidate pairs by blocking; per-field evidence weighted by rarity; clusters guarded against\n"
                       "chaining. Rules in scripts/defaults/register.lua (M.match), overridable per unit.\n"
                       "After the first run, only what records imported since touch is recomputed (incremental),\n"
                       "unless the rules changed or --full is given. People's merges and not-the-same stand.",
                       {}, Access::bulk_write, Role::coordinator};
        dedupe.long_running = true;
        dedupe.flags = {{"dry-run", FlagType::boolean, "report the clusters without writing them"},
                        {"full", FlagType::boolean, "go over the whole register, not only what new records touch"}};
        dedupe.run = dedupe_command;

        Command check{"check", "before creating an employer: the likely existing orderers, with scores and reasons",
                      "For a CRM to call before it creates an employer. Warns about other units' recent contacts.",
                      {}, Access::read, Role::viewer};
        check.flags = {{"name", FlagType::string, "the employer's name", true},
                       {"business-id", FlagType::string, "Y-tunnus"},
                       {"phone", FlagType::string, "phone number"},
                       {"email", FlagType::string, "email address"},
                       {"street", FlagType::string, "street address"},
                       {"postcode", FlagType::string, "postcode"},
                       {"city", FlagType::string, "city"},
                       {"phone-country", FlagType::string, "country calling code for phones without one (default 358)"},
                       {"limit", FlagType::integer, "at most this many orderers (default 5)"}};
        check.run = check_command;

        Command export_clusters{"export-clusters", "every source record with its orderer: unit, source_id, orderer_id",
                                "", {}, Access::read, Role::viewer};
        export_clusters.run = export_clusters_command;

        Command show{"show", "one orderer: golden record, source records, siblings, contact persons and contacts",
                     "Warns when another unit contacted the orderer within recent_contact_days (register.lua).",
                     {}, Access::read, Role::viewer};
        show.flags = {{"id", FlagType::integer, "the orderer's id (a merged-away id shows its survivor)", true, true}};
        show.run = show_command;

        Command contact_add{"contact-add", "record a contact with an orderer in the shared contact log",
                            "Outcomes: waiting (ODOTTAMASSA), follow-up (JATKOTAPAAMINEN SOVITTU), failed (EI ONNISTUNUT),\n"
                            "no-answer (EI VASTAUSTA / UUSI YHTEYDENOTTO). Warns when another unit contacted it recently.",
                            {}, Access::write, Role::staff};
        contact_add.flags = {{"orderer", FlagType::integer, "the orderer's id", true, true},
                             {"staff", FlagType::string, "who made the contact", true},
                             {"outcome", FlagType::string, "waiting, follow-up, failed or no-answer", true},
                             {"channel", FlagType::string, "phone (default), email, visit, meeting or other"},
                             {"on", FlagType::date, "the day of the contact (default today)"},
                             {"next-action", FlagType::date, "when to act next"},
                             {"note", FlagType::string, "free text"}};
        contact_add.run = contact_add_command;

        Command contact_list{"contact-list", "the shared contact log, newest first", "", {}, Access::read, Role::viewer};
        contact_list.flags = {{"orderer", FlagType::integer, "only this orderer", false, true},
                              {"of-unit", FlagType::string, "only contacts by this unit"},
                              {"days", FlagType::integer, "only the last N days"}};
        contact_list.run = contact_list_command;

        const Flag by{"by", FlagType::string, "who decides (the person's name)", true};
        const Flag reason{"reason", FlagType::string, "why, for the history", true};

        Command merge{"merge", "merge an orderer into another, keeping every source record; undo with register unmerge",
                      "The golden record takes each field's most common value among the source records, unless\n"
                      "--keep field=ORDERER says whose value survives (fields: name, business_id, street, postcode,\n"
                      "city, phone, email). Orderers with different valid business IDs are never merged.",
                      {}, Access::write, Role::staff};
        merge.flags = {{"orderer", FlagType::integer, "the orderer merged away", true, true},
                       {"into", FlagType::integer, "the orderer that survives", true},
                       by, reason,
                       {"keep", FlagType::list, "field=ORDERER: whose value of the field survives"}};
        merge.run = merge_command;

        Command unmerge{"unmerge", "undo a merge (by a person or by dedupe) exactly, and keep the two apart from now on",
                        "EVENT is the merge's id in register history. Its source records go back to the orderer they\n"
                        "came from, also after later merges; contacts stay where they were logged.",
                        {}, Access::write, Role::staff};
        unmerge.flags = {{"event", FlagType::integer, "the merge to undo (see register history)", true, true}, by, reason};
        unmerge.run = unmerge_command;

        Command history{"history", "decisions on orderers, newest first: merges, unmerges, not-the-same, skips",
                        "", {}, Access::read, Role::viewer};
        history.flags = {{"orderer", FlagType::integer, "only decisions concerning this orderer", false, true},
                         {"limit", FlagType::integer, "at most this many (default 100)"}};
        history.run = history_command;

        Command review_list{"review-list", "the review queue: pairs of orderers dedupe could not decide, strongest first",
                            "Skipped items come after the others.", {}, Access::read, Role::viewer};
        review_list.flags = {{"limit", FlagType::integer, "at most this many (default 20)"}};
        review_list.run = review_list_command;

        Command review_show{"review-show", "one review item side by side: fields that differ, evidence, sources",
                            "", {}, Access::read, Role::viewer};
        review_show.flags = {{"item", FlagType::integer, "the review item", true, true}};
        review_show.run = review_show_command;

        Command review_decide{"review-decide", "decide a review item: same (merge), not-same (never proposed again) or skip",
                              "", {}, Access::write, Role::staff};
        review_decide.flags = {{"item", FlagType::integer, "the review item", true, true},
                               {"verdict", FlagType::string, "same, not-same or skip", true},
                               by, reason,
                               {"into", FlagType::integer, "with same: the orderer that survives (default: more sources)"},
                               {"keep", FlagType::list, "with same: field=ORDERER, whose value of the field survives"}};
        review_decide.run = review_decide_command;

        Command demo{"demo", "import three units' sample registers, deduplicate them and check a new employer", "", {}, Access::write, Role::admin};
        demo.run = demo_command;
        return {add,     get,        list,          show,        check,         import,  dedupe, export_clusters,
                contact_add, contact_list, merge, unmerge, history, review_list, review_show, review_decide, demo};
    }

    std::vector<ScriptEntry> script_entries() const override { return register_script_entries(); }
};

std::shared_ptr<Plugin> create_plugin() { return std::make_shared<RegisterPlugin>(); }

}  // namespace
}  // namespace jobcenter::register_plugin

JOBCENTER_PLUGIN(jobcenter::register_plugin::create_plugin)

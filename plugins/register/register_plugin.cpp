// The register plugin object: its name, version, commands and the factory the host loads.
#include "jobcenter/sdk.hpp"
#include "register/commands/category_command.hpp"
#include "register/commands/check_command.hpp"
#include "register/commands/dedupe_command.hpp"
#include "register/commands/demo_command.hpp"
#include "register/commands/orderer_commands.hpp"
#include "register/commands/show_command.hpp"
#include "register/contacts/contact_log.hpp"
#include "register/import/import_command.hpp"
#include "register/review/merge_commands.hpp"
#include "register/review/review_commands.hpp"
#include "register/scoring/match_rules.hpp"

namespace jobcenter::register_plugin {
namespace {

class RegisterPlugin final : public Plugin {
public:
    std::string name() const override { return "register"; }
    std::string version() const override { return "0.1.0"; }
    std::string summary() const override { return "the shared orderer/employer register of the units"; }

    std::vector<Command> commands() const override {
        const Command add{
            .name = "add",
            .summary =
                "enter an orderer in a unit's register (--unit; business ID checked, an invalid one is kept "
                "but not used)",
            .flags =
                {{.name = "name", .type = FlagType::string, .help = "name as the orderer uses it", .required = true},
                 {.name = "category",
                  .type = FlagType::string,
                  .help = "city, company, association, foundation, parish, private_person or unknown"},
                 {.name = "business-id",
                  .type = FlagType::string,
                  .help = "Y-tunnus: 1234567-8, 12345678 or FI12345678"},
                 {.name = "street", .type = FlagType::string, .help = "street address"},
                 {.name = "postcode", .type = FlagType::string, .help = "postcode"},
                 {.name = "city", .type = FlagType::string, .help = "post office / city"},
                 {.name = "phone", .type = FlagType::string, .help = "phone number"},
                 {.name = "email", .type = FlagType::string, .help = "email address"}},
            .access = Access::write,
            .min_role = Role::staff,
            .run = add_orderer};

        const Command get{.name = "get",
                          .summary = "show one orderer",
                          .flags = {{.name = "id",
                                     .type = FlagType::integer,
                                     .help = "the orderer's id",
                                     .required = true,
                                     .positional = true}},
                          .access = Access::read,
                          .min_role = Role::viewer,
                          .run = get_orderer};

        const Command list{
            .name = "list",
            .summary = "list orderers, optionally those whose name contains a text",
            .flags = {{.name = "name", .type = FlagType::string, .help = "part of the name, any case"},
                      {.name = "limit", .type = FlagType::integer, .help = "at most this many rows (default 100)"}},
            .access = Access::read,
            .min_role = Role::viewer,
            .run = list_orderers};

        const Command import{
            .name = "import",
            .summary = "import a unit's register from a CSV file exported from Excel",
            .help =
                "Delimiter (; , tab) and encoding (UTF-8 with or without BOM, Windows-1252) are detected.\n"
                "Columns are recognised by their Finnish or English names; --map field=Header names the rest.\n"
                "All or nothing by default: a bad row stops the import and is reported with its line.\n"
                "A file holding personal identity codes in any column is refused (see --drop-column and\n"
                "--mask-identity-codes); Jobcenter stores none.\n"
                "Re-importing the same rows updates them instead of adding duplicates.",
            .flags =
                {{.name = "file",
                  .type = FlagType::string,
                  .help = "the CSV file",
                  .required = true,
                  .positional = true},
                 {.name = "map",
                  .type = FlagType::list,
                  .help = "field=Header for a column the importer does not recognise"},
                 {.name = "unit-column", .type = FlagType::string, .help = "the column that names each row's unit"},
                 {.name = "id-column",
                  .type = FlagType::string,
                  .help = "the column of the unit's own record ids (default: id or source_id)"},
                 {.name = "skip-bad-rows",
                  .type = FlagType::boolean,
                  .help = "import the good rows and report the bad ones"},
                 {.name = "dry-run", .type = FlagType::boolean, .help = "report what would happen without writing"},
                 {.name = "phone-country",
                  .type = FlagType::string,
                  .help = "country calling code for phones without one (default 358)"},
                 {.name = "link",
                  .type = FlagType::boolean,
                  .help =
                      "link the new records into orderers as they are added, as register dedupe would (coordinator)"},
                 {.name = "drop-column",
                  .type = FlagType::list,
                  .help = "a column (by its header) not to read at all, such as one of personal identity codes"},
                 {.name = "mask-identity-codes",
                  .type = FlagType::boolean,
                  .help = "replace each personal identity code in the file with [identity code removed] instead "
                          "of refusing the file"}},
            .access = Access::bulk_write,
            .min_role = Role::staff,
            .long_running = true,
            .run = import_command};

        const Command dedupe{
            .name = "dedupe",
            .summary = "find duplicate orderers across the units' registers and link them",
            .help =
                "Candidate pairs by blocking; per-field evidence weighted by rarity; clusters guarded against\n"
                "chaining. Rules built in, changed per unit in register.lua (M.match; see docs/scripts.md).\n"
                "After the first run, only what records imported since touch is recomputed (incremental),\n"
                "unless the rules changed or --full is given. People's merges and not-the-same stand.",
            .flags = {{.name = "dry-run",
                       .type = FlagType::boolean,
                       .help = "report the clusters without writing them"},
                      {.name = "full",
                       .type = FlagType::boolean,
                       .help = "go over the whole register, not only what new records touch"}},
            .access = Access::bulk_write,
            .min_role = Role::coordinator,
            .long_running = true,
            .run = dedupe_command};

        const Command check{
            .name = "check",
            .summary = "before creating an employer: the likely existing orderers, with scores and reasons",
            .help = "For a CRM to call before it creates an employer. Warns about other units' recent contacts.",
            .flags = {{.name = "name", .type = FlagType::string, .help = "the employer's name", .required = true},
                      {.name = "business-id", .type = FlagType::string, .help = "Y-tunnus"},
                      {.name = "phone", .type = FlagType::string, .help = "phone number"},
                      {.name = "email", .type = FlagType::string, .help = "email address"},
                      {.name = "street", .type = FlagType::string, .help = "street address"},
                      {.name = "postcode", .type = FlagType::string, .help = "postcode"},
                      {.name = "city", .type = FlagType::string, .help = "city"},
                      {.name = "phone-country",
                       .type = FlagType::string,
                       .help = "country calling code for phones without one (default 358)"},
                      {.name = "limit", .type = FlagType::integer, .help = "at most this many orderers (default 5)"}},
            .access = Access::read,
            .min_role = Role::viewer,
            .run = check_command};

        const Command export_clusters{.name = "export-clusters",
                                      .summary = "every source record with its orderer: unit, source_id, orderer_id",
                                      .access = Access::read,
                                      .min_role = Role::viewer,
                                      .run = export_clusters_command};

        const Command show{
            .name = "show",
            .summary = "one orderer: golden record, source records, siblings, contact persons and contacts",
            .help = "Warns when another unit contacted the orderer within recent_contact_days (register.lua).",
            .flags = {{.name = "id",
                       .type = FlagType::integer,
                       .help = "the orderer's id (a merged-away id shows its survivor)",
                       .required = true,
                       .positional = true}},
            .access = Access::read,
            .min_role = Role::viewer,
            .run = show_command};

        const Command contact_add{
            .name = "contact-add",
            .summary = "record a contact with an orderer in the shared contact log",
            .help =
                "Outcomes: waiting (ODOTTAMASSA), follow-up (JATKOTAPAAMINEN SOVITTU), failed (EI ONNISTUNUT),\n"
                "no-answer (EI VASTAUSTA / UUSI YHTEYDENOTTO). Warns when another unit contacted it recently.",
            .flags = {{.name = "orderer",
                       .type = FlagType::integer,
                       .help = "the orderer's id",
                       .required = true,
                       .positional = true},
                      {.name = "staff", .type = FlagType::string, .help = "who made the contact", .required = true},
                      {.name = "outcome",
                       .type = FlagType::string,
                       .help = "waiting, follow-up, failed or no-answer",
                       .required = true},
                      {.name = "channel",
                       .type = FlagType::string,
                       .help = "phone (default), email, visit, meeting or other"},
                      {.name = "on", .type = FlagType::date, .help = "the day of the contact (default today)"},
                      {.name = "next-action", .type = FlagType::date, .help = "when to act next"},
                      {.name = "note", .type = FlagType::string, .help = "free text"}},
            .access = Access::write,
            .min_role = Role::staff,
            .run = contact_add_command};

        const Command contact_list{
            .name = "contact-list",
            .summary = "the shared contact log, newest first",
            .flags = {{.name = "orderer", .type = FlagType::integer, .help = "only this orderer", .positional = true},
                      {.name = "of-unit", .type = FlagType::string, .help = "only contacts by this unit"},
                      {.name = "days", .type = FlagType::integer, .help = "only the last N days"}},
            .access = Access::read,
            .min_role = Role::viewer,
            .run = contact_list_command};

        const Flag by{
            .name = "by", .type = FlagType::string, .help = "who decides (the person's name)", .required = true};
        const Flag reason{.name = "reason", .type = FlagType::string, .help = "why, for the history", .required = true};

        const Command merge{
            .name = "merge",
            .summary = "merge an orderer into another, keeping every source record; undo with register unmerge",
            .help =
                "The golden record takes each field's most common value among the source records, unless\n"
                "--keep field=ORDERER says whose value survives (fields: name, business_id, street, postcode,\n"
                "city, phone, email). Orderers with different valid business IDs are never merged.",
            .flags =
                {{.name = "orderer",
                  .type = FlagType::integer,
                  .help = "the orderer merged away",
                  .required = true,
                  .positional = true},
                 {.name = "into", .type = FlagType::integer, .help = "the orderer that survives", .required = true},
                 by,
                 reason,
                 {.name = "keep", .type = FlagType::list, .help = "field=ORDERER: whose value of the field survives"}},
            .access = Access::write,
            .min_role = Role::staff,
            .run = merge_command};

        const Command unmerge{
            .name = "unmerge",
            .summary = "undo a merge (by a person or by dedupe) exactly, and keep the two apart from now on",
            .help =
                "EVENT is the merge's id in register history. Its source records go back to the orderer they\n"
                "came from, also after later merges; contacts stay where they were logged.",
            .flags = {{.name = "event",
                       .type = FlagType::integer,
                       .help = "the merge to undo (see register history)",
                       .required = true,
                       .positional = true},
                      by,
                      reason},
            .access = Access::write,
            .min_role = Role::staff,
            .run = unmerge_command};

        const Command history{
            .name = "history",
            .summary = "decisions on orderers, newest first: merges, unmerges, not-the-same, skips, categories",
            .flags = {{.name = "orderer",
                       .type = FlagType::integer,
                       .help = "only decisions concerning this orderer",
                       .positional = true},
                      {.name = "limit", .type = FlagType::integer, .help = "at most this many (default 100)"}},
            .access = Access::read,
            .min_role = Role::viewer,
            .run = history_command};

        const Command review_list{
            .name = "review-list",
            .summary = "the review queue: pairs of orderers dedupe could not decide, strongest first",
            .help = "Skipped items come after the others.",
            .flags = {{.name = "limit", .type = FlagType::integer, .help = "at most this many (default 20)"}},
            .access = Access::read,
            .min_role = Role::viewer,
            .run = review_list_command};

        const Command review_show{.name = "review-show",
                                  .summary = "one review item side by side: fields that differ, evidence, sources",
                                  .flags = {{.name = "item",
                                             .type = FlagType::integer,
                                             .help = "the review item",
                                             .required = true,
                                             .positional = true}},
                                  .access = Access::read,
                                  .min_role = Role::viewer,
                                  .run = review_show_command};

        const Command review_decide{
            .name = "review-decide",
            .summary = "decide a review item: same (merge), not-same (never proposed again) or skip",
            .flags = {{.name = "item",
                       .type = FlagType::integer,
                       .help = "the review item",
                       .required = true,
                       .positional = true},
                      {.name = "verdict", .type = FlagType::string, .help = "same, not-same or skip", .required = true},
                      by,
                      reason,
                      {.name = "into",
                       .type = FlagType::integer,
                       .help = "with same: the orderer that survives (default: more sources)"},
                      {.name = "keep",
                       .type = FlagType::list,
                       .help = "with same: field=ORDERER, whose value of the field survives"}},
            .access = Access::write,
            .min_role = Role::staff,
            .run = review_decide_command};

        const Command demo{.name = "demo",
                           .summary = "import three units' sample registers, deduplicate them and check a new employer",
                           .access = Access::write,
                           .min_role = Role::admin,
                           .run = demo_command};
        const Command set_category{
            .name = "set-category",
            .summary = "set an orderer's category by hand; it stands over the category inferred from its records",
            .help =
                "Without a person's choice, an orderer's category is inferred from its source records' legal\n"
                "forms and the City's names whenever its golden record is built. A choice is kept through\n"
                "dedupe runs, merges and unmerges, and listed in register history.",
            .flags = {{.name = "orderer", .type = FlagType::integer, .help = "the orderer", .required = true},
                      {.name = "category",
                       .type = FlagType::string,
                       .help = "city, company, association, foundation, parish, private_person or unknown",
                       .required = true},
                      {.name = "by", .type = FlagType::string, .help = "who decides (default: the unit, or the role)"},
                      {.name = "reason", .type = FlagType::string, .help = "why, for the history"}},
            .access = Access::write,
            .min_role = Role::staff,
            .run = set_category_command};

        return {add,         get,          list,  show,    check,   import,      dedupe,      export_clusters,
                contact_add, contact_list, merge, unmerge, history, review_list, review_show, review_decide,
                set_category, demo};
    }

    std::vector<ScriptEntry> script_entries() const override { return register_script_entries(); }
};

std::shared_ptr<Plugin> create_plugin() { return std::make_shared<RegisterPlugin>(); }

}  // namespace
}  // namespace jobcenter::register_plugin

JOBCENTER_PLUGIN(jobcenter::register_plugin::create_plugin)

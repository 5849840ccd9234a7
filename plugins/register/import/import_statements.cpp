// The SQL text of the import's statements, written once from their column lists.
#include "register/import/import_statements.hpp"

namespace jobcenter::register_plugin {
namespace {

// "v.columnN" of a VALUES list: the column at `position` (0-based).
std::string value_column(int position) { return "v.column" + std::to_string(position + 1); }

}  // namespace

const ImportSql& import_sql() {
    static const ImportSql sql{
        insert_sql("source_record", record_insert),
        update_sql("source_record", record_update),
        insert_sql("source_record_given", given_insert),
        update_sql("source_record_given", given_update),
        insert_sql("orderer", orderer_insert),
        "UPDATE source_record SET orderer_id = " + value_column(record_orderer_values.at("orderer_id")) +
            " FROM (VALUES $ROWS) AS v WHERE source_record.id = " + value_column(record_orderer_values.at("id")),
    };
    return sql;
}

}  // namespace jobcenter::register_plugin

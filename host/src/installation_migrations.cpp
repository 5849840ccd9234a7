// Owns the comparison of a database's recorded migrations with this installation's schema folders: which
// component has which folder, and each component's audit (applied, drifted, pending).
#include "installation_migrations.hpp"

#include <algorithm>
#include <set>
#include <system_error>

namespace jobcenter {
namespace {

struct SchemaFolder {
    std::string component;
    std::filesystem::path folder;
};

// The host's folder, then every loaded plugin's that has migrations.
std::vector<SchemaFolder> installed_folders(const CommandRouter& router) {
    const auto& root = router.paths().schema;
    std::vector<SchemaFolder> folders{{"host", root / "host"}};
    for (const auto& loaded : router.plugin_set().plugins) {
        auto folder = loaded.plugin->schema_folder();
        if (!folder.empty()) folders.push_back({loaded.plugin->name(), root / folder});
    }
    return folders;
}

}  // namespace

bool InstallationMigrations::records_host() const {
    return std::any_of(components.begin(), components.end(), [](const ComponentMigrations& c) {
        return c.component == "host" && !(c.audit.applied.empty() && c.audit.drifted.empty());
    });
}

InstallationMigrations audit_installation_migrations(Database& db, const CommandRouter& router) {
    std::vector<SchemaFolder> folders = installed_folders(router);
    std::set<std::string> known;
    for (const auto& f : folders) known.insert(f.component);

    InstallationMigrations result;
    std::set<std::string> recorded;
    for (const auto& m : applied_migrations(db)) recorded.insert(m.component);
    for (const auto& component : recorded) {
        if (known.count(component)) continue;
        auto folder = router.paths().schema / component;
        std::error_code ec;
        if (std::filesystem::is_directory(folder, ec))
            folders.push_back({component, folder});
        else
            result.unknown_components.push_back(component);
    }
    for (const auto& f : folders)
        result.components.push_back({f.component, f.folder, audit_migrations(db, f.folder, f.component)});
    return result;
}

std::string describe_drift(const DriftedMigration& d) {
    const std::string recorded = d.component + "/" + d.recorded_name;
    switch (d.drift) {
        case MigrationDrift::unknown:
            return "it records the migration " + recorded +
                   ", which this version of Jobcenter does not know (was it made by a newer version?)";
        case MigrationDrift::renamed:
            return "it records the migration " + recorded + ", but this version's migration " +
                   std::to_string(d.version) + " of " + d.component + " is " + d.file_name;
        case MigrationDrift::changed:
            return "it records the migration " + recorded + " with another checksum than this version's file " +
                   d.file.string();
    }
    return {};
}

boost::json::array migrations_by_component(const std::vector<AppliedMigration>& migrations) {
    boost::json::array rows;
    for (const auto& m : migrations) {  // ordered by component and version
        if (rows.empty() || rows.back().at("component").as_string() != m.component)
            rows.push_back(boost::json::object{{"component", m.component}, {"applied", 0}, {"newest", ""}});
        auto& row = rows.back().as_object();
        row["applied"] = row["applied"].as_int64() + 1;
        row["newest"] = m.name;
    }
    return rows;
}

}  // namespace jobcenter

// Owns `jobcenter backup FILE`: open the live database without migrating it, copy it with the online
// backup API into a new file, and describe what the copy holds.
#include "backup.hpp"

#include "byte_size.hpp"
#include "installation_migrations.hpp"
#include "online_backup.hpp"

namespace jobcenter {

boost::json::object backup_database(const HostPaths& paths, const OpenOptions& options,
                                    const std::filesystem::path& target) {
    OpenOptions existing = options;
    existing.create = false;
    CopiedDatabase copied;
    {
        Database live = Database::open(paths.database, existing);
        copied = copy_to_new_file(live, target);
    }
    OpenOptions read_only = existing;
    read_only.read_only = true;
    Database copy = Database::open(copied.file, read_only);
    return boost::json::object{{"backup", copied.file.string()},
                               {"database", paths.database.string()},
                               {"bytes", copied.bytes},
                               {"size", byte_size_text(copied.bytes)},
                               {"migrations", migrations_by_component(applied_migrations(copy))}};
}

}  // namespace jobcenter

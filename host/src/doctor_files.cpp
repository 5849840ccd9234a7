// Owns the doctor's checks of the database's files on disk: who besides their owner may read or write the
// database, its -wal and -shm and its folder (it holds social-welfare data), and the free space beside it.
#include <cstdio>
#include <system_error>

#include "byte_size.hpp"
#include "doctor.hpp"

namespace jobcenter {
namespace fs = std::filesystem;
namespace {

std::string mode_text(fs::perms perms) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(perms) & 07777u);
    return text;
}

bool any(fs::perms perms, fs::perms bits) { return (perms & bits) != fs::perms::none; }

// "its group and everyone else may read it"; empty when only the owner may read or write it.
std::string exposure(fs::perms perms, bool folder) {
    auto rights = [&](fs::perms read, fs::perms write) -> std::string {
        const std::string what = folder ? "list" : "read";
        if (any(perms, read) && any(perms, write)) return what + " and write";
        if (any(perms, read)) return what;
        if (any(perms, write)) return "write";
        return "";
    };
    const std::string group = rights(fs::perms::group_read, fs::perms::group_write);
    const std::string others = rights(fs::perms::others_read, fs::perms::others_write);
    if (group.empty() && others.empty()) return "";
    if (group == others) return "its group and everyone else may " + group + " it";
    if (others.empty()) return "its group may " + group + " it";
    if (group.empty()) return "everyone else may " + others + " it";
    return "its group may " + group + " it, everyone else may " + others + " it";
}

Finding permission_finding(const fs::path& path, bool folder) {
    const fs::perms perms = fs::status(path).permissions();
    const std::string exposed = exposure(perms, folder);
    const std::string what = (folder ? "folder " : "") + path.string() + " has mode " + mode_text(perms);
    if (exposed.empty()) return {"permissions", FindingStatus::ok, what + ": only its owner may use it", ""};
    std::string advice = std::string("chmod ") + (folder ? "700 " : "600 ") + path.string();
    if (folder && any(perms, fs::perms::sticky_bit))  // a shared folder such as /tmp: not one to chmod
        advice = "move the database into a folder of its own (such as /var/lib/jobcenter), then chmod 700 that folder";
    return {"permissions", FindingStatus::warning, what + ": " + exposed + " (it holds social-welfare data)", advice};
}

Finding disk_space_finding(const fs::path& database, const fs::path& folder) {
    std::error_code ec;
    std::uintmax_t used = 0;
    for (const char* suffix : {"", "-wal"}) {
        auto size = fs::file_size(database.string() + suffix, ec);
        if (!ec) used += size;
    }
    const fs::space_info space = fs::space(folder, ec);
    if (ec)
        return {"disk space", FindingStatus::warning, "cannot tell the free space in " + folder.string() + ": " + ec.message(), ""};
    const std::string detail = byte_size_text(space.available) + " free in " + folder.string() +
                               " beside a database of " + byte_size_text(used);
    // A backup beside the database, or a bulk import's or dedupe's journal, may take as much again.
    if (space.available >= 2 * used) return {"disk space", FindingStatus::ok, detail, ""};
    return {"disk space", space.available < used ? FindingStatus::problem : FindingStatus::warning, detail,
            "free space there or move the database: a backup beside it, or an import or dedupe, may need as much "
            "room again as the database takes"};
}

}  // namespace

Findings file_findings(const fs::path& given) {
    std::error_code ec;
    const fs::path database = fs::absolute(given, ec).lexically_normal();
    const fs::path folder = database.parent_path().empty() ? fs::path(".") : database.parent_path();
    Findings findings;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::path file = database.string() + suffix;
        if (fs::exists(file, ec)) findings.push_back(permission_finding(file, false));
    }
    if (fs::is_directory(folder, ec)) {
        findings.push_back(permission_finding(folder, true));
        findings.push_back(disk_space_finding(database, folder));
    }
    return findings;
}

}  // namespace jobcenter

// Writing export documents: each to a private temporary file renamed into place, the written ones removed again
// when a later one fails.
#include "pricing/exports/export_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "jobcenter/errors.hpp"

namespace jobcenter::pricing {
namespace fs = std::filesystem;
namespace {

bool safe_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

// Writes `content` to `path` with mode 0600 (created new).
void write_private_file(const fs::path& path, const std::string& content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) throw InternalError("cannot create " + path.string() + ": " + std::strerror(errno), "--out");
    std::size_t written = 0;
    while (written < content.size()) {
        const auto n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const std::string reason = std::strerror(errno);
            ::close(fd);
            throw InternalError("cannot write " + path.string() + ": " + reason, "--out");
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0)
        throw InternalError("cannot write " + path.string() + ": " + std::strerror(errno), "--out");
}

void check_targets(const fs::path& folder, const std::vector<ExportDocument>& documents) {
    std::error_code error;
    if (!fs::is_directory(folder, error))
        throw NotFoundError("the folder " + folder.string() + " does not exist: create it first", "--out");
    for (const auto& document : documents)
        if (fs::exists(folder / document.file_name, error))
            throw RefusedError((folder / document.file_name).string() +
                                   " exists already: an export never replaces a file; move it away or give another folder",
                               "--out");
}

void remove_all_of(const std::vector<fs::path>& paths) {
    std::error_code ignored;
    for (const auto& path : paths) fs::remove(path, ignored);
}

}  // namespace

std::string safe_file_stem(std::string_view stem) {
    std::string out(stem);
    for (auto& c : out)
        if (!safe_character(c)) c = '_';
    if (!out.empty() && out.front() == '.') out.front() = '_';
    return out;
}

void write_documents(const fs::path& folder, const std::vector<ExportDocument>& documents) {
    check_targets(folder, documents);
    std::vector<fs::path> written;
    try {
        for (const auto& document : documents) {
            const fs::path target = folder / document.file_name;
            const fs::path partial = folder / ("." + document.file_name + ".partial");
            fs::remove(partial);
            write_private_file(partial, document.content);
            if (fs::exists(target)) {
                fs::remove(partial);
                throw RefusedError(target.string() + " appeared while the export was writing: nothing was kept", "--out");
            }
            fs::rename(partial, target);
            written.push_back(target);
        }
    } catch (const fs::filesystem_error& e) {
        remove_all_of(written);
        throw InternalError(std::string("cannot write the export: ") + e.what(), "--out");
    } catch (...) {
        remove_all_of(written);
        throw;
    }
}

}  // namespace jobcenter::pricing

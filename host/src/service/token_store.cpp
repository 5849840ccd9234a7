// The token file: parsing and writing its lines, new secrets from getrandom(), and the constant-time lookup.
#include "service/token_store.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "jobcenter/errors.hpp"
#include "service/sha256.hpp"

namespace jobcenter {
namespace {

constexpr char file_header[] =
    "# Jobcenter bearer tokens, written by `jobcenter token add|revoke`: one per line, tab-separated:\n"
    "# name, unit, role, SHA-256 of the secret, created (UTC), revoked (UTC, empty while in force).\n";

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (;;) {
        const auto tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) return fields;
        start = tab + 1;
    }
}

bool is_hex_digest(const std::string& text) {
    return text.size() == 64 &&
           std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

void check_token_name(const std::string& name) {
    const bool ok = !name.empty() && name.size() <= 64 &&
                    std::all_of(name.begin(), name.end(), [](char c) {
                        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                    }) &&
                    name.front() != '.' && name.front() != '-';
    if (!ok)
        throw UsageError("a token name is 1-64 characters of a-z, 0-9, '.', '_' and '-', not starting with '.' or '-': '" +
                             name + "'",
                         "NAME");
}

TokenRecord parse_line(const std::string& line, const std::string& where) {
    auto fields = split_tabs(line);
    if (fields.size() != 6)
        throw UsageError("a token line has 6 tab-separated fields (name, unit, role, sha256, created, revoked); this one has " +
                             std::to_string(fields.size()),
                         where);
    if (!is_hex_digest(fields[3])) throw UsageError("the fourth field is not a SHA-256 in 64 hex digits", where);
    TokenRecord record{fields[0], fields[1], Role::viewer, fields[3], fields[4], fields[5]};
    try {
        record.role = parse_role(fields[2]);
    } catch (const Error& e) {
        throw UsageError(e.what(), where);
    }
    return record;
}

// 256 bits from the kernel's random source, as base64url without padding (43 characters).
std::string new_secret() {
    unsigned char bytes[32];
    std::size_t filled = 0;
    while (filled < sizeof bytes) {
        const ssize_t got = ::getrandom(bytes + filled, sizeof bytes - filled, 0);
        if (got < 0) throw InternalError("the system's random source failed; no token was made");
        filled += static_cast<std::size_t>(got);
    }
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string text = "jc_";
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char byte : bytes) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            text.push_back(alphabet[(buffer >> bits) & 0x3f]);
        }
    }
    if (bits > 0) text.push_back(alphabet[(buffer << (6 - bits)) & 0x3f]);
    return text;
}

}  // namespace

TokenStore::TokenStore(std::filesystem::path file) : file_(std::move(file)) {}

void TokenStore::reload_if_changed() {
    // One stat per request. Every write renames a new file over the old one: a new inode tells a change even
    // within one clock tick.
    struct stat info {};
    if (::stat(file_.c_str(), &info) != 0) {
        records_.clear();
        loaded_ = true;
        loaded_stamp_ = {};
        return;
    }
    const FileStamp stamp{info.st_ino, static_cast<std::int64_t>(info.st_size),
                          static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
    if (loaded_ && stamp == loaded_stamp_) return;
    std::ifstream in(file_);
    if (!in) throw NotFoundError("cannot read the token file", file_.string());
    std::vector<TokenRecord> records;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line.front() == '#') continue;
        records.push_back(parse_line(line, file_.string() + ":" + std::to_string(number)));
    }
    std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    records_ = std::move(records);
    loaded_stamp_ = stamp;
    loaded_ = true;
}

std::optional<TokenRecord> TokenStore::find_by_secret(std::string_view secret) {
    const std::string digest = sha256_hex(secret);
    std::lock_guard lock(mutex_);
    reload_if_changed();
    // Every record is compared, whichever matches: the time taken does not tell which one did.
    const TokenRecord* found = nullptr;
    for (const auto& record : records_)
        if (equal_in_constant_time(record.secret_sha256_hex, digest)) found = &record;
    if (!found || !found->revoked_at.empty()) return std::nullopt;
    return *found;
}

std::vector<TokenRecord> TokenStore::list() {
    std::lock_guard lock(mutex_);
    reload_if_changed();
    return records_;
}

void TokenStore::write_all() const {
    std::ostringstream text;
    text << file_header;
    for (const auto& r : records_)
        text << r.name << '\t' << r.unit << '\t' << role_name(r.role) << '\t' << r.secret_sha256_hex << '\t'
             << r.created_at << '\t' << r.revoked_at << '\n';
    const std::string content = text.str();
    const std::filesystem::path temporary = file_.string() + ".new";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw RefusedError("cannot write the token file (" + std::string(std::strerror(errno)) + ")", temporary.string());
    // The new file keeps the old one's owner and group: the service account that reads it stays able to.
    struct stat old_file {};
    const bool keep_owner = ::stat(file_.c_str(), &old_file) == 0;
    const bool written = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
                         ::fchmod(fd, 0600) == 0 && (!keep_owner || ::fchown(fd, old_file.st_uid, old_file.st_gid) == 0) &&
                         ::fsync(fd) == 0;
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), file_.c_str()) != 0) {
        ::unlink(temporary.c_str());
        throw RefusedError("cannot write the token file; it is unchanged", file_.string());
    }
}

IssuedToken TokenStore::add(const std::string& name, const std::string& unit, Role role, const std::string& now_iso) {
    check_token_name(name);
    std::lock_guard lock(mutex_);
    reload_if_changed();
    if (std::any_of(records_.begin(), records_.end(), [&](const auto& r) { return r.name == name; }))
        throw RefusedError("a token named '" + name + "' exists (names are never reused, also after a revoke)", "NAME");
    IssuedToken issued{TokenRecord{name, unit, role, {}, now_iso, {}}, new_secret()};
    issued.record.secret_sha256_hex = sha256_hex(issued.secret);
    records_.push_back(issued.record);
    std::sort(records_.begin(), records_.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    write_all();
    loaded_ = false;  // read back what was written, with its stamp
    return issued;
}

TokenRecord TokenStore::revoke(const std::string& name, const std::string& now_iso) {
    std::lock_guard lock(mutex_);
    reload_if_changed();
    auto it = std::find_if(records_.begin(), records_.end(), [&](const auto& r) { return r.name == name; });
    if (it == records_.end()) throw NotFoundError("no token is named '" + name + "': see `jobcenter token list`", "NAME");
    if (!it->revoked_at.empty()) throw RefusedError("the token '" + name + "' was revoked at " + it->revoked_at, "NAME");
    it->revoked_at = now_iso;
    TokenRecord revoked = *it;
    write_all();
    loaded_ = false;
    return revoked;
}

}  // namespace jobcenter

// Bearer tokens: the token file (one line per token: name, unit, role, SHA-256 of the secret, created, revoked),
// new secrets from the system's random source, constant-time lookup by the secret's hash. The secret itself is
// never stored, logged or shown again after `jobcenter token add` prints it once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jobcenter/context.hpp"

namespace jobcenter {

struct TokenRecord {
    std::string name;         // unique, [a-z0-9._-]: "crm-pakila"
    std::string unit;         // "" for none
    Role role = Role::viewer;
    std::string secret_sha256_hex;
    std::string created_at;   // UTC ISO-8601
    std::string revoked_at;   // "" while in force
};

// A new token: the record to store and the secret to show once.
struct IssuedToken {
    TokenRecord record;
    std::string secret;  // "jc_" + 43 characters of base64url (256 random bits)
};

class TokenStore {
public:
    explicit TokenStore(std::filesystem::path file);

    // The record whose secret hashes to the same value, in force; compares against every record in constant
    // time. Re-reads the file first when it changed on disk since the last read.
    std::optional<TokenRecord> find_by_secret(std::string_view secret);

    // The records as the file holds them, sorted by name.
    std::vector<TokenRecord> list();

    // Adds a token; refuses a name already used (also by a revoked token). Writes the file atomically (a new
    // file renamed over the old, mode 0600).
    IssuedToken add(const std::string& name, const std::string& unit, Role role, const std::string& now_iso);

    // Marks a token revoked (kept listed); NotFoundError for an unknown name, RefusedError when already revoked.
    TokenRecord revoke(const std::string& name, const std::string& now_iso);

    const std::filesystem::path& file() const { return file_; }

private:
    void reload_if_changed();
    void write_all() const;

    std::filesystem::path file_;
    std::mutex mutex_;
    std::vector<TokenRecord> records_;
    struct FileStamp {
        std::uint64_t inode = 0;
        std::int64_t size = -1;
        std::int64_t modified_ns = 0;
        bool operator==(const FileStamp&) const = default;
    };
    FileStamp loaded_stamp_{};
    bool loaded_ = false;
};

}  // namespace jobcenter

// The token file: a new token's secret is random and stored only as its hash, lookups find tokens in force,
// revoked ones fail, names are never reused, the file is private and re-read when another process changes it.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <set>

#include "jobcenter/errors.hpp"
#include "service/sha256.hpp"
#include "service/token_store.hpp"
#include "support/test_support.hpp"

namespace jobcenter {
namespace {
using jobcenter::testing::TempDir;

constexpr char now[] = "2026-12-07T10:00:00Z";

TEST(TokenStore, StoresOnlyTheHashOfANewSecretInAPrivateFile) {
    TempDir dir;
    TokenStore store(dir / "tokens");
    const IssuedToken issued = store.add("crm-pakila", "pakila", Role::staff, now);
    EXPECT_EQ(issued.secret.rfind("jc_", 0), 0u);
    EXPECT_EQ(issued.secret.size(), 3u + 43u);
    const std::string file = testing::read_file(dir / "tokens");
    EXPECT_EQ(file.find(issued.secret), std::string::npos);
    EXPECT_NE(file.find(sha256_hex(issued.secret)), std::string::npos);
    struct stat info {};
    ASSERT_EQ(::stat((dir / "tokens").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST(TokenStore, FindsATokenBySecretAndNotByAnythingElse) {
    TempDir dir;
    TokenStore store(dir / "tokens");
    const auto a = store.add("a", "pakila", Role::staff, now);
    const auto b = store.add("b", "", Role::coordinator, now);
    auto found = store.find_by_secret(b.secret);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "b");
    EXPECT_EQ(found->role, Role::coordinator);
    EXPECT_FALSE(store.find_by_secret(a.secret + "x"));
    EXPECT_FALSE(store.find_by_secret(sha256_hex(a.secret)));
    EXPECT_FALSE(store.find_by_secret(""));
}

TEST(TokenStore, SecretsDifferEachTime) {
    TempDir dir;
    TokenStore store(dir / "tokens");
    std::set<std::string> secrets;
    for (int i = 0; i < 50; ++i) secrets.insert(store.add("t" + std::to_string(i), "", Role::viewer, now).secret);
    EXPECT_EQ(secrets.size(), 50u);
}

TEST(TokenStore, ARevokedTokenStopsWorkingAndItsNameStaysTaken) {
    TempDir dir;
    TokenStore store(dir / "tokens");
    const auto issued = store.add("crm", "pakila", Role::staff, now);
    const auto revoked = store.revoke("crm", "2026-12-08T09:00:00Z");
    EXPECT_EQ(revoked.revoked_at, "2026-12-08T09:00:00Z");
    EXPECT_FALSE(store.find_by_secret(issued.secret));
    EXPECT_THROW(store.revoke("crm", now), RefusedError);
    EXPECT_THROW(store.add("crm", "pakila", Role::staff, now), RefusedError);
    EXPECT_THROW(store.revoke("nobody", now), NotFoundError);
    ASSERT_EQ(store.list().size(), 1u);
}

TEST(TokenStore, SeesChangesAnotherStoreMadeToTheFile) {
    TempDir dir;
    TokenStore server(dir / "tokens");
    TokenStore command_line(dir / "tokens");
    const auto issued = command_line.add("crm", "pakila", Role::staff, now);
    ASSERT_TRUE(server.find_by_secret(issued.secret));
    command_line.revoke("crm", now);
    EXPECT_FALSE(server.find_by_secret(issued.secret));
}

TEST(TokenStore, RefusesBadNamesAndMalformedLinesNamingTheLine) {
    TempDir dir;
    TokenStore store(dir / "tokens");
    for (const char* bad : {"", "Crm", "crm pakila", "-crm", "crm/../x"})
        EXPECT_THROW(store.add(bad, "", Role::viewer, now), UsageError) << bad;
    testing::write_file(dir / "broken", "# comment\nname\tunit\tstaff\tnot-a-hash\t" + std::string(now) + "\t\n");
    TokenStore broken(dir / "broken");
    try {
        broken.list();
        FAIL() << "a malformed line was accepted";
    } catch (const UsageError& e) {
        EXPECT_EQ(e.where(), (dir / "broken").string() + ":2");
    }
}

}  // namespace
}  // namespace jobcenter

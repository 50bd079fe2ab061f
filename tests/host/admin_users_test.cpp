// The admin pages' users, passwords and sessions, on the test's database; and the HTML helpers.
#include <gtest/gtest.h>

#include "estore/host/storage/database.h"
#include "estore/host/ui/html.h"
#include "estore/host/ui/password_hash.h"
#include "estore/host/ui/settings_form.h"
#include "estore/host/ui/ui_sessions.h"
#include "estore/host/ui/ui_users.h"
#include "test_support.h"

using namespace estore::host;

namespace {

constexpr int kFewIterations = 1000;  // the stored count is what verify uses; tests need no 600,000
constexpr std::int64_t kNow = 1'800'000'000'000;

class AdminUsers : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        _db = std::make_unique<Database>(_dir.database());
    }
    estore::test::TempDir _dir;
    std::unique_ptr<Database> _db;
};

}  // namespace

TEST(PasswordHash, VerifiesOnlyTheSamePasswordAndSaltsEveryHash) {
    const std::string hash = PasswordHash::make("correct horse battery", kFewIterations);
    EXPECT_EQ(hash.rfind("pbkdf2-sha256$1000$", 0), 0u) << hash;
    EXPECT_EQ(hash.find("correct horse"), std::string::npos);
    EXPECT_TRUE(PasswordHash::verify("correct horse battery", hash));
    EXPECT_FALSE(PasswordHash::verify("correct horse batter", hash));
    EXPECT_FALSE(PasswordHash::verify("", hash));
    EXPECT_NE(PasswordHash::make("correct horse battery", kFewIterations), hash) << "a new salt each time";
    EXPECT_FALSE(PasswordHash::verify("x", "plain text"));
    EXPECT_FALSE(PasswordHash::verify("x", "pbkdf2-sha256$0$AAAA$AAAA"));
    EXPECT_EQ(PasswordHash::weakness("short"), "too_short");
    EXPECT_EQ(PasswordHash::weakness("          "), "empty");
    EXPECT_EQ(PasswordHash::weakness("long enough pass"), "");
}

TEST(PasswordHash, TheDefaultIsOwaspsIterationCount) {
    const std::string hash = PasswordHash::make("correct horse battery");
    EXPECT_EQ(hash.rfind("pbkdf2-sha256$600000$", 0), 0u) << hash;
    EXPECT_TRUE(PasswordHash::verify("correct horse battery", hash));
}

TEST(UiUsersLock, FourFailuresAreFreeThenThirtySecondsDoublingUpToFifteenMinutes) {
    EXPECT_EQ(UiUsers::lockMillis(4), 0);
    EXPECT_EQ(UiUsers::lockMillis(5), 30000);
    EXPECT_EQ(UiUsers::lockMillis(6), 60000);
    EXPECT_EQ(UiUsers::lockMillis(7), 120000);
    EXPECT_EQ(UiUsers::lockMillis(10), 15 * 60000);
    EXPECT_EQ(UiUsers::lockMillis(1000), 15 * 60000);
}

TEST_F(AdminUsers, SignInCountsFailuresLocksAndANewPasswordUnlocks) {
    UiUsers users(*_db);
    EXPECT_TRUE(users.add("ana", PasswordHash::make("pravo geslo 123", kFewIterations), kNow));
    EXPECT_TRUE(users.signIn("ana", "pravo geslo 123", kNow).ok());
    EXPECT_EQ(users.signIn("nobody", "pravo geslo 123", kNow).status, SignInResult::Status::Wrong);
    for (int i = 0; i < 4; ++i) {
        const auto wrong = users.signIn("ana", "napačno", kNow);
        EXPECT_EQ(wrong.status, SignInResult::Status::Wrong);
        EXPECT_EQ(wrong.lockedUntil, 0);
    }
    EXPECT_EQ(users.signIn("ana", "napačno", kNow).lockedUntil, kNow + 30000);
    const auto locked = users.signIn("ana", "pravo geslo 123", kNow + 29999);
    EXPECT_EQ(locked.status, SignInResult::Status::Locked);
    EXPECT_EQ(locked.lockedUntil, kNow + 30000);
    // After the lock a right password signs in and clears the count; a wrong one locks longer.
    EXPECT_EQ(users.signIn("ana", "napačno", kNow + 30000).lockedUntil, kNow + 30000 + 60000);
    EXPECT_TRUE(users.signIn("ana", "pravo geslo 123", kNow + 90000).ok());
    EXPECT_EQ(users.signIn("ana", "napačno", kNow + 90000).lockedUntil, 0) << "the count started again";

    for (int i = 0; i < 5; ++i) users.signIn("ana", "napačno", kNow);
    EXPECT_EQ(users.signIn("ana", "pravo geslo 123", kNow).status, SignInResult::Status::Locked);
    EXPECT_FALSE(users.add("ana", PasswordHash::make("novo geslo 456", kFewIterations), kNow));
    EXPECT_TRUE(users.signIn("ana", "novo geslo 456", kNow).ok());
    EXPECT_FALSE(users.signIn("ana", "pravo geslo 123", kNow).ok());
    EXPECT_EQ(users.names(), std::vector<std::string>{"ana"});
}

TEST_F(AdminUsers, ASessionIsFoundByItsTokenUntilItExpiresIsClosedOrItsUserRemoved) {
    UiUsers users(*_db);
    users.add("ana", PasswordHash::make("pravo geslo 123", kFewIterations), kNow);
    UiSessions sessions(*_db);
    const UiSession opened = sessions.open("ana", kNow);
    EXPECT_EQ(opened.token.size(), 64u);
    EXPECT_EQ(opened.csrf.size(), 64u);
    EXPECT_NE(opened.token, opened.csrf);
    auto found = sessions.find(opened.token, kNow + 1000);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user, "ana");
    EXPECT_EQ(found->csrf, opened.csrf);
    EXPECT_FALSE(sessions.find(opened.token, opened.expiresAt));
    EXPECT_FALSE(sessions.find(std::string(64, '0'), kNow));
    EXPECT_EQ(estore::test::databaseContents(_dir.database()).find(opened.token), std::string::npos)
        << "only the token's hash is stored";

    const UiSession second = sessions.open("ana", kNow);
    sessions.close(second.token);
    EXPECT_FALSE(sessions.find(second.token, kNow));
    const UiSession third = sessions.open("ana", kNow);
    users.remove("ana");
    EXPECT_FALSE(sessions.find(third.token, kNow));
}

TEST(Html, EscapesMarkupAndKeepsRedirectsOnThisServer) {
    EXPECT_EQ(Html::escape("<script>alert('x')</script> & \"y\""),
              "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
    EXPECT_EQ(Html::escape("Darila Triglav d.o.o. – čšž"), "Darila Triglav d.o.o. – čšž");
    EXPECT_EQ(Html::localPath("/stores/wix-1?added=1"), "/stores/wix-1?added=1");
    EXPECT_EQ(Html::localPath("//evil.example/"), "/");
    EXPECT_EQ(Html::localPath("/\\evil.example/"), "/");
    EXPECT_EQ(Html::localPath("https://evil.example/"), "/");
    EXPECT_EQ(Html::localPath("/a\r\nSet-Cookie: x=y"), "/");
    EXPECT_EQ(Html::urlEncode("/stores/new?platform=wix"), "%2Fstores%2Fnew%3Fplatform%3Dwix");
}

TEST(SettingsFormMap, RowsAndTextRoundTrip) {
    const std::string text = "WixPayments=CreditCard; CASH=CashOnDelivery:fiscal;  ; lonely";
    const auto rows = SettingsForm::mapRows(text);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1], (std::pair<std::string, std::string>{"CASH", "CashOnDelivery:fiscal"}));
    EXPECT_EQ(rows[2], (std::pair<std::string, std::string>{"lonely", ""}));
    EXPECT_EQ(SettingsForm::joinMapRows(rows), "WixPayments=CreditCard; CASH=CashOnDelivery:fiscal; lonely=");
    EXPECT_TRUE(SettingsForm::mapRows("").empty());
}

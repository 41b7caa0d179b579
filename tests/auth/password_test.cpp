// Passwords: argon2id with OWASP's minimum cost, and the length rules in characters.
#include "auth/password.hpp"

#include <gtest/gtest.h>

#include <string>

namespace copydesk::auth {
namespace {

std::string Repeat(const std::string& unit, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += unit;
  return out;
}

TEST(Password, IsHashedWithArgon2idAt19MiBAndTwoPasses) {
  const std::string hash = HashPassword("correct horse battery");
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << hash;
  EXPECT_EQ(hash.find("correct horse"), std::string::npos);
  EXPECT_TRUE(VerifyPassword("correct horse battery", hash));
  EXPECT_FALSE(VerifyPassword("correct horse batterY", hash));
  EXPECT_FALSE(VerifyPassword("", hash));
  // Salted: the same password never gives the same string twice.
  const std::string again = HashPassword("correct horse battery");
  EXPECT_NE(again, hash);
  EXPECT_TRUE(VerifyPassword("correct horse battery", again));
}

TEST(Password, NonAsciiPasswordsVerify) {
  const std::string password = "mot de passe très sûr 🙂";
  const std::string hash = HashPassword(password);
  EXPECT_TRUE(VerifyPassword(password, hash));
  EXPECT_FALSE(VerifyPassword("mot de passe tres sur 🙂", hash));
}

TEST(Password, AMalformedStoredHashNeverMatches) {
  for (const std::string bad : {std::string(""), std::string("plain"), std::string("$argon2id$"),
                                std::string("$argon2id$v=19$m=19456,t=2,p=1$AAAA$BBBB")}) {
    EXPECT_FALSE(VerifyPassword("anything at all", bad)) << bad;
  }
}

TEST(Password, TheDecoyHashMatchesNothingUsual) {
  const std::string& decoy = DecoyPasswordHash();
  EXPECT_EQ(decoy.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(&DecoyPasswordHash(), &decoy);  // computed once
  EXPECT_FALSE(VerifyPassword("correct horse battery", decoy));
}

TEST(PasswordRules, TwelveToTwoHundredFiftySixCharacters) {
  EXPECT_TRUE(CheckPasswordRules(std::string(11, 'a')).has_value());
  EXPECT_FALSE(CheckPasswordRules(std::string(12, 'a')).has_value());
  EXPECT_FALSE(CheckPasswordRules(std::string(256, 'a')).has_value());
  EXPECT_TRUE(CheckPasswordRules(std::string(257, 'a')).has_value());
  EXPECT_TRUE(CheckPasswordRules("").has_value());
  EXPECT_NE(CheckPasswordRules("short")->find("12"), std::string::npos);
  EXPECT_NE(CheckPasswordRules(std::string(300, 'a'))->find("256"), std::string::npos);
}

TEST(PasswordRules, CountCharactersNotBytes) {
  // 11 accented letters are 22 bytes but still too short; 12 are enough.
  EXPECT_TRUE(CheckPasswordRules(Repeat("é", 11)).has_value());
  EXPECT_FALSE(CheckPasswordRules(Repeat("é", 12)).has_value());
  // 256 emoji are 1024 bytes and still allowed; one more is not.
  EXPECT_FALSE(CheckPasswordRules(Repeat("🙂", 256)).has_value());
  EXPECT_TRUE(CheckPasswordRules(Repeat("🙂", 257)).has_value());
  EXPECT_FALSE(CheckPasswordRules(Repeat("密码", 6)).has_value());
}

}  // namespace
}  // namespace copydesk::auth

// Record ids and secrets: unique, the right length, from the right alphabet; secret hashes stable.
#include "core/random.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace copydesk {
namespace {

TEST(NewId, IsSixteenLowercaseBase32CharactersAndUnique) {
  const std::regex shape("[a-z2-7]{16}");
  std::set<std::string> seen;
  std::set<char> alphabet;
  for (int i = 0; i < 20000; ++i) {
    const std::string id = NewId();
    ASSERT_TRUE(std::regex_match(id, shape)) << id;
    ASSERT_TRUE(seen.insert(id).second) << "duplicate id " << id;
    alphabet.insert(id.begin(), id.end());
  }
  EXPECT_EQ(alphabet.size(), 32u);  // every symbol shows up: no bias to a subset
}

TEST(NewSecret, Is256BitsOfUrlSafeBase64AndUnique) {
  const std::regex shape("[A-Za-z0-9_-]{43}");
  std::set<std::string> seen;
  for (int i = 0; i < 5000; ++i) {
    const std::string secret = NewSecret();
    ASSERT_TRUE(std::regex_match(secret, shape)) << secret;
    ASSERT_TRUE(seen.insert(secret).second);
  }
}

TEST(HashSecret, IsTheStableHexSha256) {
  EXPECT_EQ(HashSecret("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(HashSecret(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  const std::string secret = NewSecret();
  EXPECT_EQ(HashSecret(secret), HashSecret(std::string(secret)));
  EXPECT_NE(HashSecret(secret), HashSecret(secret + "x"));
  EXPECT_TRUE(std::regex_match(HashSecret(secret), std::regex("[0-9a-f]{64}")));
}

TEST(ConstantTimeEquals, ComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("token-abc", "token-abc"));
  EXPECT_FALSE(ConstantTimeEquals("token-abc", "token-abd"));
  EXPECT_FALSE(ConstantTimeEquals("token-abc", "token-ab"));
  EXPECT_FALSE(ConstantTimeEquals("", "x"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

}  // namespace
}  // namespace copydesk

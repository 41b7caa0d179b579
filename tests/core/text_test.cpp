#include "core/text.hpp"

#include <gtest/gtest.h>

namespace copydesk {
namespace {

TEST(FoldForMatch, AccentsAndCaseMeet) {
  EXPECT_EQ(FoldForMatch("Médias"), "medias");
  EXPECT_EQ(FoldForMatch("ÉNERGIE"), "energie");
  EXPECT_EQ(FoldForMatch("Cœur"), "coeur");
  EXPECT_EQ(FoldForMatch("l’offre"), "l'offre");
}

TEST(Slugify, MakesReadableUrlWords) {
  EXPECT_EQ(Slugify("Gaz & Énergie"), "gaz-energie");
  EXPECT_EQ(Slugify("  Sécurité des citernes — hiver 2026 "), "securite-des-citernes-hiver-2026");
  EXPECT_EQ(Slugify("!!!"), "workspace");
}

TEST(NormalizeEmail, TrimsLowercasesAndRefusesNonAddresses) {
  EXPECT_EQ(NormalizeEmail("  Claire.Dubois@Example.COM "), "claire.dubois@example.com");
  EXPECT_EQ(NormalizeEmail("claire"), "");
  EXPECT_EQ(NormalizeEmail("claire@localhost"), "");
  EXPECT_EQ(NormalizeEmail("a@b@c.com"), "");
  EXPECT_EQ(NormalizeEmail("cla ire@example.com"), "");
}

TEST(CountCharacters, CountsWhatPeopleCallCharacters) {
  EXPECT_EQ(CountCharacters("été"), 3u);
  EXPECT_EQ(CountCharacters("🙂"), 1u);
}

}  // namespace
}  // namespace copydesk

namespace copydesk {
namespace {

TEST(ToValidUtf8, ReplacesBadBytesAndNeverCutsACharacter) {
  EXPECT_EQ(ToValidUtf8("Mozilla/5.0 été", 100), "Mozilla/5.0 été");
  EXPECT_EQ(ToValidUtf8("caf\xe9", 100), "caf\xEF\xBF\xBD");                // Latin-1 é
  EXPECT_EQ(ToValidUtf8("a\xc0\xafz", 100), "a\xEF\xBF\xBD\xEF\xBF\xBDz");  // overlong
  EXPECT_EQ(ToValidUtf8("\xed\xa0\x80", 100), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(ToValidUtf8("abé", 3), "ab");  // é is two bytes: left out whole
  EXPECT_EQ(ToValidUtf8("ab🙂", 5), "ab");
  EXPECT_EQ(ToValidUtf8("ab🙂", 6), "ab🙂");
  EXPECT_EQ(ToValidUtf8("", 10), "");
  EXPECT_EQ(ToValidUtf8(std::string(500, 'a'), 300).size(), 300u);
}

}  // namespace
}  // namespace copydesk

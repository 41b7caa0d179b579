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

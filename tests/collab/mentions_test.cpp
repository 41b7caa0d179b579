// Mentions as written in comments and task descriptions, and quoted passages found again in a
// changed text: the rules behind notifications and anchors, without HTTP.
#include "collab/mentions.hpp"

#include <gtest/gtest.h>

#include "collab/anchors.hpp"

namespace copydesk::collab {
namespace {

TEST(Mentions, StructuredMentionsNameTheirIds) {
  const auto m = ParseMentions("@[Claire Dubois](user:abc123) et @[Légal](team:t9) svp");
  EXPECT_EQ(m.user_ids, std::set<std::string>{"abc123"});
  EXPECT_EQ(m.team_ids, std::set<std::string>{"t9"});
  EXPECT_FALSE(m.everyone);
  EXPECT_TRUE(m.plains.empty());
}

TEST(Mentions, EveryoneAndPlainNamesAndNotEmails) {
  const auto m = ParseMentions("@everyone, voir @Hugo Bernard. Écrire à hugo@example.com");
  EXPECT_TRUE(m.everyone);
  ASSERT_EQ(m.plains.size(), 1u);
  EXPECT_EQ(m.plains[0].substr(0, 12), "hugo bernard");
  EXPECT_FALSE(ParseMentions("@everyones").everyone);
}

TEST(Mentions, PlainNamesMatchTheLongestNameAtAWordBoundary) {
  const std::vector<Mentionable> names = {
      {"ines", {"u1"}}, {"ines martin", {"u2"}}, {"in", {"u3"}}};
  EXPECT_EQ(MatchPlain("ines martin, merci", names)->user_ids[0], "u2");
  EXPECT_EQ(MatchPlain("ines, merci", names)->user_ids[0], "u1");
  EXPECT_EQ(MatchPlain("inesperado", names), nullptr);
}

TEST(Anchors, APassageFollowsTextInsertedBeforeIt) {
  const std::string before = "Un. Le gel. Deux. Le gel.";
  const std::string after = "Zéro. Un. Le gel. Deux. Le gel.";
  // The second "Le gel" (at 18) stays the second one, now at 24.
  EXPECT_EQ(RelocateQuote(before, after, "Le gel", 18), 24);
  EXPECT_EQ(RelocateQuote(before, after, "Le gel", 4), 10);
}

TEST(Anchors, APassageEditedAfterItStaysWhereItWas) {
  EXPECT_EQ(RelocateQuote("Le gel. Fin.", "Le gel. Fin, vraiment.", "Le gel", 0), 0);
}

TEST(Anchors, ARemovedPassageIsNotFound) {
  EXPECT_EQ(RelocateQuote("Le gel. Fin.", "Fin.", "Le gel", 0), std::nullopt);
}

TEST(Anchors, OffsetsCountCharactersNotBytes) {
  EXPECT_EQ(FindQuote("Été, été.", "été"), std::vector<std::int64_t>{5});
}

}  // namespace
}  // namespace copydesk::collab

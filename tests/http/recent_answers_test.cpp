// The answers kept for identical requests: found while young, gone at their lifetime, the least
// recently used dropped first when the count or the bytes run out.
#include "http/recent_answers.hpp"

#include <gtest/gtest.h>

namespace copydesk::http {
namespace {

Response Answer(std::string body) {
  return Response{200, "application/json", std::move(body), {}};
}

TEST(RecentAnswers, AnAnswerServesUntilItsLifetimeEnds) {
  RecentAnswers answers(8, 1 << 20, 1000);
  answers.Keep("k", Answer("[1]"), 5000);
  ASSERT_TRUE(answers.Find("k", 5999).has_value());
  EXPECT_EQ(answers.Find("k", 5999)->body, "[1]");
  EXPECT_FALSE(answers.Find("k", 6000).has_value());
  EXPECT_EQ(answers.size(), 0u);
  // A clock that went back does not make an answer young forever.
  answers.Keep("k", Answer("[2]"), 5000);
  EXPECT_FALSE(answers.Find("k", 4000).has_value());
}

TEST(RecentAnswers, TheLeastRecentlyUsedGoesFirstByCountAndByBytes) {
  RecentAnswers answers(2, 1 << 20, 1000);
  answers.Keep("a", Answer("a"), 0);
  answers.Keep("b", Answer("b"), 0);
  ASSERT_TRUE(answers.Find("a", 1).has_value());  // "b" is now the least recently used
  answers.Keep("c", Answer("c"), 1);
  EXPECT_TRUE(answers.Find("a", 2).has_value());
  EXPECT_FALSE(answers.Find("b", 2).has_value());
  EXPECT_TRUE(answers.Find("c", 2).has_value());

  RecentAnswers small(100, 100, 1000);
  small.Keep("x", Answer(std::string(20, 'x')), 0);
  small.Keep("y", Answer(std::string(20, 'y')), 0);
  small.Keep("z", Answer(std::string(20, 'z')), 0);
  small.Keep("w", Answer(std::string(20, 'w')), 0);
  small.Keep("v", Answer(std::string(26, 'v')), 0);  // over a quarter of the bytes: not kept
  EXPECT_FALSE(small.Find("v", 1).has_value());
  small.Keep("u", Answer(std::string(20, 'u')), 0);
  EXPECT_EQ(small.size(), 5u);
  small.Keep("t", Answer(std::string(20, 't')), 0);  // 120 bytes: the oldest goes
  EXPECT_FALSE(small.Find("x", 1).has_value());
  EXPECT_TRUE(small.Find("t", 1).has_value());
}

TEST(RecentAnswers, KeepingAgainReplacesTheAnswer) {
  RecentAnswers answers(4, 1 << 20, 1000);
  answers.Keep("k", Answer("old"), 0);
  answers.Keep("k", Answer("new"), 10);
  EXPECT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers.Find("k", 20)->body, "new");
}

}  // namespace
}  // namespace copydesk::http

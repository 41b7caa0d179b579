// The networks' counting rules against their documented behaviour: X's weighted count as the
// twitter-text package computes it (tests/data/x_counting_examples.json, which the web's
// counters read too), code points for the others, hashtags and mentions.
#include "content/channel_rules.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/source_file.hpp"

namespace copydesk::content {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

// The examples sit at a fixed place in the source tree, found from this file's path.
fs::path ExamplesFile() {
  return testing::SourceFile(__FILE__, 2, fs::path("tests") / "data" / "x_counting_examples.json");
}

json::array Examples() {
  std::ifstream in(ExamplesFile());
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str()).at("examples").as_array();
}

TEST(ChannelRulesTest, XCountsEveryExampleAsTwitterTextDoes) {
  const auto examples = Examples();
  ASSERT_GT(examples.size(), 20u);
  for (const auto& e : examples) {
    const std::string text(e.at("text").as_string());
    EXPECT_EQ(XWeightedLength(text), e.at("weighted_length").to_number<std::int64_t>()) << text;
    EXPECT_EQ(CountHashtags(text), e.at("hashtags").to_number<std::int64_t>()) << text;
    EXPECT_EQ(CountMentions(text), e.at("mentions").to_number<std::int64_t>()) << text;
  }
}

TEST(ChannelRulesTest, XCountsUrlsAs23WhateverTheirLength) {
  EXPECT_EQ(XWeightedLength("https://a.co"), 23);
  EXPECT_EQ(XWeightedLength("https://example.com/" + std::string(200, 'a')), 23);
  EXPECT_EQ(XWeightedLength("Lire : https://example.com/x."), 7 + 23 + 1);
}

TEST(ChannelRulesTest, XCountsEmojiSequencesAsTwo) {
  EXPECT_EQ(XWeightedLength("\xF0\x9F\x91\x8D"), 2);                  // thumbs up
  EXPECT_EQ(XWeightedLength("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"), 2);  // with a skin tone
  // Woman, ZWJ, laptop: one emoji however many code points.
  EXPECT_EQ(XWeightedLength("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB"), 2);
}

TEST(ChannelRulesTest, AccentsCountOnceWhetherComposedOrNot) {
  EXPECT_EQ(XWeightedLength("e\xCC\x81t\xC3\xA9"), 3);  // "été" with a combining accent first
  EXPECT_EQ(CodePointLength("e\xCC\x81t\xC3\xA9"), 3);
  EXPECT_EQ(CountText("\xE6\x97\xA5\xE6\x9C\xAC", Counting::kX), 4);  // CJK weighs 2 on X
  EXPECT_EQ(CountText("\xE6\x97\xA5\xE6\x9C\xAC", Counting::kChars), 2);
}

TEST(ChannelRulesTest, EveryNetworkHasItsPublishedLimits) {
  ASSERT_NE(RulesOf("x"), nullptr);
  EXPECT_EQ(FieldOf(*RulesOf("x"), "text")->limit, 280);
  EXPECT_EQ(FieldOf(*RulesOf("x"), "text")->counting, Counting::kX);
  EXPECT_EQ(FieldOf(*RulesOf("linkedin"), "text")->limit, 3000);
  EXPECT_EQ(RulesOf("linkedin")->hook, 210);
  EXPECT_EQ(RulesOf("instagram")->hashtag_limit, 30);
  EXPECT_EQ(RulesOf("instagram")->mention_limit, 20);
  EXPECT_EQ(FieldOf(*RulesOf("newsletter"), "subject")->limit, 78);
  EXPECT_EQ(FieldOf(*RulesOf("newsletter"), "preheader")->limit, 100);
  EXPECT_EQ(FieldOf(*RulesOf("newsletter"), "body"), nullptr);
  EXPECT_EQ(RulesOf("website"), nullptr);
}

}  // namespace
}  // namespace copydesk::content

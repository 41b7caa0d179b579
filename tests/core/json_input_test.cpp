// The strict JSON reader every request body goes through.
#include "core/json_input.hpp"

#include <gtest/gtest.h>

namespace copydesk {
namespace {

//! The fields named by an error, in order.
std::vector<std::string> Fields(const Error& error) {
  std::vector<std::string> out;
  for (const auto& f : error.fields) out.push_back(f.field);
  return out;
}

JsonInput Read(std::string_view text) {
  auto in = JsonInput::Parse(text);
  EXPECT_TRUE(in.ok()) << text;
  return std::move(in).value();
}

TEST(JsonInput, RefusesWhatIsNotOneWellFormedObject) {
  for (const std::string text :
       {std::string(""), std::string("{"), std::string("[]"), std::string("\"x\""),
        std::string("42"), std::string("null"), std::string("{\"a\":1} {}"),
        std::string("{\"a\":1,}"), std::string("{'a':1}"), std::string("{\"a\":1 /* c */}"),
        std::string("{\"a\":\"\\ud800\"}"), std::string("{\"a\":\"\xff\"}"),
        std::string("{\"a\":\"\xc0\xaf\"}")}) {
    auto in = JsonInput::Parse(text);
    ASSERT_FALSE(in.ok()) << text;
    EXPECT_EQ(in.error().kind, ErrorKind::kBadRequest) << text;
  }
}

TEST(JsonInput, BoundsNesting) {
  const auto nested = [](int depth) {
    return "{\"a\":" + std::string(depth, '[') + std::string(depth, ']') + "}";
  };
  EXPECT_TRUE(JsonInput::Parse(nested(20)).ok());
  EXPECT_FALSE(JsonInput::Parse(nested(100)).ok());
  EXPECT_FALSE(JsonInput::Parse(nested(100000)).ok());  // no stack overflow
}

TEST(JsonInput, ReadsEachTypeAndAcceptsWhenEverythingWasRead) {
  auto in = Read(R"({"name":"Médias","count":3,"big":9007199254740993,"on":true,
                     "tags":["a","b"],"fields":{"x":1},"any":[1,"two"]})");
  EXPECT_EQ(in.String("name", JsonInput::kRequired), "Médias");
  EXPECT_EQ(in.Int("count"), 3);
  EXPECT_EQ(in.Int("big"), 9007199254740993);
  EXPECT_EQ(in.Bool("on"), true);
  EXPECT_EQ(in.StringArray("tags"), (std::vector<std::string>{"a", "b"}));
  ASSERT_TRUE(in.Object("fields").has_value());
  ASSERT_TRUE(in.Raw("any").has_value());
  EXPECT_FALSE(in.String("absent").has_value());
  EXPECT_TRUE(in.Finish().ok());
}

TEST(JsonInput, NamesEveryFieldAtFaultAtOnce) {
  auto in = Read(R"({"name":42,"count":"3","on":"yes","tags":["a",2],"extra":1,"more":null})");
  EXPECT_FALSE(in.String("name").has_value());
  EXPECT_FALSE(in.Int("count").has_value());
  EXPECT_FALSE(in.Bool("on").has_value());
  EXPECT_FALSE(in.StringArray("tags").has_value());
  EXPECT_FALSE(in.String("email", JsonInput::kRequired).has_value());
  auto done = in.Finish();
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().kind, ErrorKind::kBadRequest);
  auto fields = Fields(done.error());
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields,
            (std::vector<std::string>{"count", "email", "extra", "more", "name", "on", "tags[1]"}));
  for (const char* field : {"name", "extra", "email", "tags[1]"}) {
    EXPECT_NE(done.error().detail.find(field), std::string::npos) << done.error().detail;
  }
}

TEST(JsonInput, NullIsAbsentForOptionalFieldsAndMissingForRequiredOnes) {
  auto in = Read(R"({"a":null,"b":null})");
  EXPECT_TRUE(in.Has("a"));
  EXPECT_TRUE(in.IsNull("a"));
  EXPECT_FALSE(in.Has("c"));
  EXPECT_FALSE(in.IsNull("c"));
  EXPECT_FALSE(in.String("a").has_value());
  EXPECT_FALSE(in.String("b", JsonInput::kRequired).has_value());
  auto done = in.Finish();
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(Fields(done.error()), std::vector<std::string>{"b"});
  EXPECT_EQ(done.error().fields[0].message, "is required");
}

TEST(JsonInput, RefusesOversizedValues) {
  auto in = Read(R"({"name":"abcdef","tags":["a","b","c"]})");
  EXPECT_FALSE(in.String("name", JsonInput::kRequired, 5).has_value());
  EXPECT_FALSE(in.StringArray("tags", JsonInput::kOptional, 2).has_value());
  auto done = in.Finish();
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(Fields(done.error()), (std::vector<std::string>{"name", "tags"}));
}

TEST(JsonInput, IntegersMustBeWholeAndFit) {
  auto in = Read(R"({"a":1.5,"b":18446744073709551615,"c":-9223372036854775808,"d":1e3})");
  EXPECT_FALSE(in.Int("a").has_value());
  EXPECT_FALSE(in.Int("b").has_value());
  EXPECT_EQ(in.Int("c"), INT64_MIN);
  EXPECT_FALSE(in.Int("d").has_value());
  EXPECT_EQ(Fields(in.Finish().error()), (std::vector<std::string>{"a", "b", "d"}));
}

TEST(JsonInput, NestedReadersNameFieldsByTheirPath) {
  auto in = Read(R"({"fields":{"title":"x","body":1}})");
  auto fields = in.Object("fields");
  ASSERT_TRUE(fields.has_value());
  JsonInput nested(*fields, "fields.");
  EXPECT_EQ(nested.String("title"), "x");
  EXPECT_FALSE(nested.String("body").has_value());
  auto done = nested.Finish();
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(Fields(done.error()), std::vector<std::string>{"fields.body"});
  EXPECT_TRUE(in.Finish().ok());
}

TEST(ParseStringList, TakesABareArrayOrAnObjectWithTheList) {
  EXPECT_EQ(*ParseStringList(R"(["a","b"])", "members"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(*ParseStringList(R"({"members":["a"]})", "members"), std::vector<std::string>{"a"});
  EXPECT_TRUE(ParseStringList("[]", "members")->empty());

  auto extra = ParseStringList(R"({"members":[],"leader":"a"})", "members");
  ASSERT_FALSE(extra.ok());
  EXPECT_EQ(Fields(extra.error()), std::vector<std::string>{"leader"});
  auto missing = ParseStringList(R"({})", "members");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(Fields(missing.error()), std::vector<std::string>{"members"});
  auto wrong = ParseStringList(R"(["a",{}])", "members");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(Fields(wrong.error()), std::vector<std::string>{"members[1]"});
  for (const char* bad : {"\"a\"", "", "[", "null"}) {
    auto refused = ParseStringList(bad, "members");
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_EQ(refused.error().kind, ErrorKind::kBadRequest);
  }
  EXPECT_FALSE(ParseStringList(R"(["a","b","c"])", "members", 2).ok());
}

TEST(IsValidUtf8, AcceptsUtf8AndRefusesWhatIsNot) {
  for (const std::string good :
       {std::string(""), std::string("plain"), std::string("été"), std::string("日本語"),
        std::string("🙂"), std::string("\xf4\x8f\xbf\xbf"), std::string("\xed\x9f\xbf")}) {
    EXPECT_TRUE(IsValidUtf8(good)) << good;
  }
  for (const std::string bad : {
           std::string("\xff"),              // never valid
           std::string("\x80"),              // a continuation byte alone
           std::string("\xc3"),              // cut short
           std::string("\xe6\x97"),          // cut short
           std::string("\xc0\xaf"),          // overlong '/'
           std::string("\xe0\x80\xaf"),      // overlong
           std::string("\xed\xa0\x80"),      // a UTF-16 surrogate
           std::string("\xf4\x90\x80\x80"),  // above U+10FFFF
           std::string("\xf8\x88\x80\x80\x80"),
           std::string("ok\xc3("),
       }) {
    EXPECT_FALSE(IsValidUtf8(bad));
  }
}

}  // namespace
}  // namespace copydesk

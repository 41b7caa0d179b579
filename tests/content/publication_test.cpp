// Where a content stands in its publication, derived from its dates and its channels' marks: the
// pure function the content's JSON, the search index and the domain's rules share.
#include "content/publication.hpp"

#include <gtest/gtest.h>

namespace copydesk::content {
namespace {

using storage::ChannelPublicationRecord;
using storage::ContentRecord;

constexpr TimeMs kDay = 24LL * 3600 * 1000;
constexpr TimeMs kNow = 1'800'000'000'000;

ContentRecord Content(std::optional<TimeMs> publish_at, std::vector<std::string> channels = {}) {
  ContentRecord c;
  c.id = "c1";
  c.workspace_id = "ws";
  c.publish_at = publish_at;
  c.channel_ids = std::move(channels);
  return c;
}

ChannelPublicationRecord Stored(const std::string& channel, std::optional<TimeMs> planned_at,
                                std::optional<TimeMs> published_at = std::nullopt) {
  ChannelPublicationRecord p;
  p.channel_id = channel;
  p.planned_at = planned_at;
  p.published_at = published_at;
  if (published_at) {
    p.url = "https://example.org/post";
    p.published_by = "u1";
    p.published_by_name = "Claire";
  }
  return p;
}

TEST(Publication, ContentWithoutDateNorChannelIsUnscheduled) {
  const auto p = DerivePublication(Content(std::nullopt), false, kNow);
  EXPECT_EQ(p.state, PublicationState::kUnscheduled);
  EXPECT_EQ(PublicationStateName(p.state), "unscheduled");
  EXPECT_FALSE(p.next_at);
}

TEST(Publication, ContentWithoutChannelsFollowsItsDateAndItsStatus) {
  EXPECT_EQ(DerivePublication(Content(kNow + kDay), false, kNow).state, PublicationState::kPlanned);
  EXPECT_EQ(DerivePublication(Content(kNow - kDay), false, kNow).state, PublicationState::kLate);
  // Its status says it went out: published, whatever its date.
  EXPECT_EQ(DerivePublication(Content(kNow - kDay), true, kNow).state,
            PublicationState::kPublished);
  EXPECT_EQ(DerivePublication(Content(std::nullopt), true, kNow).state,
            PublicationState::kPublished);
}

TEST(Publication, ChannelsFollowTheContentDateUnlessTheyHaveTheirOwn) {
  auto c = Content(kNow + 2 * kDay, {"linkedin", "site"});
  c.publications = {Stored("linkedin", kNow + 5 * kDay)};  // "site" has no stored row yet
  const auto p = DerivePublication(c, false, kNow);
  ASSERT_EQ(p.channels.size(), 2u);
  EXPECT_EQ(p.channels[0].channel_id, "linkedin");
  EXPECT_EQ(p.channels[0].planned_at, kNow + 5 * kDay);
  EXPECT_EQ(p.channels[0].at, kNow + 5 * kDay);
  EXPECT_FALSE(p.channels[1].planned_at);
  EXPECT_EQ(p.channels[1].at, kNow + 2 * kDay);
  EXPECT_EQ(p.state, PublicationState::kPlanned);
  EXPECT_EQ(p.next_at, kNow + 2 * kDay);
}

TEST(Publication, OneLateChannelMakesTheContentLate) {
  auto c = Content(kNow + kDay, {"linkedin", "site"});
  c.publications = {Stored("linkedin", kNow - kDay), Stored("site", std::nullopt)};
  const auto p = DerivePublication(c, false, kNow);
  EXPECT_TRUE(p.channels[0].late);
  EXPECT_FALSE(p.channels[1].late);
  EXPECT_EQ(p.state, PublicationState::kLate);
}

TEST(Publication, APublishedChannelIsNeverLate) {
  auto c = Content(kNow - 3 * kDay, {"linkedin", "site"});
  c.publications = {Stored("linkedin", std::nullopt, kNow - 2 * kDay), Stored("site", kNow + kDay)};
  const auto p = DerivePublication(c, false, kNow);
  EXPECT_FALSE(p.channels[0].late);
  EXPECT_EQ(p.channels[0].url, "https://example.org/post");
  EXPECT_EQ(p.channels[0].published_by_name, "Claire");
  EXPECT_EQ(p.state, PublicationState::kPlanned);
  EXPECT_EQ(p.next_at, kNow + kDay);
}

TEST(Publication, PublishedWhenEveryChannelIsWhateverTheStatus) {
  auto c = Content(std::nullopt, {"linkedin", "site"});
  c.publications = {Stored("linkedin", std::nullopt, kNow), Stored("site", std::nullopt, kNow)};
  const auto p = DerivePublication(c, false, kNow);
  EXPECT_TRUE(p.published);
  EXPECT_EQ(p.state, PublicationState::kPublished);
  EXPECT_FALSE(p.next_at);
  // A published status does not stand for a channel still to go out.
  c.publications.pop_back();
  EXPECT_EQ(DerivePublication(c, true, kNow).state, PublicationState::kUnscheduled);
}

TEST(Publication, AChannelsOwnDateIsADateForTheContent) {
  auto c = Content(std::nullopt, {"linkedin", "site"});
  c.publications = {Stored("linkedin", kNow + kDay)};
  const auto p = DerivePublication(c, false, kNow);
  EXPECT_TRUE(p.has_date);
  EXPECT_EQ(p.state, PublicationState::kPlanned);
  EXPECT_FALSE(p.channels[1].at);
}

TEST(Publication, AStoredRowOfAChannelTakenOffIsIgnored) {
  auto c = Content(kNow + kDay, {"site"});
  c.publications = {Stored("linkedin", kNow - kDay)};
  const auto p = DerivePublication(c, false, kNow);
  ASSERT_EQ(p.channels.size(), 1u);
  EXPECT_EQ(p.state, PublicationState::kPlanned);
}

}  // namespace
}  // namespace copydesk::content

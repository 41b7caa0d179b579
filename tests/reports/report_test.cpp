// The report's computations, without a database: percentiles as a spreadsheet gives them, and
// what one content's history gives (stays, waits, publications, stale approvals).
#include "reports/report.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "reports/percentiles.hpp"
#include "reports/time_zone.hpp"

namespace copydesk::reports {
namespace {

namespace json = boost::json;

constexpr TimeMs kHour = 3600 * 1000;
constexpr TimeMs kDay = 24 * kHour;
// 1 October 2026, 00:00 UTC: the start of the windows below.
constexpr TimeMs kStart = 1790812800000;

// A content's history, written event by event.
class HistoryOf {
 public:
  explicit HistoryOf(TimeMs created_at, std::vector<std::string> channels = {}) {
    h_.content_id = "c1";
    h_.created_at = created_at;
    h_.channel_ids = std::move(channels);
  }
  HistoryOf& Moved(TimeMs at, std::optional<std::string> from, const std::string& to,
                   std::vector<std::string> asked = {}) {
    json::object data{{"from", from ? json::value(*from) : json::value(nullptr)},
                      {"to", to},
                      {"to_name", "name of " + to}};
    if (!asked.empty()) {
      json::array teams;
      for (const auto& t : asked) teams.push_back(json::string(t));
      data["asked_teams"] = std::move(teams);
    }
    return Add(kStatusChanged, at, std::move(data));
  }
  HistoryOf& Decided(TimeMs at, const std::string& team, const std::string& decision = "approved") {
    return Add(kApprovalGiven, at, {{"team", team}, {"decision", decision}});
  }
  HistoryOf& WentStale(TimeMs at, const std::string& team, std::int64_t revision) {
    return Add(kApprovalStale, at,
               {{"teams", json::array{json::string(team)}}, {"revision", revision}});
  }
  HistoryOf& MarkedPublished(TimeMs at, const std::string& channel, TimeMs published_at) {
    return Add(kChannelPublished, at,
               {{"channel", channel},
                {"channel_name", "name of " + channel},
                {"published_at", published_at},
                {"url", ""}});
  }
  HistoryOf& Unmarked(TimeMs at, const std::string& channel) {
    return Add(kChannelUnpublished, at, {{"channel", channel}, {"channel_name", "x"}});
  }
  const ContentHistory& history() const { return h_; }

 private:
  HistoryOf& Add(const char* kind, TimeMs at, json::object data) {
    storage::EventRecord e;
    e.seq = static_cast<std::int64_t>(h_.events.size()) + 1;
    e.kind = kind;
    e.subject_id = h_.content_id;
    e.data_json = json::serialize(data);
    e.created_at = at;
    h_.events.push_back(std::move(e));
    return *this;
  }
  ContentHistory h_;
};

const std::set<std::string> kPublished = {"published"};

TEST(Percentiles, MedianOfAnOddCountIsItsMiddleValue) {
  EXPECT_EQ(Median({5, 1, 3}), 3);
}

TEST(Percentiles, MedianOfAnEvenCountIsBetweenItsTwoMiddleValues) {
  EXPECT_EQ(Median({1, 2, 3, 10}), 3);  // 2.5 rounds to 3
  EXPECT_EQ(Median({10, 20}), 15);
}

TEST(Percentiles, NinetiethIsInterpolatedAsASpreadsheetDoes) {
  // PERCENTILE.INC({10,20,…,100}; 0.9) = 91.
  EXPECT_EQ(Percentile({10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, 90), 91);
  EXPECT_EQ(Percentile({7}, 90), 7);
  EXPECT_EQ(Percentile({1, 2}, 0), 1);
  EXPECT_EQ(Percentile({1, 2}, 100), 2);
}

TEST(Percentiles, NoValuesGiveNoFigure) {
  EXPECT_FALSE(Median({}).has_value());
  EXPECT_FALSE(Percentile({}, 90).has_value());
}

TEST(Measure, AStayEndingInTheWindowCountsWholeEvenIfItBeganBefore) {
  HistoryOf h(kStart - 10 * kDay);
  h.Moved(kStart - 2 * kDay, "draft", "review").Moved(kStart + kDay, "review", "ready");
  const auto m = Measure(h.history(), kPublished, kStart, kStart + 30 * kDay);
  ASSERT_EQ(m.stays.size(), 1u);  // the stay in draft ended before the window
  EXPECT_EQ(m.stays[0].status_id, "review");
  EXPECT_EQ(m.stays[0].status_name, "name of review");
  EXPECT_EQ(m.stays[0].duration, 3 * kDay);
}

TEST(Measure, TheFirstStatusIsEnteredWhenTheContentIsCreated) {
  HistoryOf h(kStart + kHour);
  h.Moved(kStart + 5 * kHour, "draft", "review");
  const auto m = Measure(h.history(), kPublished, kStart, kStart + kDay);
  ASSERT_EQ(m.stays.size(), 1u);
  EXPECT_EQ(m.stays[0].status_id, "draft");
  EXPECT_EQ(m.stays[0].duration, 4 * kHour);
}

TEST(Measure, AStayStillOpenAtTheEndOfTheWindowIsNotMeasured) {
  HistoryOf h(kStart);
  h.Moved(kStart + kHour, "draft", "review");
  const auto m = Measure(h.history(), kPublished, kStart, kStart + kDay);
  ASSERT_EQ(m.stays.size(), 1u);
  EXPECT_EQ(m.stays[0].status_id, "draft");
}

TEST(Measure, ATeamWaitsFromTheGatedStatusToItsDecision) {
  HistoryOf h(kStart);
  h.Moved(kStart + kHour, "draft", "legal_review", {"legal", "brand"})
      .Decided(kStart + 3 * kHour, "brand", "changes_requested")
      .Decided(kStart + 7 * kHour, "legal")
      .Decided(kStart + 9 * kHour, "legal");  // a second decision is not a second wait
  const auto m = Measure(h.history(), kPublished, kStart, kStart + kDay);
  ASSERT_EQ(m.waits.size(), 2u);
  EXPECT_EQ(m.waits[0].team_id, "brand");
  EXPECT_EQ(m.waits[0].duration, 2 * kHour);
  EXPECT_EQ(m.waits[1].team_id, "legal");
  EXPECT_EQ(m.waits[1].duration, 6 * kHour);
}

TEST(Measure, AStaleApprovalAsksTheTeamAgain) {
  HistoryOf h(kStart);
  h.Moved(kStart + kHour, "draft", "legal_review", {"legal"})
      .Decided(kStart + 2 * kHour, "legal")
      .WentStale(kStart + 4 * kHour, "legal", 3)
      .Decided(kStart + 5 * kHour, "legal");
  const auto m = Measure(h.history(), kPublished, kStart, kStart + kDay);
  ASSERT_EQ(m.waits.size(), 2u);
  EXPECT_EQ(m.waits[1].duration, kHour);
}

TEST(Measure, LeavingTheGatedStatusBeforeTheDecisionEndsTheWaitUnmeasured) {
  HistoryOf h(kStart);
  h.Moved(kStart + kHour, "draft", "legal_review", {"legal"})
      .Moved(kStart + 2 * kHour, "legal_review", "draft")
      .Decided(kStart + 3 * kHour, "legal");
  EXPECT_TRUE(Measure(h.history(), kPublished, kStart, kStart + kDay).waits.empty());
}

TEST(Measure, ChannelMarksArePublicationsAtTheirPublishedTime) {
  HistoryOf h(kStart, {"web", "linkedin"});
  h.MarkedPublished(kStart + 2 * kDay, "linkedin", kStart + kDay)
      .MarkedPublished(kStart + 3 * kDay, "web", kStart + 3 * kDay)
      .Unmarked(kStart + 4 * kDay, "web")  // undone: not a publication
      .Moved(kStart + 5 * kDay, "ready", "published");
  const auto m = Measure(h.history(), kPublished, kStart, kStart + 30 * kDay);
  ASSERT_EQ(m.publications.size(), 1u);  // the status is not counted again for marked contents
  EXPECT_EQ(m.publications[0].channel_id, "linkedin");
  EXPECT_EQ(m.publications[0].channel_name, "name of linkedin");
  EXPECT_EQ(m.publications[0].at, kStart + kDay);
}

TEST(Measure, WithoutMarksEnteringAPublishedStatusCountsOncePerChannel) {
  HistoryOf h(kStart, {"web", "linkedin"});
  h.Moved(kStart + kDay, "ready", "published")
      .Moved(kStart + 2 * kDay, "published", "ready")
      .Moved(kStart + 3 * kDay, "ready", "published");  // published again: the same content
  const auto m = Measure(h.history(), kPublished, kStart, kStart + 30 * kDay);
  ASSERT_EQ(m.publications.size(), 2u);
  EXPECT_EQ(m.publications[0].channel_id, "web");
  EXPECT_EQ(m.publications[1].channel_id, "linkedin");
  EXPECT_EQ(m.publications[0].at, kStart + kDay);
}

TEST(Measure, AContentWithoutChannelsIsPublishedOnNone) {
  HistoryOf h(kStart);
  h.Moved(kStart + kDay, "ready", "published");
  const auto m = Measure(h.history(), kPublished, kStart, kStart + 30 * kDay);
  ASSERT_EQ(m.publications.size(), 1u);
  EXPECT_FALSE(m.publications[0].channel_id.has_value());
}

TEST(Measure, StaleApprovalsCountOnlyWhenTheContentWasPublishedAfter) {
  HistoryOf published(kStart);
  published.WentStale(kStart + kDay, "legal", 4).Moved(kStart + 2 * kDay, "ready", "published");
  const auto m = Measure(published.history(), kPublished, kStart, kStart + 30 * kDay);
  ASSERT_EQ(m.stale.size(), 1u);
  EXPECT_EQ(m.stale[0].team_id, "legal");
  EXPECT_EQ(m.stale[0].revision, 4);
  EXPECT_EQ(m.stale[0].published_at, kStart + 2 * kDay);

  HistoryOf never(kStart);
  never.WentStale(kStart + kDay, "legal", 4);
  EXPECT_TRUE(Measure(never.history(), kPublished, kStart, kStart + 30 * kDay).stale.empty());
}

TEST(TimeZoneMonths, AnInstantFallsInTheMonthOfTheZonesCalendar) {
  auto paris = TimeZone::Named("Europe/Paris", "tz");
  ASSERT_TRUE(paris);
  const TimeMs late_october = kStart + 30 * kDay + 23 * kHour + 30 * 60 * 1000;  // 31 Oct 23:30Z
  EXPECT_EQ(paris->MonthOf(late_october), "2026-11");
  auto utc = TimeZone::Named("UTC", "tz");
  ASSERT_TRUE(utc);
  EXPECT_EQ(utc->MonthOf(late_october), "2026-10");
  EXPECT_EQ(utc->MonthsBetween(kStart - kDay, kStart + 70 * kDay),
            (std::vector<std::string>{"2026-09", "2026-10", "2026-11", "2026-12"}));
}

TEST(TimeZoneMonths, AnUnknownZoneIsRefusedNamingTheField) {
  auto zone = TimeZone::Named("Mars/Olympus", "tz");
  ASSERT_FALSE(zone);
  ASSERT_EQ(zone.error().fields.size(), 1u);
  EXPECT_EQ(zone.error().fields[0].field, "tz");
}

}  // namespace
}  // namespace copydesk::reports

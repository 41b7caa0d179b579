// Times as the API writes and reads them: RFC 3339, UTC, milliseconds.
#include "core/clock.hpp"

#include <gtest/gtest.h>

#include <random>

namespace copydesk {
namespace {

TEST(FormatTime, WritesUtcWithMilliseconds) {
  EXPECT_EQ(FormatTime(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatTime(1'772'546'520'123), "2026-03-03T14:02:00.123Z");
  EXPECT_EQ(FormatTime(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(FormatTime(951'782'400'000), "2000-02-29T00:00:00.000Z");
}

TEST(ParseTime, ReadsRfc3339AndDates) {
  EXPECT_EQ(ParseTime("2026-03-03T14:02:00Z"), 1'772'546'520'000);
  EXPECT_EQ(ParseTime("2026-03-03t14:02:00z"), 1'772'546'520'000);
  EXPECT_EQ(ParseTime("2026-03-03 14:02:00Z"), 1'772'546'520'000);
  EXPECT_EQ(ParseTime("2026-03-03T14:02:00.123Z"), 1'772'546'520'123);
  EXPECT_EQ(ParseTime("2026-03-03T14:02:00.5Z"), 1'772'546'520'500);
  EXPECT_EQ(ParseTime("2026-03-03T14:02:00.123987Z"), 1'772'546'520'123);
  EXPECT_EQ(ParseTime("2026-03-03"), 1'772'496'000'000);
  EXPECT_EQ(ParseTime("1970-01-01T00:00:00Z"), 0);
}

TEST(ParseTime, AppliesOffsets) {
  const auto utc = ParseTime("2026-03-03T14:02:00Z");
  EXPECT_EQ(ParseTime("2026-03-03T15:02:00+01:00"), utc);
  EXPECT_EQ(ParseTime("2026-03-03T08:32:00-05:30"), utc);
  EXPECT_EQ(ParseTime("2026-03-04T00:02:00+10:00"), utc);  // the next day, there
  EXPECT_EQ(ParseTime("2026-03-03T14:02:00+00:00"), utc);
  EXPECT_EQ(ParseTime("2026-03-03T14:02:00-00:00"), utc);
}

TEST(ParseTime, RefusesWhatIsNotADate) {
  for (const char* bad : {"",
                          "now",
                          "2026",
                          "2026-3-3",
                          "2026-02-30",
                          "2023-02-29",
                          "2026-13-01",
                          "2026-00-10",
                          "2026-03-00",
                          "2026-03-03T",
                          "2026-03-03T14:02Z",
                          "2026-03-03T14:02:00",
                          "2026-03-03T24:00:00Z",
                          "2026-03-03T14:60:00Z",
                          "2026-03-03T14:02:00.Z",
                          "2026-03-03T14:02:00+0100",
                          "2026-03-03T14:02:00+01",
                          "2026-03-03T14:02:00+24:00",
                          "2026-03-03T14:02:00Zjunk",
                          "2026-03-03x",
                          "20260303",
                          "+2026-03-03",
                          "2026-03-03T14:02:00 Z",
                          "２０２６-03-03"}) {
    EXPECT_FALSE(ParseTime(bad).has_value()) << bad;
  }
  EXPECT_TRUE(ParseTime("2024-02-29").has_value());
}

TEST(ParseTime, RoundTripsWhatFormatTimeWrites) {
  std::mt19937_64 random(42);
  std::uniform_int_distribution<TimeMs> times(-2'000'000'000'000, 32'503'680'000'000);
  for (int i = 0; i < 2000; ++i) {
    const TimeMs t = times(random);
    EXPECT_EQ(ParseTime(FormatTime(t)), t) << FormatTime(t);
  }
  const TimeMs now = NowMs();
  EXPECT_EQ(ParseTime(FormatTime(now)), now);
}

TEST(NowMs, IsTheWallClockInMilliseconds) {
  const TimeMs now = NowMs();
  EXPECT_GT(now, *ParseTime("2024-01-01"));
  EXPECT_LT(now, *ParseTime("2100-01-01"));
}

}  // namespace
}  // namespace copydesk

#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/settings_store.hpp"
#include "storage/workflow_store.hpp"
#include "storage/workspaces_store.hpp"

// Where the time goes (issue 16): what a workspace published per channel and month, how long its
// contents stay in each status and wait for each team's approval, and how many approvals went
// stale before publication. Everything is read from the event log; docs/reports.md says exactly
// how each figure is computed.
namespace copydesk::reports {

//! The longest window a report covers: a year and a little, to compare a month with last year's.
inline constexpr TimeMs kMaxSpanMs = 400LL * 24 * 3600 * 1000;
//! The window when none is asked: the last 90 days.
inline constexpr TimeMs kDefaultSpanMs = 90LL * 24 * 3600 * 1000;
//! At most this many stale approvals are listed (all are counted).
inline constexpr std::size_t kMaxStaleListed = 500;

//! The event kinds the report reads.
inline constexpr const char* kStatusChanged = "content.status_changed";
inline constexpr const char* kApprovalGiven = "approval.given";
inline constexpr const char* kApprovalStale = "approval.stale";
inline constexpr const char* kChannelPublished = "content.channel_published";
inline constexpr const char* kChannelUnpublished = "content.channel_unpublished";

//! What a report is asked for, as the query string gave it.
struct ReportQuery {
  std::optional<TimeMs> from;     //!< default: `to` minus 90 days
  std::optional<TimeMs> to;       //!< default: now
  std::string time_zone = "UTC";  //!< months are counted on this zone's calendar
};

//! One content's history as the report replays it.
struct ContentHistory {
  std::string content_id;
  TimeMs created_at = 0;                     //!< when it entered its first status
  std::vector<std::string> channel_ids;      //!< its channels now
  std::vector<storage::EventRecord> events;  //!< the kinds above, oldest first
};

//! A stay in a status that ended inside the window.
struct Stay {
  std::string status_id;
  std::string status_name;  //!< as the event that entered it named it ("" when unknown)
  TimeMs duration = 0;
};

//! A team's wait for its decision, decided inside the window.
struct Wait {
  std::string team_id;
  TimeMs duration = 0;
};

//! A publication inside the window: a channel marked published, or a content without such marks
//! entering a published status (once per channel it has; channel empty when it has none).
struct Publication {
  std::string content_id;
  std::optional<std::string> channel_id;
  std::string channel_name;  //!< as the event named it ("" for a status-based one)
  TimeMs at = 0;
};

//! An approval that went stale inside the window on a content published after it.
struct StaleApproval {
  std::string content_id;
  std::string team_id;
  TimeMs stale_at = 0;
  std::int64_t revision = 0;  //!< the revision whose change made it stale
  TimeMs published_at = 0;    //!< the first publication after it
};

//! What one content's history gives the report.
struct Measures {
  std::vector<Stay> stays;
  std::vector<Wait> waits;
  std::vector<Publication> publications;
  std::vector<StaleApproval> stale;
};

//! Replays one content's history and keeps what falls in [from, to). `published_statuses` are
//! the ids of the statuses of category `published`.
Measures Measure(const ContentHistory& history, const std::set<std::string>& published_statuses,
                 TimeMs from, TimeMs to);

//! Median and 90th percentile of some durations.
struct Spread {
  std::int64_t count = 0;
  std::optional<std::int64_t> median_ms;
  std::optional<std::int64_t> p90_ms;
};
//! The spread of `durations`.
Spread SpreadOf(const std::vector<std::int64_t>& durations);

//! A row of the publications table: one channel (or none), a count per month of the window.
struct ChannelMonths {
  std::optional<std::string> channel_id;  //!< none: contents without a channel
  std::string name;
  std::vector<std::int64_t> counts;  //!< aligned with Report::months
  std::int64_t total = 0;
};

//! Time spent in one status.
struct StatusTime {
  std::string status_id;
  std::string name;
  std::string category;  //!< "" for a status deleted since
  Spread spread;
};

//! Time one team took to decide.
struct TeamWait {
  std::string team_id;
  std::string name;
  Spread spread;
};

//! A stale approval, named for people.
struct StaleItem {
  StaleApproval approval;
  std::string content_title;
  std::string team_name;
};

//! The report of a workspace over a window.
struct Report {
  TimeMs from = 0, to = 0;
  std::string time_zone;
  std::vector<std::string> months;  //!< "YYYY-MM", in the time zone
  std::vector<ChannelMonths> channels;
  std::vector<std::int64_t> month_totals;
  std::int64_t published_total = 0;
  std::vector<StatusTime> statuses;
  std::vector<TeamWait> teams;
  std::int64_t stale_count = 0;
  std::vector<StaleItem> stale;  //!< oldest first, at most kMaxStaleListed
};

//! The report's service: reads the window's events and the history of the contents met there.
class Reports {
 public:
  explicit Reports(storage::Database& db) : db_(db) {}

  //! The report of workspace `ws` for members with role editor and above; 422 naming `from`,
  //! `to` or `tz` when the window or zone is not one.
  Result<Report> Build(const auth::Actor& actor, const std::string& ws, const ReportQuery& query,
                       TimeMs now);

 private:
  storage::Database& db_;
};

}  // namespace copydesk::reports

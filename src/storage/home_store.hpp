#pragma once

// The figures of a workspace's home (the day's dashboard), each read by one indexed statement:
// the week's publications, what waits for a person's approval, their tasks due, the contents
// assigned to them, the late ones, and the validations pending per team. The reminders job reads
// its subjects here too.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! Who is asking and when: `shared_with` set for a guest (only what is shared with them).
struct HomeScope {
  std::string workspace_id;
  std::string user_id;
  std::optional<std::string> shared_with;
  TimeMs now = 0;
};

//! A content as a home figure shows it.
struct HomeContent {
  std::string id;
  std::string title;
  std::optional<TimeMs> publish_at;
  std::optional<std::string> status_id, status_name, status_color, status_category;
  bool late = false;  //!< storage::kLateCondition, the list filter's `publication=late`
};

//! One publication of the week: a content on one of its channels (none: no channel).
struct WeekEntry {
  HomeContent content;
  std::optional<std::string> channel_id, channel_name, channel_color;
  TimeMs at = 0;  //!< the channel's own date, else the content's
  std::optional<TimeMs> published_at;
};

//! A content waiting for a team's approval on its current text, since it entered its status.
struct WaitingApproval {
  HomeContent content;
  std::string team_id, team_name;
  TimeMs since = 0;
};

//! A team's validations pending: how many contents wait for it and since when the oldest.
struct TeamPending {
  std::string team_id, team_name;
  std::int64_t count = 0;
  TimeMs oldest_since = 0;
  std::vector<std::string> status_ids;  //!< the gated statuses they wait in (the list's filter)
};

//! An open task of the person's, due soon or overdue.
struct HomeTask {
  std::string id, title;
  TimeMs due_at = 0;
  std::optional<std::string> content_id, content_title;
};

//! Some rows of a figure and how many there are in all.
template <class T>
struct Counted {
  std::vector<T> items;
  std::int64_t total = 0;
};

//! The week's publications: contents (not archived) whose date is in [from, to), one entry per
//! channel, by date then title.
std::vector<WeekEntry> WeekPublications(Tx& tx, const HomeScope& scope, TimeMs from, TimeMs to,
                                        int limit);
//! Contents in a gated status asking one of the person's teams, which has not decided on the
//! current text yet; oldest wait first.
Counted<WaitingApproval> WaitingForApprovalOf(Tx& tx, const HomeScope& scope, int limit);
//! Per team of the workspace, the contents its gates wait for (no decision on the current text).
std::vector<TeamPending> PendingByTeam(Tx& tx, const std::string& workspace_id);
//! The person's open tasks due before `before` (overdue ones included), soonest first.
Counted<HomeTask> TasksDueOf(Tx& tx, const HomeScope& scope, TimeMs before, int limit);
//! Contents assigned to the person, not archived, soonest publication first.
Counted<HomeContent> AssignedTo(Tx& tx, const HomeScope& scope, int limit);
//! Late contents (kLateCondition: publication=late), the longest late first.
Counted<HomeContent> LateContents(Tx& tx, const HomeScope& scope, int limit);

//! A content whose publication is near while approvals its status asks are missing.
struct PublicationNear {
  std::string content_id;
  std::string workspace_id;
  TimeMs publish_at = 0;
  std::optional<std::string> owner_id;
  std::vector<std::string> team_ids;    //!< the teams that have not decided on the current text
  std::vector<std::string> team_names;  //!< in the same order
};
//! Contents (any workspace, not archived, not published) dated in [now, before) whose gated
//! status still waits for a team, and whose reminder for that date was not given yet.
std::vector<PublicationNear> PublicationsNearMissingApprovals(Tx& tx, TimeMs now, TimeMs before);

//! Claims a reminder (kind, subject, due moment): true the first time, false when it was given
//! already (by this node or another).
bool ClaimReminder(Tx& tx, const std::string& kind, const std::string& subject_id, TimeMs due_at,
                   TimeMs now);

}  // namespace copydesk::storage

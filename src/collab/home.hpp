#pragma once

// A workspace's home: the day's dashboard of one person. What goes out this week, what waits for
// their approval, their tasks due, the contents assigned to them, the late ones, and, for the
// workspace's managers, the validations pending per team. One read transaction; each figure one
// indexed statement (storage/home_store).

#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/home_store.hpp"

namespace copydesk::collab {

//! The person's week as their browser counts it: [from, to) in UTC, and the zone it was counted
//! in (echoed back; the server keeps UTC).
struct HomeWeek {
  std::optional<std::string> time_zone;
  TimeMs from = 0;
  TimeMs to = 0;
};

//! Checks a week asked for: `from` and `to` ISO instants, `to` after `from` by at most 8 days (a
//! week across a clock change, with room), `tz` a known IANA zone when given; 422 naming each
//! field at fault.
Result<HomeWeek> CheckHomeWeek(const std::optional<std::string>& tz,
                               const std::optional<std::string>& from,
                               const std::optional<std::string>& to);

//! The home of one person in one workspace.
struct Home {
  HomeWeek week;
  TimeMs now = 0;
  std::string user_id;
  std::string role;  //!< the person's role in the workspace
  bool guest = false;
  std::vector<storage::WeekEntry> publications;
  storage::Counted<storage::WaitingApproval> waiting_for_me;
  storage::Counted<storage::HomeTask> tasks;
  TimeMs tasks_before = 0;  //!< tasks due before this moment are shown (a week ahead)
  storage::Counted<storage::HomeContent> assigned;
  storage::Counted<storage::HomeContent> late;
  //! Set for owners and admins: each team's validations pending.
  std::optional<std::vector<storage::TeamPending>> pending_by_team;
};

//! Builds homes.
class HomePage {
 public:
  explicit HomePage(storage::Database& db) : db_(db) {}

  //! The actor's home in workspace `ws` (id or slug) at `now`: 404 when they are not a member.
  //! A guest's figures hold only what is shared with them, and no team figure.
  Result<Home> Get(const auth::Actor& actor, const std::string& ws, const HomeWeek& week,
                   TimeMs now);

 private:
  storage::Database& db_;
};

}  // namespace copydesk::collab

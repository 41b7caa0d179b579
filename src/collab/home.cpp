#include "collab/home.hpp"

#include "workspace/workspaces.hpp"

namespace copydesk::collab {

using auth::Action;
using storage::Tx;

namespace {

constexpr TimeMs kDayMs = 24LL * 60 * 60 * 1000;
constexpr int kWeekLimit = 500;  // a week's publications; a busier week shows its first 500
constexpr int kEach = 10;        // rows per figure; its count says how many in all

}  // namespace

Result<HomeWeek> CheckHomeWeek(const std::optional<std::string>& tz,
                               const std::optional<std::string>& from,
                               const std::optional<std::string>& to) {
  std::vector<FieldError> faults;
  HomeWeek week;
  if (tz) {
    if (auto why = auth::CheckTimeZone(*tz))
      faults.push_back({"tz", *why});
    else
      week.time_zone = *tz;
  }
  auto instant = [&](const char* name, const std::optional<std::string>& text, TimeMs& into) {
    if (!text) return faults.push_back({name, "is required (an ISO 8601 instant)"});
    auto parsed = ParseTime(*text);
    if (!parsed) return faults.push_back({name, "must be an ISO 8601 instant"});
    into = *parsed;
  };
  instant("from", from, week.from);
  instant("to", to, week.to);
  if (faults.empty() && week.to <= week.from) faults.push_back({"to", "must be after from"});
  if (faults.empty() && week.to - week.from > 8 * kDayMs)
    faults.push_back({"to", "must be at most 8 days after from"});
  if (!faults.empty()) return Error::Invalid("The week asked for is not valid.", std::move(faults));
  return week;
}

Result<Home> HomePage::Get(const auth::Actor& actor, const std::string& ws, const HomeWeek& week,
                           TimeMs now) {
  return db_.Read([&](Tx& tx) -> Result<Home> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kReadWorkspace);
    if (!access) return std::move(access).error();
    Home home;
    home.week = week;
    home.now = now;
    home.user_id = actor.user.id;
    home.role = std::string(auth::RoleName(access->role));
    home.guest = !auth::Can(access->role, Action::kReadContent);
    storage::HomeScope scope{access->workspace.id, actor.user.id, std::nullopt, now};
    // A guest's home holds what is shared with them, inside each query.
    if (home.guest) scope.shared_with = actor.user.id;
    home.publications = storage::WeekPublications(tx, scope, week.from, week.to, kWeekLimit);
    home.waiting_for_me = storage::WaitingForApprovalOf(tx, scope, kEach);
    home.tasks_before = now + 7 * kDayMs;
    home.tasks = storage::TasksDueOf(tx, scope, home.tasks_before, kEach);
    home.assigned = storage::AssignedTo(tx, scope, kEach);
    home.late = storage::LateContents(tx, scope, kEach);
    // The content manager's figure: owners and admins, who run the workspace.
    if (auth::Can(access->role, Action::kManageTeams))
      home.pending_by_team = storage::PendingByTeam(tx, access->workspace.id);
    return home;
  });
}

}  // namespace copydesk::collab

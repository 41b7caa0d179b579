#include "collab/reminders.hpp"

#include <boost/json/serialize.hpp>
#include <set>

#include "collab/notifications.hpp"
#include "core/log.hpp"
#include "storage/contents_store.hpp"
#include "storage/home_store.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::collab {

namespace json = boost::json;
using storage::Tx;

namespace {

constexpr TimeMs kDayMs = 24LL * 60 * 60 * 1000;
constexpr TimeMs kWorkingWindowMs = 2 * kDayMs;

// 1970-01-01 was a Thursday: day 0 → 3 in a Monday = 0 week.
bool IsWeekend(TimeMs t) {
  const auto day = (t >= 0 ? t / kDayMs : (t - kDayMs + 1) / kDayMs);
  const auto weekday = ((day % 7) + 7 + 3) % 7;  // Monday = 0
  return weekday >= 5;
}

// Tells the owner of a content near its publication and the members of the teams whose approval
// is missing, once for this content and date.
int GivePublicationReminders(Tx& tx, TimeMs now) {
  int given = 0;
  for (const auto& near :
       storage::PublicationsNearMissingApprovals(tx, now, PublicationNearHorizon(now))) {
    if (!storage::ClaimReminder(tx, kind::kPublicationNear, near.content_id, near.publish_at,
                                now)) {
      continue;  // another node gave it in between
    }
    const auto content = storage::FindContent(tx, near.content_id);
    if (!content) continue;
    std::set<std::string> people;
    if (near.owner_id) people.insert(*near.owner_id);
    std::string teams;
    for (std::size_t i = 0; i < near.team_ids.size(); ++i) {
      if (auto team = storage::FindTeam(tx, near.workspace_id, near.team_ids[i]))
        people.insert(team->member_ids.begin(), team->member_ids.end());
      if (i < near.team_names.size()) teams += (teams.empty() ? "" : ", ") + near.team_names[i];
    }
    Notice notice{near.workspace_id,
                  kind::kPublicationNear,
                  std::nullopt,
                  &*content,
                  content->id,
                  json::serialize(json::object{{"publish_at", FormatTime(near.publish_at)},
                                               {"team_name", teams}})};
    for (const auto& person : people) {
      notice.dedupe_key = std::string(kind::kPublicationNear) + ":" + content->id + ":" + person +
                          ":" + std::to_string(near.publish_at);
      Notify(tx, notice, {person}, now);
    }
    ++given;
  }
  return given;
}

}  // namespace

TimeMs PublicationNearHorizon(TimeMs now) {
  TimeMs at = now, left = kWorkingWindowMs;
  while (left > 0) {
    const TimeMs day_end = (at / kDayMs + 1) * kDayMs;
    const TimeMs step = std::min(left, day_end - at);
    if (!IsWeekend(at)) left -= step;
    at += IsWeekend(at) ? day_end - at : step;
  }
  return at;
}

Reminders::~Reminders() {
  Stop();
}

int Reminders::RunOnce(TimeMs now) {
  std::lock_guard lock(run_mutex_);
  // Found in a read: most passes find nothing and do not take the writer.
  const auto tasks = db_.Read([&](Tx& tx) { return PendingReminders(tx, std::nullopt, now); });
  const bool publications = db_.Read([&](Tx& tx) {
    return !storage::PublicationsNearMissingApprovals(tx, now, PublicationNearHorizon(now)).empty();
  });
  if (tasks.empty() && !publications) return 0;
  auto given = db_.Write([&](Tx& tx) -> Result<int> {
    GiveReminders(tx, tasks, now);  // each keyed by task, person and due date
    return static_cast<int>(tasks.size()) + GivePublicationReminders(tx, now);
  });
  if (!given)
    throw std::runtime_error(given.error().log.empty() ? given.error().detail : given.error().log);
  return *given;
}

void Reminders::Start(std::chrono::milliseconds every) {
  if (thread_.joinable()) return;
  {
    std::lock_guard lk(wake_mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this, every] {
    std::unique_lock lk(wake_mutex_);
    while (!stopping_) {
      lk.unlock();
      try {
        RunOnce(NowMs());
      } catch (const std::exception& e) {
        // Nothing of the pass was kept: the next one gives it.
        Log(LogLevel::kError, "reminders failed; retrying", {{"error", e.what()}});
      }
      lk.lock();
      wake_.wait_for(lk, every, [this] { return stopping_; });
    }
  });
}

void Reminders::Stop() {
  {
    std::lock_guard lk(wake_mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace copydesk::collab

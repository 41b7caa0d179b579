#include "collab/notifications.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "auth/policy.hpp"
#include "core/encoding.hpp"
#include "core/random.hpp"
#include "storage/accounts_store.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::collab {

namespace json = boost::json;
using auth::Action;
using storage::Tx;

namespace {

constexpr TimeMs kDayMs = 24LL * 60 * 60 * 1000;

std::optional<auth::Role> RoleIn(Tx& tx, const std::string& workspace_id,
                                 const std::string& user_id) {
  auto stored = storage::FindRole(tx, workspace_id, user_id);
  return stored ? auth::ParseRole(*stored) : std::nullopt;
}

// The roles that may read contents: notifications are listed only while the person holds one.
std::vector<std::string> ReaderRoles() {
  std::vector<std::string> out;
  for (auto role : {auth::Role::kOwner, auth::Role::kAdmin, auth::Role::kEditor,
                    auth::Role::kContributor, auth::Role::kReviewer, auth::Role::kGuest}) {
    if (auth::Can(role, Action::kReadContent)) out.emplace_back(auth::RoleName(role));
  }
  return out;
}

}  // namespace

bool MayRead(Tx& tx, const std::string& user_id, const storage::ContentRecord& content) {
  const auth::ContentFacts facts{content.owner_id == user_id,
                                 std::find(content.assignee_ids.begin(), content.assignee_ids.end(),
                                           user_id) != content.assignee_ids.end()};
  return auth::Can(RoleIn(tx, content.workspace_id, user_id), Action::kReadContent, facts);
}

bool MayReadWorkspaceTasks(Tx& tx, const std::string& user_id, const std::string& workspace_id) {
  return auth::Can(RoleIn(tx, workspace_id, user_id), Action::kReadContent);
}

std::set<std::string> Notify(Tx& tx, const Notice& notice, const std::set<std::string>& recipients,
                             TimeMs now) {
  std::set<std::string> told;
  for (const auto& user : recipients) {
    if (notice.actor_id && user == *notice.actor_id) continue;
    const bool may = notice.content ? MayRead(tx, user, *notice.content)
                                    : MayReadWorkspaceTasks(tx, user, notice.workspace_id);
    if (!may) continue;
    storage::NotificationRecord n;
    n.id = NewId();
    n.user_id = user;
    n.workspace_id = notice.workspace_id;
    n.kind = notice.kind;
    n.actor_id = notice.actor_id;
    if (notice.content) n.content_id = notice.content->id;
    n.subject_id = notice.subject_id;
    n.data_json = notice.data_json;
    n.created_at = now;
    storage::InsertNotification(tx, n);
    // In no workspace's activity: a person's own news. The live channel tells only `user_id`.
    json::object event{{"user_id", user}, {"workspace_id", n.workspace_id}};
    if (n.content_id) event["content_id"] = *n.content_id;
    storage::AppendEvent(tx, std::nullopt, notice.actor_id, "notification.created", n.id,
                         json::serialize(event), now);
    told.insert(user);
  }
  return told;
}

void NotifyContentAssigned(Tx& tx, const storage::ContentRecord& content,
                           const std::vector<std::string>& before, const std::string& actor_id,
                           TimeMs now) {
  std::set<std::string> added;
  for (const auto& user : content.assignee_ids) {
    if (std::find(before.begin(), before.end(), user) == before.end()) added.insert(user);
  }
  if (added.empty()) return;
  Notify(tx,
         {content.workspace_id, kind::kAssigned, actor_id, &content, content.id,
          json::serialize(json::object{{"target", "content"}})},
         added, now);
}

void NotifyApprovalRequested(Tx& tx, const storage::ContentRecord& content,
                             const std::vector<std::string>& team_ids,
                             const std::string& status_name, const std::string& actor_id,
                             TimeMs now) {
  for (const auto& team_id : team_ids) {
    auto team = storage::FindTeam(tx, content.workspace_id, team_id);
    if (!team) continue;
    std::set<std::string> members(team->member_ids.begin(), team->member_ids.end());
    Notify(tx,
           {content.workspace_id, kind::kApprovalRequested, actor_id, &content, content.status_id,
            json::serialize(json::object{{"team_id", team->id},
                                         {"team_name", team->name},
                                         {"status_name", status_name},
                                         {"revision", content.revision}})},
           members, now);
  }
}

void NotifyDecision(Tx& tx, const storage::ContentRecord& content, const std::string& approval_id,
                    const std::string& team_name, const std::string& decision,
                    const std::string& actor_id, TimeMs now) {
  std::set<std::string> people(content.assignee_ids.begin(), content.assignee_ids.end());
  if (content.owner_id) people.insert(*content.owner_id);
  Notify(tx,
         {content.workspace_id, kind::kDecision, actor_id, &content, approval_id,
          json::serialize(json::object{
              {"team_name", team_name}, {"decision", decision}, {"revision", content.revision}})},
         people, now);
}

void NotifyApprovalsStale(Tx& tx, const storage::ContentRecord& content,
                          const std::set<std::string>& approvers, const std::string& actor_id,
                          TimeMs now) {
  Notify(tx,
         {content.workspace_id, kind::kApprovalStale, actor_id, &content, content.id,
          json::serialize(json::object{{"revision", content.revision}})},
         approvers, now);
}

Result<NotificationPage> Notifications::List(const auth::Actor& actor,
                                             const std::optional<std::string>& cursor, int limit) {
  if (limit < 1 || limit > 200) return Error::InvalidField("limit", "must be between 1 and 200");
  storage::NotificationQuery q;
  q.user_id = actor.user.id;
  q.reader_roles = ReaderRoles();
  q.limit = limit + 1;  // one more tells whether another page exists
  if (cursor) {
    auto decoded = DecodeBase64Url(*cursor);
    std::error_code ec;
    auto v = decoded ? json::parse(*decoded, ec) : json::value();
    const auto* o = !ec && v.is_object() ? &v.as_object() : nullptr;
    if (!o || !o->contains("r") || !o->at("r").is_bool() || !o->contains("t") ||
        !o->at("t").is_int64() || !o->contains("i") || !o->at("i").is_string()) {
      return Error::BadRequest("The cursor is not valid for this list.",
                               {{"cursor", "is not valid for this list"}});
    }
    q.after_read = o->at("r").as_bool();
    q.after_time = o->at("t").as_int64();
    q.after_id = std::string(o->at("i").as_string());
  }
  // Reminders are computed when read: a task due within a day, or overdue, is told once per
  // due date (a new date is a new reminder). Found in a read transaction, so that the bell, read
  // often, takes the one writer only when there is something new to add.
  const TimeMs now = NowMs();
  auto reminders = db_.Read([&](Tx& tx) {
    std::vector<std::pair<storage::NotificationRecord, std::string>> out;
    for (const auto& task : storage::DueTasksOf(tx, actor.user.id, now + kDayMs)) {
      const char* k = *task.due_at < now ? kind::kTaskOverdue : kind::kTaskDue;
      std::string key =
          std::string(k) + ":" + task.id + ":" + actor.user.id + ":" + std::to_string(*task.due_at);
      if (storage::NotificationKeyUsed(tx, key)) continue;
      if (task.content_id) {
        auto content = storage::FindContent(tx, *task.content_id);
        if (!content || !MayRead(tx, actor.user.id, *content)) continue;
      } else if (!MayReadWorkspaceTasks(tx, actor.user.id, task.workspace_id)) {
        continue;
      }
      storage::NotificationRecord n;
      n.id = NewId();
      n.user_id = actor.user.id;
      n.workspace_id = task.workspace_id;
      n.kind = k;
      n.content_id = task.content_id;
      n.subject_id = task.id;
      n.data_json = json::serialize(
          json::object{{"task_title", task.title}, {"due_at", FormatTime(*task.due_at)}});
      n.created_at = now;
      out.emplace_back(std::move(n), std::move(key));
    }
    return out;
  });
  if (!reminders.empty()) {
    auto added = db_.Write([&](Tx& tx) -> Result<void> {
      for (const auto& [n, key] : reminders) storage::InsertNotification(tx, n, key);
      return {};
    });
    if (!added) return std::move(added).error();
  }
  return db_.Read([&](Tx& tx) -> Result<NotificationPage> {
    NotificationPage page;
    page.items = storage::ListNotifications(tx, q);
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.resize(static_cast<std::size_t>(limit));
      const auto& last = page.items.back();
      page.next_cursor = EncodeBase64Url(json::serialize(
          json::object{{"r", last.read_at.has_value()}, {"t", last.created_at}, {"i", last.id}}));
    }
    page.unread = storage::CountUnreadNotifications(tx, q);
    return page;
  });
}

Result<void> Notifications::MarkRead(const auth::Actor& actor, const std::string& id) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    const TimeMs now = NowMs();
    if (!storage::MarkNotificationRead(tx, actor.user.id, id, now))
      return Error::NotFound("No such notification.");
    // A person's own state, in no workspace: other tabs of theirs follow it from this event.
    storage::AppendEvent(tx, std::nullopt, actor.user.id, "notification.read", id, "{}", now);
    return {};
  });
}

Result<void> Notifications::MarkAllRead(const auth::Actor& actor) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    const TimeMs now = NowMs();
    storage::MarkAllNotificationsRead(tx, actor.user.id, now);
    storage::AppendEvent(tx, std::nullopt, actor.user.id, "notification.read_all", actor.user.id,
                         "{}", now);
    return {};
  });
}

}  // namespace copydesk::collab

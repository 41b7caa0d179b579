#include "collab/notifications.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "access/standing.hpp"
#include "core/encoding.hpp"
#include "core/random.hpp"
#include "storage/events_store.hpp"
#include "storage/mail_store.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::collab {

namespace json = boost::json;
using auth::Action;
using storage::Tx;

namespace {

constexpr TimeMs kDayMs = 24LL * 60 * 60 * 1000;

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

const std::vector<std::string>& NotificationKinds() {
  static const std::vector<std::string> kinds = {
      kind::kMentioned, kind::kAssigned,      kind::kReply,          kind::kApprovalRequested,
      kind::kDecision,  kind::kApprovalStale, kind::kTaskDue,        kind::kTaskOverdue,
      kind::kShared,    kind::kWebhookPaused, kind::kPublicationNear};
  return kinds;
}

bool IsDelivery(std::string_view text) {
  return text == delivery::kInApp || text == delivery::kEmail || text == delivery::kDigest ||
         text == delivery::kOff;
}

std::string DefaultDelivery(std::string_view k) {
  if (k == kind::kMentioned || k == kind::kAssigned || k == kind::kApprovalRequested ||
      k == kind::kDecision || k == kind::kShared || k == kind::kPublicationNear) {
    return delivery::kEmail;
  }
  if (k == kind::kTaskDue) return delivery::kDigest;
  return delivery::kInApp;
}

std::string DeliveryFor(Tx& tx, const std::string& user_id, const std::string& k) {
  auto chosen = storage::FindNotificationPreference(tx, user_id, k);
  return chosen ? *chosen : DefaultDelivery(k);
}

std::set<std::string> Notify(Tx& tx, const Notice& notice, const std::set<std::string>& recipients,
                             TimeMs now) {
  std::set<std::string> told;
  for (const auto& user : recipients) {
    if (notice.actor_id && user == *notice.actor_id) continue;
    const bool may = notice.content ? access::May(tx, user, *notice.content, Action::kReadContent)
                                    : access::MayReadWorkspaceTasks(tx, user, notice.workspace_id);
    if (!may) continue;
    // Only members are told: a review link's visitor has no inbox.
    const auto role = access::RoleIn(tx, notice.workspace_id, user);
    if (!role || (notice.staff_only && !auth::SeesInternal(role))) continue;
    const std::string how = DeliveryFor(tx, user, notice.kind);
    if (how == delivery::kOff) continue;
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
    if (!storage::InsertNotification(tx, n, notice.dedupe_key)) continue;  // told already
    if (how == delivery::kEmail || how == delivery::kDigest) {
      storage::EnqueueNotificationMail(tx, n.id, user, how, now);
    }
    // In no workspace's activity: a person's own news. The live channel tells only `user_id`.
    json::object event{{"user_id", user}, {"workspace_id", n.workspace_id}};
    if (n.content_id) event["content_id"] = *n.content_id;
    storage::AppendEvent(tx, std::nullopt, notice.actor_id, "notification.created", n.id,
                         json::serialize(event), now);
    told.insert(user);
  }
  return told;
}

std::vector<Reminder> PendingReminders(Tx& tx, const std::optional<std::string>& user_id,
                                       TimeMs now) {
  std::vector<Reminder> out;
  for (auto& [task, user] : storage::UnremindedDueTasks(tx, user_id, now, now + kDayMs)) {
    if (task.content_id) {
      auto content = storage::FindContent(tx, *task.content_id);
      if (!content || !access::May(tx, user, *content, Action::kReadContent)) continue;
    } else if (!access::MayReadWorkspaceTasks(tx, user, task.workspace_id)) {
      continue;
    }
    out.push_back({std::move(task), std::move(user)});
  }
  return out;
}

void GiveReminders(Tx& tx, const std::vector<Reminder>& reminders, TimeMs now) {
  for (const auto& [task, user] : reminders) {
    if (!task.due_at) continue;
    const char* k = *task.due_at < now ? kind::kTaskOverdue : kind::kTaskDue;
    std::optional<storage::ContentRecord> content;
    if (task.content_id) {
      content = storage::FindContent(tx, *task.content_id);
      if (!content) continue;
    }
    Notice notice{task.workspace_id,
                  k,
                  std::nullopt,
                  content ? &*content : nullptr,
                  task.id,
                  json::serialize(json::object{{"task_title", task.title},
                                               {"due_at", FormatTime(*task.due_at)}})};
    // The same key as the store's UnremindedDueTasks looks for.
    notice.dedupe_key =
        std::string(k) + ":" + task.id + ":" + user + ":" + std::to_string(*task.due_at);
    Notify(tx, notice, {user}, now);
  }
}

std::map<std::string, std::string> NotificationPreferences::Get(const auth::Actor& actor) {
  return db_.Read([&](Tx& tx) {
    auto chosen = storage::NotificationPreferencesOf(tx, actor.user.id);
    std::map<std::string, std::string> out;
    for (const auto& k : NotificationKinds()) {
      auto found = chosen.find(k);
      out[k] = found != chosen.end() ? found->second : DefaultDelivery(k);
    }
    return out;
  });
}

Result<std::map<std::string, std::string>> NotificationPreferences::Update(
    const auth::Actor& actor, const std::map<std::string, std::string>& changes) {
  std::vector<FieldError> faults;
  const auto& kinds = NotificationKinds();
  for (const auto& [k, how] : changes) {
    if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) {
      faults.push_back({"preferences." + k, "is not a kind of notification"});
    } else if (!IsDelivery(how)) {
      faults.push_back({"preferences." + k, "must be in_app, email, digest or off"});
    }
  }
  if (!faults.empty()) {
    return Error::BadRequest("The notification preferences are not valid.", std::move(faults));
  }
  auto saved = db_.Write([&](Tx& tx) -> Result<void> {
    const TimeMs now = NowMs();
    for (const auto& [k, how] : changes) {
      storage::SaveNotificationPreference(tx, actor.user.id, k, how, now);
    }
    return {};
  });
  if (!saved) return std::move(saved).error();
  return Get(actor);
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
  // Reminders are computed when read (and by the mail job): a task due within a day, or
  // overdue, is told once per due date (a new date is a new reminder). Found in a read
  // transaction, so that the bell, read often, takes the one writer only when there is
  // something new to add.
  const TimeMs now = NowMs();
  auto reminders = db_.Read([&](Tx& tx) { return PendingReminders(tx, actor.user.id, now); });
  if (!reminders.empty()) {
    auto added = db_.Write([&](Tx& tx) -> Result<void> {
      GiveReminders(tx, reminders, now);
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

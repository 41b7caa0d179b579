#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "auth/accounts.hpp"
#include "core/result.hpp"
#include "storage/collab_store.hpp"
#include "storage/contents_store.hpp"
#include "storage/database.hpp"

namespace copydesk::collab {

//! The kinds of notification, as stored and shown in the API.
namespace kind {
inline constexpr const char* kMentioned = "mentioned";
inline constexpr const char* kAssigned = "assigned";  //!< to a content or a task (data.target)
inline constexpr const char* kReply = "reply";
inline constexpr const char* kApprovalRequested = "approval_requested";
inline constexpr const char* kDecision = "decision";
inline constexpr const char* kApprovalStale = "approval_stale";
inline constexpr const char* kTaskDue = "task_due";          //!< due within a day
inline constexpr const char* kTaskOverdue = "task_overdue";  //!< due date passed
inline constexpr const char* kShared = "shared";             //!< a content was shared with one
//! A webhook of the workspace failed for a day and was paused (owners and admins).
inline constexpr const char* kWebhookPaused = "webhook_paused";
//! A content goes out within two working days while approvals its status asks are missing
//! (its owner and the missing teams' members).
inline constexpr const char* kPublicationNear = "publication_near";
}  // namespace kind

//! How a person hears of a kind of notification.
namespace delivery {
inline constexpr const char* kInApp = "in_app";   //!< in the app only
inline constexpr const char* kEmail = "email";    //!< in the app, and an e-mail at once
inline constexpr const char* kDigest = "digest";  //!< in the app, and in the daily e-mail digest
inline constexpr const char* kOff = "off";        //!< not at all, not even in the app
}  // namespace delivery

//! Every kind of notification, in the order settings show them.
const std::vector<std::string>& NotificationKinds();
//! True when `text` is one of the deliveries above.
bool IsDelivery(std::string_view text);
//! The delivery of a kind for someone who never chose: an e-mail at once for what asks
//! something of the person (mentioned, assigned, approval_requested, publication_near) or answers
//! them (decision); the daily digest for tasks due soon; in the app only for the rest.
std::string DefaultDelivery(std::string_view kind);
//! How `user_id` wants to hear of `kind`: their choice, else the default.
std::string DeliveryFor(storage::Tx& tx, const std::string& user_id, const std::string& kind);

//! What to tell and about what; the recipients are filtered by access before anything is stored.
struct Notice {
  std::string workspace_id;
  std::string kind;
  std::optional<std::string> actor_id;  //!< never told about their own action
  const storage::ContentRecord* content = nullptr;
  std::optional<std::string> subject_id;
  std::string data_json = "{}";
  bool staff_only = false;  //!< about something internal: guests and link visitors are not told
  //! Set: told at most once under this key (reminders: kind, task, person and due date).
  std::optional<std::string> dedupe_key;
};

//! Tells each of `recipients` who may read what the notice is about, in the caller's
//! transaction, as each wants to hear of its kind: in the app, and an e-mail queued in the same
//! transaction when they chose one; nothing when they turned the kind off. Returns who was
//! told. Someone without access is skipped without a trace.
std::set<std::string> Notify(storage::Tx& tx, const Notice& notice,
                             const std::set<std::string>& recipients, TimeMs now);

//! A reminder of a task due soon or overdue, not given yet.
struct Reminder {
  storage::TaskRecord task;
  std::string user_id;
};
//! Reminders due at `now` (tasks due within a day, or overdue) for `user_id`, or for everyone,
//! that were not given yet: once per task, person and due date.
std::vector<Reminder> PendingReminders(storage::Tx& tx, const std::optional<std::string>& user_id,
                                       TimeMs now);
//! Gives reminders found by PendingReminders (through Notify).
void GiveReminders(storage::Tx& tx, const std::vector<Reminder>& reminders, TimeMs now);

//! A person's choices of how to hear of each kind.
class NotificationPreferences {
 public:
  explicit NotificationPreferences(storage::Database& db) : db_(db) {}

  //! Every kind with the actor's delivery (their choice, else the default).
  std::map<std::string, std::string> Get(const auth::Actor& actor);
  //! Changes the deliveries of the kinds given (the others keep theirs); 400 naming
  //! `preferences.<kind>` for an unknown kind or delivery. Returns every kind's delivery.
  Result<std::map<std::string, std::string>> Update(
      const auth::Actor& actor, const std::map<std::string, std::string>& changes);

 private:
  storage::Database& db_;
};

//! One page of a person's notifications.
struct NotificationPage {
  std::vector<storage::NotificationRecord> items;
  std::optional<std::string> next_cursor;
  std::int64_t unread = 0;
};

//! A person's in-app notifications.
class Notifications {
 public:
  explicit Notifications(storage::Database& db) : db_(db) {}

  //! The actor's notifications, unread first then newest first. Reminders of the actor's tasks
  //! due within a day or overdue are added first, once per task and due date.
  Result<NotificationPage> List(const auth::Actor& actor, const std::optional<std::string>& cursor,
                                int limit);
  //! Marks one read; 404 when it is not the actor's.
  Result<void> MarkRead(const auth::Actor& actor, const std::string& id);
  //! Marks every one of the actor's notifications read.
  Result<void> MarkAllRead(const auth::Actor& actor);

 private:
  storage::Database& db_;
};

}  // namespace copydesk::collab

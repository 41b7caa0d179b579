#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/collab_store.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! A person's stored choices, kind → delivery ("in_app", "email", "digest", "off"); kinds they
//! never chose are absent.
std::map<std::string, std::string> NotificationPreferencesOf(Tx& tx, const std::string& user_id);
//! A person's stored choice for one kind, or nullopt when they never chose.
std::optional<std::string> FindNotificationPreference(Tx& tx, const std::string& user_id,
                                                      const std::string& kind);
//! Saves a person's choice for one kind.
void SaveNotificationPreference(Tx& tx, const std::string& user_id, const std::string& kind,
                                const std::string& delivery, TimeMs now);

//! Queues the e-mail of a notification ("email": at once, "digest": in the daily digest). Once
//! per notification: queuing it again changes nothing.
void EnqueueNotificationMail(Tx& tx, const std::string& notification_id, const std::string& user_id,
                             const std::string& delivery, TimeMs now);

//! A queued e-mail with what it tells.
struct QueuedMail {
  NotificationRecord notification;  //!< with actor_name and content_title
  std::string workspace_slug;
  std::string workspace_name;
  std::int64_t attempts = 0;
};

//! Queued e-mails of one delivery not yet sent nor dropped, due for an attempt at `now` and
//! queued before `queued_before`; by person, then oldest first.
std::vector<QueuedMail> DueMails(Tx& tx, const std::string& delivery, TimeMs now,
                                 TimeMs queued_before, int limit);
//! Marks a queued e-mail sent: it is never sent again.
void MarkMailSent(Tx& tx, const std::string& notification_id, TimeMs now);
//! Records a failed attempt and when to try again.
void MarkMailFailed(Tx& tx, const std::string& notification_id, TimeMs next_attempt_at,
                    const std::string& error);
//! Gives up a queued e-mail (access lost, too old): it is never sent.
void MarkMailDropped(Tx& tx, const std::string& notification_id, TimeMs now,
                     const std::string& reason);

}  // namespace copydesk::storage

#include "storage/mail_store.hpp"

namespace copydesk::storage {

std::map<std::string, std::string> NotificationPreferencesOf(Tx& tx, const std::string& user_id) {
  std::map<std::string, std::string> out;
  tx.Query("SELECT kind, delivery FROM notification_preferences WHERE user_id = ?", {user_id},
           [&](const Row& r) { out.emplace(r.Text(0), r.Text(1)); });
  return out;
}

std::optional<std::string> FindNotificationPreference(Tx& tx, const std::string& user_id,
                                                      const std::string& kind) {
  return tx.First("SELECT delivery FROM notification_preferences WHERE user_id = ? AND kind = ?",
                  {user_id, kind}, [](const Row& r) { return r.Text(0); });
}

void SaveNotificationPreference(Tx& tx, const std::string& user_id, const std::string& kind,
                                const std::string& delivery, TimeMs now) {
  tx.Exec(
      "INSERT INTO notification_preferences (user_id, kind, delivery, updated_at) "
      "VALUES (?, ?, ?, ?) ON CONFLICT (user_id, kind) DO UPDATE SET "
      "delivery = excluded.delivery, updated_at = excluded.updated_at",
      {user_id, kind, delivery, now});
}

void EnqueueNotificationMail(Tx& tx, const std::string& notification_id, const std::string& user_id,
                             const std::string& delivery, TimeMs now) {
  tx.Exec(
      "INSERT INTO mail_outbox (notification_id, user_id, delivery, created_at, next_attempt_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (notification_id) DO NOTHING",
      {notification_id, user_id, delivery, now, now});
}

std::vector<QueuedMail> DueMails(Tx& tx, const std::string& delivery, TimeMs now,
                                 TimeMs queued_before, int limit) {
  return tx.Rows(
      "SELECT n.id, n.user_id, n.workspace_id, n.kind, n.actor_id, n.content_id, n.subject_id, "
      "n.data, n.created_at, n.read_at, COALESCE(u.name, ''), COALESCE(c.title, ''), w.slug, "
      "w.name, o.attempts FROM mail_outbox o JOIN notifications n ON n.id = o.notification_id "
      "JOIN workspaces w ON w.id = n.workspace_id LEFT JOIN users u ON u.id = n.actor_id "
      "LEFT JOIN contents c ON c.id = n.content_id "
      "WHERE o.delivery = ? AND o.sent_at IS NULL AND o.dropped_at IS NULL "
      "AND o.next_attempt_at <= ? AND o.created_at < ? "
      "ORDER BY o.user_id, o.created_at, o.notification_id LIMIT ?",
      {delivery, now, queued_before, std::int64_t{limit}}, [](const Row& r) {
        QueuedMail m;
        auto& n = m.notification;
        n.id = r.Text(0);
        n.user_id = r.Text(1);
        n.workspace_id = r.Text(2);
        n.kind = r.Text(3);
        n.actor_id = r.OptText(4);
        n.content_id = r.OptText(5);
        n.subject_id = r.OptText(6);
        n.data_json = r.Text(7);
        n.created_at = r.Int(8);
        n.read_at = r.OptInt(9);
        n.actor_name = r.Text(10);
        n.content_title = r.Text(11);
        m.workspace_slug = r.Text(12);
        m.workspace_name = r.Text(13);
        m.attempts = r.Int(14);
        return m;
      });
}

void MarkMailSent(Tx& tx, const std::string& notification_id, TimeMs now) {
  tx.Exec(
      "UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL "
      "WHERE notification_id = ?",
      {now, notification_id});
}

void MarkMailFailed(Tx& tx, const std::string& notification_id, TimeMs next_attempt_at,
                    const std::string& error) {
  tx.Exec(
      "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
      "WHERE notification_id = ?",
      {next_attempt_at, error, notification_id});
}

void MarkMailDropped(Tx& tx, const std::string& notification_id, TimeMs now,
                     const std::string& reason) {
  tx.Exec("UPDATE mail_outbox SET dropped_at = ?, last_error = ? WHERE notification_id = ?",
          {now, reason, notification_id});
}

}  // namespace copydesk::storage

#include "storage/webhooks_store.hpp"

namespace copydesk::storage {

namespace {

constexpr const char* kWebhookColumns =
    "id, workspace_id, url, description, events, project_id, channel_id, type_id, secret, "
    "created_by, created_at, updated_at, failing_since, paused_at, paused_reason";

WebhookRecord WebhookFrom(const Row& r) {
  WebhookRecord w;
  w.id = r.Text(0);
  w.workspace_id = r.Text(1);
  w.url = r.Text(2);
  w.description = r.Text(3);
  w.events_json = r.Text(4);
  w.project_id = r.OptText(5);
  w.channel_id = r.OptText(6);
  w.type_id = r.OptText(7);
  w.secret = r.Text(8);
  w.created_by = r.Text(9);
  w.created_at = r.Int(10);
  w.updated_at = r.Int(11);
  w.failing_since = r.OptInt(12);
  w.paused_at = r.OptInt(13);
  w.paused_reason = r.OptText(14);
  return w;
}

constexpr const char* kDeliveryColumns =
    "d.id, d.webhook_id, d.event_seq, d.event, d.content_id, d.idempotency_key, d.payload, "
    "d.redelivery_of, d.state, d.attempts, d.next_attempt_at, d.created_at, d.last_attempt_at, "
    "d.last_status, d.last_latency_ms, d.last_response, d.last_error, d.delivered_at";

WebhookDeliveryRecord DeliveryFrom(const Row& r) {
  WebhookDeliveryRecord d;
  d.id = r.Text(0);
  d.webhook_id = r.Text(1);
  d.event_seq = r.Int(2);
  d.event = r.Text(3);
  d.content_id = r.OptText(4);
  d.idempotency_key = r.Text(5);
  d.payload = r.Text(6);
  d.redelivery_of = r.OptText(7);
  d.state = r.Text(8);
  d.attempts = r.Int(9);
  d.next_attempt_at = r.OptInt(10);
  d.created_at = r.Int(11);
  d.last_attempt_at = r.OptInt(12);
  d.last_status = r.OptInt(13);
  d.last_latency_ms = r.OptInt(14);
  d.last_response = r.OptText(15);
  d.last_error = r.OptText(16);
  d.delivered_at = r.OptInt(17);
  return d;
}

}  // namespace

void InsertWebhook(Tx& tx, const WebhookRecord& w) {
  tx.Exec(
      "INSERT INTO webhooks (id, workspace_id, url, description, events, project_id, channel_id, "
      "type_id, secret, created_by, created_at, updated_at, failing_since, paused_at, "
      "paused_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {w.id, w.workspace_id, w.url, w.description, w.events_json, Nullable(w.project_id),
       Nullable(w.channel_id), Nullable(w.type_id), w.secret, w.created_by, w.created_at,
       w.updated_at, Nullable(w.failing_since), Nullable(w.paused_at), Nullable(w.paused_reason)});
}

void UpdateWebhook(Tx& tx, const WebhookRecord& w) {
  tx.Exec(
      "UPDATE webhooks SET url = ?, description = ?, events = ?, project_id = ?, channel_id = ?, "
      "type_id = ?, updated_at = ?, failing_since = ?, paused_at = ?, paused_reason = ? "
      "WHERE id = ?",
      {w.url, w.description, w.events_json, Nullable(w.project_id), Nullable(w.channel_id),
       Nullable(w.type_id), w.updated_at, Nullable(w.failing_since), Nullable(w.paused_at),
       Nullable(w.paused_reason), w.id});
}

void DeleteWebhook(Tx& tx, const std::string& id) {
  tx.Exec("DELETE FROM webhook_deliveries WHERE webhook_id = ?", {id});
  tx.Exec("DELETE FROM webhooks WHERE id = ?", {id});
}

std::optional<WebhookRecord> FindWebhook(Tx& tx, const std::string& workspace_id,
                                         const std::string& id) {
  return tx.First(
      std::string("SELECT ") + kWebhookColumns + " FROM webhooks WHERE workspace_id = ? AND id = ?",
      {workspace_id, id}, WebhookFrom);
}

std::optional<WebhookRecord> FindWebhookById(Tx& tx, const std::string& id) {
  return tx.First(std::string("SELECT ") + kWebhookColumns + " FROM webhooks WHERE id = ?", {id},
                  WebhookFrom);
}

std::vector<WebhookRecord> ListWebhooks(Tx& tx, const std::string& workspace_id) {
  return tx.Rows(std::string("SELECT ") + kWebhookColumns +
                     " FROM webhooks WHERE workspace_id = ? ORDER BY created_at, id",
                 {workspace_id}, WebhookFrom);
}

std::vector<WebhookRecord> ActiveWebhooks(Tx& tx) {
  return tx.Rows(std::string("SELECT ") + kWebhookColumns +
                     " FROM webhooks WHERE paused_at IS NULL ORDER BY created_at, id",
                 {}, WebhookFrom);
}

std::int64_t WebhookCursor(Tx& tx) {
  return tx.Scalar("SELECT last_seq FROM webhook_cursor WHERE id = 1");
}

void SetWebhookCursor(Tx& tx, std::int64_t seq) {
  tx.Exec(
      "INSERT INTO webhook_cursor (id, last_seq) VALUES (1, ?) "
      "ON CONFLICT (id) DO UPDATE SET last_seq = excluded.last_seq",
      {seq});
}

std::vector<LoggedEvent> EventsAfter(Tx& tx, std::int64_t after_seq, int limit) {
  return tx.Rows(
      "SELECT seq, workspace_id, actor_id, kind, subject_id, data, created_at FROM events "
      "WHERE seq > ? ORDER BY seq LIMIT ?",
      {after_seq, std::int64_t{limit}}, [](const Row& r) {
        return LoggedEvent{r.Int(0),     r.OptText(1), r.OptText(2), r.Text(3),
                           r.OptText(4), r.Text(5),    r.Int(6)};
      });
}

bool InsertWebhookDelivery(Tx& tx, const WebhookDeliveryRecord& d) {
  return tx.Exec(
             "INSERT INTO webhook_deliveries (id, webhook_id, event_seq, event, content_id, "
             "idempotency_key, payload, redelivery_of, state, attempts, next_attempt_at, "
             "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
             {d.id, d.webhook_id, d.event_seq, d.event, Nullable(d.content_id), d.idempotency_key,
              d.payload, Nullable(d.redelivery_of), d.state, d.attempts,
              Nullable(d.next_attempt_at), d.created_at}) > 0;
}

std::optional<WebhookDeliveryRecord> FindWebhookDelivery(Tx& tx, const std::string& webhook_id,
                                                         const std::string& id) {
  return tx.First(std::string("SELECT ") + kDeliveryColumns +
                      " FROM webhook_deliveries d WHERE d.webhook_id = ? AND d.id = ?",
                  {webhook_id, id}, DeliveryFrom);
}

std::vector<WebhookDeliveryRecord> ListWebhookDeliveries(Tx& tx, const std::string& webhook_id,
                                                         int limit) {
  return tx.Rows(std::string("SELECT ") + kDeliveryColumns +
                     " FROM webhook_deliveries d WHERE d.webhook_id = ? "
                     "ORDER BY d.created_at DESC, d.event_seq DESC, d.id DESC LIMIT ?",
                 {webhook_id, std::int64_t{limit}}, DeliveryFrom);
}

std::vector<WebhookDeliveryRecord> DueWebhookDeliveries(Tx& tx, TimeMs now, int limit) {
  return tx.Rows(std::string("SELECT ") + kDeliveryColumns +
                     " FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id "
                     "WHERE d.state = 'pending' AND d.next_attempt_at <= ? "
                     "AND w.paused_at IS NULL ORDER BY d.next_attempt_at, d.event_seq LIMIT ?",
                 {now, std::int64_t{limit}}, DeliveryFrom);
}

void SaveWebhookAttempt(Tx& tx, const WebhookDeliveryRecord& d) {
  tx.Exec(
      "UPDATE webhook_deliveries SET state = ?, attempts = ?, next_attempt_at = ?, "
      "last_attempt_at = ?, last_status = ?, last_latency_ms = ?, last_response = ?, "
      "last_error = ?, delivered_at = ? WHERE id = ?",
      {d.state, d.attempts, Nullable(d.next_attempt_at), Nullable(d.last_attempt_at),
       Nullable(d.last_status), Nullable(d.last_latency_ms), Nullable(d.last_response),
       Nullable(d.last_error), Nullable(d.delivered_at), d.id});
}

void WakeWebhookDeliveries(Tx& tx, const std::string& webhook_id, TimeMs now) {
  tx.Exec(
      "UPDATE webhook_deliveries SET next_attempt_at = ? WHERE webhook_id = ? AND state = "
      "'pending'",
      {now, webhook_id});
}

}  // namespace copydesk::storage

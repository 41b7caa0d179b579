#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! A workspace's subscription to its events.
struct WebhookRecord {
  std::string id;
  std::string workspace_id;
  std::string url;
  std::string description;
  std::string events_json = "[]";  //!< JSON array of event kinds
  std::optional<std::string> project_id;
  std::optional<std::string> channel_id;
  std::optional<std::string> type_id;
  std::string secret;
  std::string created_by;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::optional<TimeMs> failing_since;
  std::optional<TimeMs> paused_at;
  std::optional<std::string> paused_reason;
};

//! One delivery of one event to one webhook, with its last attempt.
struct WebhookDeliveryRecord {
  std::string id;
  std::string webhook_id;
  std::int64_t event_seq = 0;
  std::string event;
  std::optional<std::string> content_id;
  std::string idempotency_key;
  std::string payload;
  std::optional<std::string> redelivery_of;
  std::string state = "pending";  //!< pending, delivered, failed
  std::int64_t attempts = 0;
  std::optional<TimeMs> next_attempt_at;
  TimeMs created_at = 0;
  std::optional<TimeMs> last_attempt_at;
  std::optional<std::int64_t> last_status;
  std::optional<std::int64_t> last_latency_ms;
  std::optional<std::string> last_response;
  std::optional<std::string> last_error;
  std::optional<TimeMs> delivered_at;
};

//! One event of the log, as the webhook deliverer reads it.
struct LoggedEvent {
  std::int64_t seq = 0;
  std::optional<std::string> workspace_id;
  std::optional<std::string> actor_id;
  std::string kind;
  std::optional<std::string> subject_id;
  std::string data_json;
  TimeMs created_at = 0;
};

//! Saves a new webhook.
void InsertWebhook(Tx& tx, const WebhookRecord& webhook);
//! Saves a webhook's changed settings and state.
void UpdateWebhook(Tx& tx, const WebhookRecord& webhook);
//! Deletes a webhook and its deliveries.
void DeleteWebhook(Tx& tx, const std::string& id);
//! A webhook of a workspace, or nullopt.
std::optional<WebhookRecord> FindWebhook(Tx& tx, const std::string& workspace_id,
                                         const std::string& id);
//! A webhook by id alone, or nullopt: for the deliverer.
std::optional<WebhookRecord> FindWebhookById(Tx& tx, const std::string& id);
//! A workspace's webhooks, oldest first.
std::vector<WebhookRecord> ListWebhooks(Tx& tx, const std::string& workspace_id);
//! Every webhook not paused, of every workspace: the deliverer's subscribers.
std::vector<WebhookRecord> ActiveWebhooks(Tx& tx);

//! The last event the deliverer looked at.
std::int64_t WebhookCursor(Tx& tx);
//! Moves the deliverer's cursor.
void SetWebhookCursor(Tx& tx, std::int64_t seq);
//! Events after `after_seq`, in sequence order, at most `limit`.
std::vector<LoggedEvent> EventsAfter(Tx& tx, std::int64_t after_seq, int limit);

//! Saves a new delivery; false when this event was already delivered to this webhook.
bool InsertWebhookDelivery(Tx& tx, const WebhookDeliveryRecord& delivery);
//! A delivery of a webhook, or nullopt.
std::optional<WebhookDeliveryRecord> FindWebhookDelivery(Tx& tx, const std::string& webhook_id,
                                                         const std::string& id);
//! A webhook's deliveries, newest first, at most `limit`.
std::vector<WebhookDeliveryRecord> ListWebhookDeliveries(Tx& tx, const std::string& webhook_id,
                                                         int limit);
//! Pending deliveries due at `now` of webhooks not paused, oldest first, at most `limit`.
std::vector<WebhookDeliveryRecord> DueWebhookDeliveries(Tx& tx, TimeMs now, int limit);
//! Records an attempt's outcome and the delivery's new state.
void SaveWebhookAttempt(Tx& tx, const WebhookDeliveryRecord& delivery);
//! Makes the pending deliveries of a webhook due at `now` (on resume).
void WakeWebhookDeliveries(Tx& tx, const std::string& webhook_id, TimeMs now);

}  // namespace copydesk::storage

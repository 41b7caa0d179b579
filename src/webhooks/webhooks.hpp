#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/webhooks_store.hpp"
#include "webhooks/target.hpp"

namespace copydesk::webhooks {

//! The kinds of event a webhook may subscribe to, as named in payloads and the API.
const std::vector<std::string>& EventKinds();

//! The kinds a webhook subscribes to.
std::vector<std::string> SubscribedKinds(const storage::WebhookRecord& webhook);

//! What a create or an update asks; absent members keep their value (an update).
struct WebhookChange {
  std::optional<std::string> url;
  std::optional<std::string> description;
  std::optional<std::vector<std::string>> events;
  //! Set: the filter changes; an empty string clears it.
  std::optional<std::string> project;
  std::optional<std::string> channel;
  std::optional<std::string> type;
  std::optional<bool> paused;
};

//! A webhook just made, with its secret: shown to its creator once, never again.
struct CreatedWebhook {
  storage::WebhookRecord webhook;
  std::string secret;
};

//! The webhooks of a workspace: what its owners and admins subscribe, and their delivery logs.
class Webhooks {
 public:
  Webhooks(storage::Database& db, TargetPolicy policy) : db_(db), policy_(policy) {}

  //! The workspace's webhooks.
  Result<std::vector<storage::WebhookRecord>> List(const auth::Actor& actor, const std::string& ws);
  //! Subscribes a URL; 400 naming the field for a bad URL, event kind or filter.
  Result<CreatedWebhook> Create(const auth::Actor& actor, const std::string& ws,
                                const WebhookChange& change);
  //! One webhook.
  Result<storage::WebhookRecord> Get(const auth::Actor& actor, const std::string& ws,
                                     const std::string& id);
  //! Changes a webhook's URL, kinds or filter, or pauses and resumes it (resuming sends what
  //! waited at once).
  Result<storage::WebhookRecord> Update(const auth::Actor& actor, const std::string& ws,
                                        const std::string& id, const WebhookChange& change);
  //! Deletes a webhook and its log.
  Result<void> Delete(const auth::Actor& actor, const std::string& ws, const std::string& id);
  //! A webhook's latest deliveries, newest first.
  Result<std::vector<storage::WebhookDeliveryRecord>> Deliveries(const auth::Actor& actor,
                                                                 const std::string& ws,
                                                                 const std::string& id, int limit);
  //! Sends a delivery's payload again, as a new delivery with the same idempotency key; 409
  //! while the webhook is paused.
  Result<storage::WebhookDeliveryRecord> Redeliver(const auth::Actor& actor, const std::string& ws,
                                                   const std::string& id,
                                                   const std::string& delivery_id);

 private:
  storage::Database& db_;
  TargetPolicy policy_;
};

}  // namespace copydesk::webhooks

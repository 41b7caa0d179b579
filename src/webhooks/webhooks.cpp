#include "webhooks/webhooks.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/random.hpp"
#include "core/text.hpp"
#include "storage/events_store.hpp"
#include "storage/settings_store.hpp"
#include "webhooks/signature.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::webhooks {

namespace json = boost::json;
using auth::Action;
using storage::Tx;

const std::vector<std::string>& EventKinds() {
  static const std::vector<std::string> kinds = {
      "content.created",   "content.updated",    "content.status_changed",
      "content.published", "approval.requested", "approval.decided",
      "approval.stale",    "comment.created",    "task.assigned",
      "task.done",         "content.shared",     "content.unshared",
      "link.created",      "link.revoked",       "link.opened",
      "content.channel_published"};
  return kinds;
}

std::vector<std::string> SubscribedKinds(const storage::WebhookRecord& w) {
  std::vector<std::string> out;
  std::error_code ec;
  auto v = json::parse(w.events_json, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& k : v.as_array())
    if (k.is_string()) out.emplace_back(k.as_string());
  return out;
}

namespace {

constexpr int kMaxDescription = 200;

// The data of a webhook's event in the activity feed, which every staff member reads: the
// webhook's id and its receiver's host, never the URL (often the hook's only credential).
std::string ShownInEvents(const storage::WebhookRecord& w, json::object more = {}) {
  more["webhook_id"] = w.id;
  more["host"] = ShownHost(w.url);
  return json::serialize(more);
}

// Applies a change to a webhook, checking every field; the faults name the fields.
Result<void> Apply(Tx& tx, storage::WebhookRecord& w, const WebhookChange& change,
                   const TargetPolicy& policy) {
  std::vector<FieldError> faults;
  if (change.url) {
    if (auto checked = CheckTargetUrl(*change.url, policy); !checked) {
      for (auto& f : checked.error().fields) faults.push_back(std::move(f));
    } else {
      w.url = *change.url;
    }
  }
  if (change.description) {
    if (CountCharacters(*change.description) > kMaxDescription) {
      faults.push_back({"description", "must be at most 200 characters"});
    } else {
      w.description = std::string(Trim(*change.description));
    }
  }
  if (change.events) {
    json::array kinds;
    const auto& known = EventKinds();
    for (std::size_t i = 0; i < change.events->size(); ++i) {
      const auto& k = (*change.events)[i];
      if (std::find(known.begin(), known.end(), k) == known.end()) {
        faults.push_back({"events[" + std::to_string(i) + "]", "is not a kind of event"});
      } else if (std::find(kinds.begin(), kinds.end(), json::value(k)) == kinds.end()) {
        kinds.push_back(json::string(k));
      }
    }
    if (change.events->empty()) faults.push_back({"events", "must name at least one kind"});
    w.events_json = json::serialize(kinds);
  }
  auto filter = [&](const std::optional<std::string>& given, std::optional<std::string>& slot,
                    const char* field, auto exists) {
    if (!given) return;
    if (given->empty()) {
      slot.reset();
    } else if (!exists(*given)) {
      faults.push_back({field, "is not one of this workspace's"});
    } else {
      slot = *given;
    }
  };
  filter(change.project, w.project_id, "project", [&](const std::string& id) {
    return storage::FindProject(tx, w.workspace_id, id).has_value();
  });
  filter(change.channel, w.channel_id, "channel", [&](const std::string& id) {
    return storage::FindChannel(tx, w.workspace_id, id).has_value();
  });
  if (change.type) {
    // A type is named by its id or its key; the id is kept.
    if (change.type->empty()) {
      w.type_id.reset();
    } else if (auto type = storage::FindContentType(tx, w.workspace_id, *change.type)) {
      w.type_id = type->id;
    } else {
      faults.push_back({"type", "is not one of this workspace's"});
    }
  }
  // Every fault here is a value refused (a forbidden address, a kind or project that does not
  // exist): 422, the API's rule; a body of the wrong shape never reaches this far (400).
  if (!faults.empty()) return Error::Invalid("The webhook is not valid.", std::move(faults));
  return {};
}

}  // namespace

Result<std::vector<storage::WebhookRecord>> Webhooks::List(const auth::Actor& actor,
                                                           const std::string& ws) {
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::WebhookRecord>> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kManageWebhooks);
    if (!access) return std::move(access).error();
    return storage::ListWebhooks(tx, access->workspace.id);
  });
}

Result<CreatedWebhook> Webhooks::Create(const auth::Actor& actor, const std::string& ws,
                                        const WebhookChange& change) {
  return db_.Write([&](Tx& tx) -> Result<CreatedWebhook> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kManageWebhooks);
    if (!access) return std::move(access).error();
    std::vector<FieldError> missing;
    if (!change.url) missing.push_back({"url", "is required"});
    if (!change.events) missing.push_back({"events", "is required"});
    if (!missing.empty()) return Error::BadRequest("The webhook is not valid.", std::move(missing));
    const TimeMs now = NowMs();
    storage::WebhookRecord w;
    w.id = NewId();
    w.workspace_id = access->workspace.id;
    w.created_by = actor.user.id;
    w.created_at = now;
    w.updated_at = now;
    w.secret = NewWebhookSecret();
    if (auto applied = Apply(tx, w, change, policy_); !applied) return std::move(applied).error();
    if (change.paused.value_or(false)) {
      w.paused_at = now;
      w.paused_reason = "paused";
    }
    storage::InsertWebhook(tx, w);
    storage::AppendEvent(tx, w.workspace_id, actor.user.id, "webhook.created", w.id,
                         ShownInEvents(w), now);
    return CreatedWebhook{w, w.secret};
  });
}

Result<storage::WebhookRecord> Webhooks::Get(const auth::Actor& actor, const std::string& ws,
                                             const std::string& id) {
  return db_.Read([&](Tx& tx) -> Result<storage::WebhookRecord> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kManageWebhooks);
    if (!access) return std::move(access).error();
    auto w = storage::FindWebhook(tx, access->workspace.id, id);
    if (!w) return Error::NotFound("No such webhook.");
    return *w;
  });
}

Result<storage::WebhookRecord> Webhooks::Update(const auth::Actor& actor, const std::string& ws,
                                                const std::string& id,
                                                const WebhookChange& change) {
  return db_.Write([&](Tx& tx) -> Result<storage::WebhookRecord> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kManageWebhooks);
    if (!access) return std::move(access).error();
    auto w = storage::FindWebhook(tx, access->workspace.id, id);
    if (!w) return Error::NotFound("No such webhook.");
    if (auto applied = Apply(tx, *w, change, policy_); !applied) return std::move(applied).error();
    const TimeMs now = NowMs();
    if (change.paused) {
      if (*change.paused && !w->paused_at) {
        w->paused_at = now;
        w->paused_reason = "paused";
      } else if (!*change.paused && w->paused_at) {
        // A fresh start: what waited is sent now, and 24 h of failure count from here.
        w->paused_at.reset();
        w->paused_reason.reset();
        w->failing_since.reset();
        storage::WakeWebhookDeliveries(tx, w->id, now);
      }
    }
    w->updated_at = now;
    storage::UpdateWebhook(tx, *w);
    storage::AppendEvent(tx, w->workspace_id, actor.user.id, "webhook.updated", w->id,
                         ShownInEvents(*w, {{"paused", w->paused_at.has_value()}}), now);
    return *w;
  });
}

Result<void> Webhooks::Delete(const auth::Actor& actor, const std::string& ws,
                              const std::string& id) {
  return db_.Write([&](Tx& tx) -> Result<void> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kManageWebhooks);
    if (!access) return std::move(access).error();
    auto w = storage::FindWebhook(tx, access->workspace.id, id);
    if (!w) return Error::NotFound("No such webhook.");
    storage::DeleteWebhook(tx, w->id);
    storage::AppendEvent(tx, w->workspace_id, actor.user.id, "webhook.deleted", w->id,
                         ShownInEvents(*w), NowMs());
    return {};
  });
}

Result<std::vector<storage::WebhookDeliveryRecord>> Webhooks::Deliveries(const auth::Actor& actor,
                                                                         const std::string& ws,
                                                                         const std::string& id,
                                                                         int limit) {
  if (limit < 1 || limit > 200) return Error::InvalidField("limit", "must be between 1 and 200");
  return db_.Read([&](Tx& tx) -> Result<std::vector<storage::WebhookDeliveryRecord>> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kManageWebhooks);
    if (!access) return std::move(access).error();
    auto w = storage::FindWebhook(tx, access->workspace.id, id);
    if (!w) return Error::NotFound("No such webhook.");
    return storage::ListWebhookDeliveries(tx, w->id, limit);
  });
}

Result<storage::WebhookDeliveryRecord> Webhooks::Redeliver(const auth::Actor& actor,
                                                           const std::string& ws,
                                                           const std::string& id,
                                                           const std::string& delivery_id) {
  return db_.Write([&](Tx& tx) -> Result<storage::WebhookDeliveryRecord> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, Action::kManageWebhooks);
    if (!access) return std::move(access).error();
    auto w = storage::FindWebhook(tx, access->workspace.id, id);
    if (!w) return Error::NotFound("No such webhook.");
    auto original = storage::FindWebhookDelivery(tx, w->id, delivery_id);
    if (!original) return Error::NotFound("No such delivery.");
    if (w->paused_at) return Error::Conflict("This webhook is paused: resume it to redeliver.");
    const TimeMs now = NowMs();
    storage::WebhookDeliveryRecord d;
    d.id = NewId();
    d.webhook_id = w->id;
    d.event_seq = original->event_seq;
    d.event = original->event;
    d.content_id = original->content_id;
    d.idempotency_key = original->idempotency_key;
    d.payload = original->payload;
    d.redelivery_of = original->redelivery_of.value_or(original->id);
    d.state = "pending";
    d.next_attempt_at = now;
    d.created_at = now;
    storage::InsertWebhookDelivery(tx, d);
    return d;
  });
}

}  // namespace copydesk::webhooks

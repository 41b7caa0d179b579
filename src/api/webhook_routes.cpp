// Webhooks of a workspace: subscriptions and their deliveries. The rules are in
// webhooks::Webhooks.
#include <boost/json.hpp>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
#include "webhooks/webhooks.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

json::object WebhookJson(const storage::WebhookRecord& w) {
  json::array events;
  for (const auto& k : webhooks::SubscribedKinds(w)) events.push_back(json::string(k));
  return {{"id", w.id},
          {"url", w.url},
          {"description", w.description},
          {"events", std::move(events)},
          {"project", TextOrNull(w.project_id)},
          {"channel", TextOrNull(w.channel_id)},
          {"type", TextOrNull(w.type_id)},
          {"paused", w.paused_at.has_value()},
          {"paused_at", TimeOrNull(w.paused_at)},
          {"paused_reason", TextOrNull(w.paused_reason)},
          {"failing_since", TimeOrNull(w.failing_since)},
          {"created_by", w.created_by},
          {"created_at", FormatTime(w.created_at)},
          {"updated_at", FormatTime(w.updated_at)}};
}

json::object DeliveryJson(const storage::WebhookDeliveryRecord& d) {
  std::error_code ec;
  json::value payload = json::parse(d.payload, ec);
  if (ec) payload = nullptr;
  return {{"id", d.id},
          {"event", d.event},
          {"idempotency_key", d.idempotency_key},
          {"redelivery_of", TextOrNull(d.redelivery_of)},
          {"state", d.state},
          {"attempts", d.attempts},
          {"created_at", FormatTime(d.created_at)},
          {"last_attempt_at", TimeOrNull(d.last_attempt_at)},
          {"next_attempt_at", d.state == "pending" ? TimeOrNull(d.next_attempt_at) : nullptr},
          {"delivered_at", TimeOrNull(d.delivered_at)},
          {"status", d.last_status ? json::value(*d.last_status) : nullptr},
          {"latency_ms", d.last_latency_ms ? json::value(*d.last_latency_ms) : nullptr},
          {"response_excerpt", TextOrNull(d.last_response)},
          {"error", TextOrNull(d.last_error)},
          {"payload", std::move(payload)}};
}

// Reads a create or an update; null clears a filter.
webhooks::WebhookChange ReadChange(JsonInput& in) {
  webhooks::WebhookChange change;
  change.url = in.String("url", JsonInput::kOptional, 4000);
  change.description = in.String("description", JsonInput::kOptional, 2000);
  change.events = in.StringArray("events", JsonInput::kOptional, 100);
  for (auto [key, slot] : {std::pair{"project", &change.project},
                           {"channel", &change.channel},
                           {"type", &change.type}}) {
    const bool cleared = in.IsNull(key);
    auto value = in.String(key, JsonInput::kOptional, 200);
    if (cleared) {
      *slot = "";
    } else if (value) {
      *slot = *value;
    }
  }
  change.paused = in.Bool("paused");
  return change;
}

// A new webhook: the only answer that shows its secret.
json::object CreatedJson(const webhooks::CreatedWebhook& created) {
  auto body = WebhookJson(created.webhook);
  body["secret"] = created.secret;
  return body;
}

}  // namespace

void AddWebhookRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);

  Mount(router,
        {
            {"GET",
             "/api/v1/workspaces/{ws}/webhooks",
             member,
             {},
             [&s](Call& c) {
               return Present(s.webhooks.List(c.actor(), c.param("ws")),
                              [](const auto& list) { return ItemsJson(list, WebhookJson); });
             }},
            // The secret is in this answer only: it is never shown again.
            {"POST", "/api/v1/workspaces/{ws}/webhooks", member, Body(ReadChange),
             [&s](Call& c) {
               return Present(
                   s.webhooks.Create(c.actor(), c.param("ws"), c.input<webhooks::WebhookChange>()),
                   CreatedJson, 201);
             }},
            {"GET",
             "/api/v1/workspaces/{ws}/webhooks/{id}",
             member,
             {},
             [&s](Call& c) {
               return Present(s.webhooks.Get(c.actor(), c.param("ws"), c.param("id")), WebhookJson);
             }},
            {"PATCH", "/api/v1/workspaces/{ws}/webhooks/{id}", member, Body(ReadChange),
             [&s](Call& c) {
               return Present(s.webhooks.Update(c.actor(), c.param("ws"), c.param("id"),
                                                c.input<webhooks::WebhookChange>()),
                              WebhookJson);
             }},
            {"DELETE",
             "/api/v1/workspaces/{ws}/webhooks/{id}",
             member,
             {},
             [&s](Call& c) {
               return Done(s.webhooks.Delete(c.actor(), c.param("ws"), c.param("id")));
             }},
            {"GET", "/api/v1/workspaces/{ws}/webhooks/{id}/deliveries", member,
             Query([](const http::Request& req) { return IntParam(req, "limit"); }),
             [&s](Call& c) {
               const auto limit = c.input<std::optional<std::int64_t>>().value_or(50);
               return Present(s.webhooks.Deliveries(c.actor(), c.param("ws"), c.param("id"),
                                                    static_cast<int>(limit)),
                              [](const auto& list) { return ItemsJson(list, DeliveryJson); });
             }},
            {"POST",
             "/api/v1/workspaces/{ws}/webhooks/{id}/deliveries/{delivery_id}/redeliver",
             member,
             {},
             [&s](Call& c) {
               return Present(s.webhooks.Redeliver(c.actor(), c.param("ws"), c.param("id"),
                                                   c.param("delivery_id")),
                              DeliveryJson, 201);
             }},
        });
}

}  // namespace copydesk::api

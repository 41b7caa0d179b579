#include <boost/json.hpp>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
#include "webhooks/webhooks.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

json::value Time(const std::optional<TimeMs>& t) {
  return t ? json::value(FormatTime(*t)) : json::value(nullptr);
}
json::value Text(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

json::object WebhookJson(const storage::WebhookRecord& w) {
  json::array events;
  for (const auto& k : webhooks::SubscribedKinds(w)) events.push_back(json::string(k));
  return {{"id", w.id},
          {"url", w.url},
          {"description", w.description},
          {"events", std::move(events)},
          {"project", Text(w.project_id)},
          {"channel", Text(w.channel_id)},
          {"type", Text(w.type_id)},
          {"paused", w.paused_at.has_value()},
          {"paused_at", Time(w.paused_at)},
          {"paused_reason", Text(w.paused_reason)},
          {"failing_since", Time(w.failing_since)},
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
          {"redelivery_of", Text(d.redelivery_of)},
          {"state", d.state},
          {"attempts", d.attempts},
          {"created_at", FormatTime(d.created_at)},
          {"last_attempt_at", Time(d.last_attempt_at)},
          {"next_attempt_at", d.state == "pending" ? Time(d.next_attempt_at) : nullptr},
          {"delivered_at", Time(d.delivered_at)},
          {"status", d.last_status ? json::value(*d.last_status) : nullptr},
          {"latency_ms", d.last_latency_ms ? json::value(*d.last_latency_ms) : nullptr},
          {"response_excerpt", Text(d.last_response)},
          {"error", Text(d.last_error)},
          {"payload", std::move(payload)}};
}

// Reads a create or an update; null clears a filter.
Result<webhooks::WebhookChange> ReadChange(const http::Request& req) {
  auto in = ReadBody(req);
  if (!in) return std::move(in).error();
  webhooks::WebhookChange change;
  change.url = in->String("url", JsonInput::kOptional, 4000);
  change.description = in->String("description", JsonInput::kOptional, 2000);
  change.events = in->StringArray("events", JsonInput::kOptional, 100);
  for (auto [key, slot] : {std::pair{"project", &change.project},
                           {"channel", &change.channel},
                           {"type", &change.type}}) {
    const bool cleared = in->IsNull(key);
    auto value = in->String(key, JsonInput::kOptional, 200);
    if (cleared) {
      *slot = "";
    } else if (value) {
      *slot = *value;
    }
  }
  change.paused = in->Bool("paused");
  if (auto done = in->Finish(); !done) return std::move(done).error();
  return change;
}

}  // namespace

void AddWebhookRoutes(http::Router& router, Services& s) {
  router.Add("GET", "/api/v1/workspaces/{ws}/webhooks",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto list = s.webhooks.List(*actor, req.Param("ws"));
               if (!list) return std::move(list).error();
               json::array items;
               for (const auto& w : *list) items.push_back(WebhookJson(w));
               return Json(200, {{"items", std::move(items)}});
             });

  // The secret is in this answer only: it is never shown again.
  router.Add("POST", "/api/v1/workspaces/{ws}/webhooks",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto change = ReadChange(req);
               if (!change) return std::move(change).error();
               auto created = s.webhooks.Create(*actor, req.Param("ws"), *change);
               if (!created) return std::move(created).error();
               auto body = WebhookJson(created->webhook);
               body["secret"] = created->secret;
               return Json(201, body);
             });

  router.Add("GET", "/api/v1/workspaces/{ws}/webhooks/{id}",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto w = s.webhooks.Get(*actor, req.Param("ws"), req.Param("id"));
               if (!w) return std::move(w).error();
               return Json(200, WebhookJson(*w));
             });

  router.Add("PATCH", "/api/v1/workspaces/{ws}/webhooks/{id}",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto change = ReadChange(req);
               if (!change) return std::move(change).error();
               auto w = s.webhooks.Update(*actor, req.Param("ws"), req.Param("id"), *change);
               if (!w) return std::move(w).error();
               return Json(200, WebhookJson(*w));
             });

  router.Add("DELETE", "/api/v1/workspaces/{ws}/webhooks/{id}",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               if (auto deleted = s.webhooks.Delete(*actor, req.Param("ws"), req.Param("id"));
                   !deleted) {
                 return std::move(deleted).error();
               }
               return NoContent();
             });

  router.Add("GET", "/api/v1/workspaces/{ws}/webhooks/{id}/deliveries",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto limit = IntParam(req, "limit");
               if (!limit) return std::move(limit).error();
               auto list = s.webhooks.Deliveries(*actor, req.Param("ws"), req.Param("id"),
                                                 static_cast<int>(limit->value_or(50)));
               if (!list) return std::move(list).error();
               json::array items;
               for (const auto& d : *list) items.push_back(DeliveryJson(d));
               return Json(200, {{"items", std::move(items)}});
             });

  router.Add("POST", "/api/v1/workspaces/{ws}/webhooks/{id}/deliveries/{delivery_id}/redeliver",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto d = s.webhooks.Redeliver(*actor, req.Param("ws"), req.Param("id"),
                                             req.Param("delivery_id"));
               if (!d) return std::move(d).error();
               return Json(201, DeliveryJson(*d));
             });
}

}  // namespace copydesk::api

// A person's notifications and how they want to hear of each kind: path, schema, presenter.
#include <boost/json/parse.hpp>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
#include "core/clock.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

json::object NotificationJson(const storage::NotificationRecord& n) {
  std::error_code ec;
  json::value data = json::parse(n.data_json, ec);
  if (ec || !data.is_object()) data = json::object();
  json::object out{{"id", n.id},
                   {"kind", n.kind},
                   {"workspace_id", n.workspace_id},
                   {"actor", nullptr},
                   {"content", nullptr},
                   {"subject_id", n.subject_id ? json::value(*n.subject_id) : nullptr},
                   {"data", std::move(data)},
                   {"read", n.read_at.has_value()},
                   {"read_at", n.read_at ? json::value(FormatTime(*n.read_at)) : nullptr},
                   {"created_at", FormatTime(n.created_at)}};
  if (n.actor_id) out["actor"] = {{"id", *n.actor_id}, {"name", n.actor_name}};
  if (n.content_id) out["content"] = {{"id", *n.content_id}, {"title", n.content_title}};
  return out;
}

json::object PreferencesJson(const Services& s,
                             const std::map<std::string, std::string>& preferences) {
  json::object chosen, defaults;
  for (const auto& [kind, delivery] : preferences) {
    chosen[kind] = delivery;
    defaults[kind] = collab::DefaultDelivery(kind);
  }
  return {{"preferences", std::move(chosen)},
          {"defaults", std::move(defaults)},
          {"email_enabled", !s.config.smtp_url.empty()}};
}

}  // namespace

void AddNotificationRoutes(http::Router& router, Services& s) {
  router.Add("GET", "/api/v1/me/notifications", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto limit = IntParam(req, "limit");
    if (!limit) return std::move(limit).error();
    auto page = s.notifications.List(*actor, req.QueryParam("cursor"),
                                     static_cast<int>(limit->value_or(50)));
    if (!page) return std::move(page).error();
    json::array items;
    for (const auto& n : page->items) items.push_back(NotificationJson(n));
    return Json(200, {{"items", std::move(items)},
                      {"unread", page->unread},
                      {"next_cursor", page->next_cursor ? json::value(*page->next_cursor)
                                                        : json::value(nullptr)}});
  });

  router.Add("GET", "/api/v1/me/notification-preferences",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               return Json(200, PreferencesJson(s, s.preferences.Get(*actor)));
             });

  router.Add("PATCH", "/api/v1/me/notification-preferences",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto given = in->Object("preferences", JsonInput::kRequired);
               std::map<std::string, std::string> changes;
               if (given) {
                 for (const auto& [kind, value] : *given) {
                   if (!value.is_string()) {
                     in->Fault("preferences." + std::string(kind), "must be a string");
                   } else {
                     changes.emplace(kind, value.as_string());
                   }
                 }
               }
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto saved = s.preferences.Update(*actor, changes);
               if (!saved) return std::move(saved).error();
               return Json(200, PreferencesJson(s, *saved));
             });

  router.Add("POST", "/api/v1/me/notifications/{id}/read",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto read = s.notifications.MarkRead(*actor, req.Param("id"));
               if (!read) return std::move(read).error();
               return NoContent();
             });

  router.Add("POST", "/api/v1/me/notifications/read-all",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto read = s.notifications.MarkAllRead(*actor);
               if (!read) return std::move(read).error();
               return NoContent();
             });
}

}  // namespace copydesk::api

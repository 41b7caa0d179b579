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

json::object NotificationPageJson(const collab::NotificationPage& page) {
  json::object body = ItemsJson(page.items, NotificationJson);
  body["unread"] = page.unread;
  body["next_cursor"] = page.next_cursor ? json::value(*page.next_cursor) : json::value(nullptr);
  return body;
}

struct PageQuery {
  std::optional<std::string> cursor;
  int limit = 50;
};
Result<PageQuery> ReadPageQuery(const http::Request& req) {
  auto limit = IntParam(req, "limit");
  if (!limit) return std::move(limit).error();
  return PageQuery{req.QueryParam("cursor"), static_cast<int>(limit->value_or(50))};
}

// The kinds whose delivery changes ({"preferences": {"<kind>": "<delivery>"}}); the others
// keep theirs.
std::map<std::string, std::string> ReadPreferenceChanges(JsonInput& in) {
  std::map<std::string, std::string> changes;
  if (auto given = in.Object("preferences", JsonInput::kRequired)) {
    for (const auto& [kind, value] : *given) {
      if (!value.is_string()) {
        in.Fault("preferences." + std::string(kind), "must be a string");
      } else {
        changes.emplace(kind, value.as_string());
      }
    }
  }
  return changes;
}

}  // namespace

void AddNotificationRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);

  Mount(router,
        {
            {"GET", "/api/v1/me/notifications", member, Query(ReadPageQuery),
             [&s](Call& c) {
               const auto& page = c.input<PageQuery>();
               return Present(s.notifications.List(c.actor(), page.cursor, page.limit),
                              NotificationPageJson);
             }},
            {"GET",
             "/api/v1/me/notification-preferences",
             member,
             {},
             [&s](Call& c) { return Json(200, PreferencesJson(s, s.preferences.Get(c.actor()))); }},
            {"PATCH", "/api/v1/me/notification-preferences", member, Body(ReadPreferenceChanges),
             [&s](Call& c) {
               return Present(
                   s.preferences.Update(c.actor(), c.input<std::map<std::string, std::string>>()),
                   [&s](const auto& saved) { return PreferencesJson(s, saved); });
             }},
            {"POST",
             "/api/v1/me/notifications/{id}/read",
             member,
             {},
             [&s](Call& c) { return Done(s.notifications.MarkRead(c.actor(), c.param("id"))); }},
            {"POST",
             "/api/v1/me/notifications/read-all",
             member,
             {},
             [&s](Call& c) { return Done(s.notifications.MarkAllRead(c.actor())); }},
        });
}

}  // namespace copydesk::api

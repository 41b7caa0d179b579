#include "api/present/home.hpp"

#include <boost/json/array.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "api/route.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

std::string Encoded(const std::string& value) {
  return boost::urls::encode(value, boost::urls::unreserved_chars);
}

// Where a figure leads in the web app: a screen of the workspace and its query string, built
// from the same filter names as the list (docs/api: ContentFilter).
json::object Link(const char* screen, const std::string& query) {
  return {{"screen", screen}, {"query", query}};
}

json::object ContentJson(const storage::HomeContent& c) {
  json::value status = nullptr;
  if (c.status_id) {
    status = json::object{{"id", *c.status_id},
                          {"name", c.status_name.value_or("")},
                          {"color", c.status_color.value_or("")},
                          {"category", c.status_category.value_or("")}};
  }
  return {{"id", c.id},
          {"title", c.title},
          {"publish_at", TimeOrNull(c.publish_at)},
          {"status", std::move(status)},
          {"late", c.late}};
}

template <class T, class Present>
json::object Figure(const storage::Counted<T>& figure, Present present, json::object link) {
  json::array items;
  for (const auto& item : figure.items) items.push_back(present(item));
  return {{"total", figure.total}, {"items", std::move(items)}, {"link", std::move(link)}};
}

}  // namespace

json::object HomeJson(const collab::Home& home) {
  const TimeMs now = home.now;
  const auto content = [](const storage::HomeContent& c) { return ContentJson(c); };
  const std::string me = Encoded(home.user_id);

  json::array publications;
  for (const auto& e : home.publications) {
    json::value channel = nullptr;
    if (e.channel_id) {
      channel = json::object{{"id", *e.channel_id},
                             {"name", e.channel_name.value_or("")},
                             {"color", e.channel_color.value_or("")}};
    }
    publications.push_back(
        {{"content", ContentJson(e.content)},
         {"channel", std::move(channel)},
         {"at", FormatTime(e.at)},
         {"published_at", TimeOrNull(e.published_at)},
         // The channel's own lateness: its date passed and it is not marked published (a
         // content without channels: late as a whole).
         {"late", e.channel_id ? !e.published_at && e.at < now : e.content.late}});
  }
  const std::string from = FormatTime(home.week.from), to = FormatTime(home.week.to);
  json::object week{{"from", from},
                    {"to", to},
                    {"time_zone", TextOrNull(home.week.time_zone)},
                    {"publications", std::move(publications)},
                    {"link", Link("calendar", "from=" + Encoded(from) + "&to=" + Encoded(to))}};

  json::object body{
      {"now", FormatTime(now)},
      {"role", home.role},
      {"week", std::move(week)},
      {"waiting_for_me", Figure(
                             home.waiting_for_me,
                             [&](const storage::WaitingApproval& w) {
                               return json::object{
                                   {"content", ContentJson(w.content)},
                                   {"team", {{"id", w.team_id}, {"name", w.team_name}}},
                                   {"since", FormatTime(w.since)}};
                             },
                             Link("my_work", ""))},
      {"tasks",
       Figure(
           home.tasks,
           [&](const storage::HomeTask& t) {
             json::value on = nullptr;
             if (t.content_id)
               on = json::object{{"id", *t.content_id}, {"title", t.content_title.value_or("")}};
             return json::object{{"id", t.id},
                                 {"title", t.title},
                                 {"due_at", FormatTime(t.due_at)},
                                 {"overdue", t.due_at < now},
                                 {"content", std::move(on)}};
           },
           Link("my_work", ""))},
      {"assigned", Figure(home.assigned, content, Link("contents", "assignee=" + me))},
      // The publication filter is the list's (late: dated in the past, not published).
      {"late",
       Figure(home.late, content, Link("contents", "publication=late&sort=publish_at&order=asc"))},
  };
  if (home.pending_by_team) {
    json::array teams;
    for (const auto& p : *home.pending_by_team) {
      std::string query;
      for (const auto& status : p.status_ids)
        query += (query.empty() ? "status=" : "&status=") + Encoded(status);
      teams.push_back({{"team", {{"id", p.team_id}, {"name", p.team_name}}},
                       {"total", p.count},
                       {"oldest_since", FormatTime(p.oldest_since)},
                       {"waiting_seconds", std::max<TimeMs>(0, (now - p.oldest_since) / 1000)},
                       {"link", Link("contents", query)}});
    }
    body["pending_by_team"] = std::move(teams);
  } else {
    body["pending_by_team"] = nullptr;
  }
  return body;
}

}  // namespace copydesk::api

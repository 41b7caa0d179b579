// The editorial calendar (issue 16): a range of dates under every screen's filter, and the tray
// of contents with no date yet.

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_filter.hpp"
#include "api/content_json.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

Result<planning::CalendarQuery> ReadCalendarQuery(const http::Request& req) {
  planning::CalendarQuery q;
  auto filter = ReadContentFilter(req);
  if (!filter) return std::move(filter).error();
  static_cast<storage::ContentFilter&>(q) = std::move(filter).value();
  for (const char* name : {"from", "to"}) {
    auto t = TimeParam(req, name);
    if (!t) return std::move(t).error();
    (std::string_view(name) == "from" ? q.from : q.to) = *t;
  }
  return q;
}

json::value OptionalTime(const std::optional<TimeMs>& t) {
  return t ? json::value(FormatTime(*t)) : json::value(nullptr);
}

json::object CalendarJson(const planning::Calendar& calendar) {
  // Each content's summary is made once, however many channels it shows on.
  std::vector<json::object> summaries;
  summaries.reserve(calendar.contents.size());
  for (const auto& view : calendar.contents) summaries.push_back(ContentJson(view, false));
  json::array entries;
  for (const auto& e : calendar.entries) {
    json::object o{{"content", summaries[e.content]},
                   {"at", FormatTime(e.at)},
                   {"own_date", e.own_date},
                   {"late", e.late}};
    o["channel"] = e.channel_id ? json::value(*e.channel_id) : json::value(nullptr);
    o["published_at"] = OptionalTime(e.published_at);
    o["url"] = e.url ? json::value(*e.url) : json::value(nullptr);
    entries.push_back(std::move(o));
  }
  return {{"from", FormatTime(calendar.from)},
          {"to", FormatTime(calendar.to)},
          {"entries", std::move(entries)},
          {"truncated", calendar.truncated}};
}

}  // namespace

void AddCalendarRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);
  Mount(router,
        {
            {"GET", "/api/v1/workspaces/{ws}/calendar", member, Query(ReadCalendarQuery),
             [&s](Call& c) {
               return Present(s.publications.CalendarOf(c.actor(), c.param("ws"),
                                                        c.input<planning::CalendarQuery>()),
                              CalendarJson);
             }},
            {"GET", "/api/v1/workspaces/{ws}/calendar/unscheduled", member, Query(ReadListFilter),
             [&s](Call& c) {
               return Present(s.publications.Unscheduled(c.actor(), c.param("ws"),
                                                         c.input<content::ListFilter>()),
                              [](const content::ContentPage& page) {
                                json::object body = ItemsJson(page.items, [](const auto& view) {
                                  return ContentJson(view, false);
                                });
                                body["next_cursor"] = page.next_cursor
                                                          ? json::value(*page.next_cursor)
                                                          : json::value(nullptr);
                                return body;
                              });
             }},
        });
}

}  // namespace copydesk::api

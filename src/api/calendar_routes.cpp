// The editorial calendar (issue 16): a range of dates under every screen's filter, and the tray
// of contents with no date yet.

#include <boost/json/monotonic_resource.hpp>

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

Result<http::Response> CalendarResponse(Result<planning::Calendar> found) {
  if (!found) return std::move(found).error();
  const auto& calendar = *found;
  // Built in one arena, as a list page is (content_json.cpp): a month is ~1,000 entries.
  json::monotonic_resource arena(256 * 1024);
  const json::storage_ptr sp(&arena);
  // Each content's summary is made once, however many channels it shows on.
  std::vector<json::object> summaries;
  summaries.reserve(calendar.contents.size());
  for (const auto& view : calendar.contents) summaries.push_back(ContentJson(view, false, sp));
  json::object body(sp);
  body["from"] = std::string_view(FormatTime(calendar.from));
  body["to"] = std::string_view(FormatTime(calendar.to));
  auto& entries = body["entries"].emplace_array();
  entries.reserve(calendar.entries.size());
  for (const auto& e : calendar.entries) {
    auto& o = entries.emplace_back(nullptr).emplace_object();
    o["content"] = summaries[e.content];
    o["at"] = std::string_view(FormatTime(e.at));
    o["own_date"] = e.own_date;
    o["late"] = e.late;
    if (e.channel_id)
      o["channel"] = std::string_view(*e.channel_id);
    else
      o["channel"] = nullptr;
    if (e.published_at)
      o["published_at"] = std::string_view(FormatTime(*e.published_at));
    else
      o["published_at"] = nullptr;
    if (e.url)
      o["url"] = std::string_view(*e.url);
    else
      o["url"] = nullptr;
  }
  body["truncated"] = calendar.truncated;
  return Json(200, body);
}

}  // namespace

void AddCalendarRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);
  Mount(router,
        {
            {"GET", "/api/v1/workspaces/{ws}/calendar", member, Query(ReadCalendarQuery),
             [&s](Call& c) {
               return CalendarResponse(s.publications.CalendarOf(
                   c.actor(), c.param("ws"), c.input<planning::CalendarQuery>()));
             }},
            {"GET", "/api/v1/workspaces/{ws}/calendar/unscheduled", member, Query(ReadListFilter),
             [&s](Call& c) {
               return ContentPageResponse(s.publications.Unscheduled(
                   c.actor(), c.param("ws"), c.input<content::ListFilter>()));
             }},
        });
}

}  // namespace copydesk::api

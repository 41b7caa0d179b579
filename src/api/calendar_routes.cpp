// The editorial calendar (issue 16): a range of dates under every screen's filter, and the tray
// of contents with no date yet.

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_filter.hpp"
#include "api/content_json.hpp"
#include "api/remembered.hpp"

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

// A JSON string, escaped as boost::json writes it.
void AppendString(std::string& out, std::string_view text) {
  out += json::serialize(json::string_view(text));
}

Result<http::Response> CalendarResponse(Result<planning::Calendar> found) {
  if (!found) return std::move(found).error();
  const auto& calendar = *found;
  // Each content's summary is made and written once, however many channels it shows on, and
  // spliced into each of its entries: copying the summary object into every entry and writing
  // it again cost more than making it. The entries' own members are written here in the order
  // boost::json would write them.
  std::vector<std::string> summaries;
  summaries.reserve(calendar.contents.size());
  std::size_t size = 0;
  {
    json::monotonic_resource arena(64 * 1024);
    const json::storage_ptr sp(&arena);
    for (const auto& view : calendar.contents) {
      summaries.push_back(json::serialize(ContentJson(view, false, sp)));
      size += summaries.back().size();
    }
  }
  std::string out;
  out.reserve(size + calendar.entries.size() * 160 + 128);
  out += "{\"from\":";
  AppendString(out, FormatTime(calendar.from));
  out += ",\"to\":";
  AppendString(out, FormatTime(calendar.to));
  out += ",\"entries\":[";
  bool first = true;
  for (const auto& e : calendar.entries) {
    out += first ? "{\"content\":" : ",{\"content\":";
    first = false;
    out += summaries[e.content];
    out += ",\"at\":";
    AppendString(out, FormatTime(e.at));
    out += e.own_date ? ",\"own_date\":true" : ",\"own_date\":false";
    out += e.late ? ",\"late\":true" : ",\"late\":false";
    out += ",\"channel\":";
    if (e.channel_id)
      AppendString(out, *e.channel_id);
    else
      out += "null";
    out += ",\"published_at\":";
    if (e.published_at)
      AppendString(out, FormatTime(*e.published_at));
    else
      out += "null";
    out += ",\"url\":";
    if (e.url)
      AppendString(out, *e.url);
    else
      out += "null";
    out += "}";
  }
  out += calendar.truncated ? "],\"truncated\":true}" : "],\"truncated\":false}";
  return http::Response{200, "application/json", std::move(out), {}};
}

}  // namespace

void AddCalendarRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);
  Mount(router,
        {
            {"GET", "/api/v1/workspaces/{ws}/calendar", member, Query(ReadCalendarQuery),
             Remembered(s.db,
                        [&s](Call& c) {
                          return CalendarResponse(s.publications.CalendarOf(
                              c.actor(), c.param("ws"), c.input<planning::CalendarQuery>()));
                        })},
            {"GET", "/api/v1/workspaces/{ws}/calendar/unscheduled", member, Query(ReadListFilter),
             Remembered(s.db,
                        [&s](Call& c) {
                          return ContentPageResponse(s.publications.Unscheduled(
                              c.actor(), c.param("ws"), c.input<content::ListFilter>()));
                        })},
        });
}

}  // namespace copydesk::api

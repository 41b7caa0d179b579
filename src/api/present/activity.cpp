#include "api/present/activity.hpp"

#include <boost/json/array.hpp>

#include "api/content_json.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

std::string CsvField(const std::string& value) {
  // Quote every field; a cell a spreadsheet could run as a formula (a leading = + - @, or a
  // control or format character hiding one) is defused with an apostrophe.
  std::string out = "\"";
  if (StartsLikeSpreadsheetFormula(value)) out += "'";
  for (char c : value) {
    if (c == '"')
      out += "\"\"";
    else
      out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

json::object ActivityPageJson(const std::vector<storage::EventRecord>& events, int limit) {
  json::array items;
  for (const auto& e : events) items.push_back(EventJson(e));
  json::object body{{"items", std::move(items)}};
  body["next_before"] = events.size() == static_cast<std::size_t>(limit) && !events.empty()
                            ? json::value(events.back().seq)
                            : json::value(nullptr);
  return body;
}

http::Response ActivityCsv(const std::vector<storage::EventRecord>& events) {
  std::string out = "seq,time,actor,kind,content,details\r\n";
  for (const auto& e : events) {
    out += std::to_string(e.seq) + "," + CsvField(FormatTime(e.created_at)) + "," +
           CsvField(e.actor_name) + "," + CsvField(e.kind) + "," +
           CsvField(e.subject_id.value_or("")) + "," + CsvField(e.data_json) + "\r\n";
  }
  return http::Response{200, "text/csv; charset=utf-8", std::move(out), {}}.With(
      "Content-Disposition", "attachment; filename=\"copydesk-activity.csv\"");
}

}  // namespace copydesk::api

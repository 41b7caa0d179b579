#include "api/present/report.hpp"

#include "api/route.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

json::value OrNull(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::array Counts(const std::vector<std::int64_t>& v) {
  json::array out;
  for (auto n : v) out.push_back(n);
  return out;
}

void PutSpread(json::object& o, const reports::Spread& s) {
  o["count"] = s.count;
  o["median_ms"] = OrNull(s.median_ms);
  o["p90_ms"] = OrNull(s.p90_ms);
}

}  // namespace

json::object ReportJson(const reports::Report& r) {
  json::array months;
  for (const auto& m : r.months) months.push_back(json::string(m));
  json::array channels;
  for (const auto& c : r.channels) {
    channels.push_back({{"channel", TextOrNull(c.channel_id)},
                        {"name", c.channel_id ? json::value(c.name) : json::value(nullptr)},
                        {"counts", Counts(c.counts)},
                        {"total", c.total}});
  }
  json::array statuses;
  for (const auto& s : r.statuses) {
    json::object o{
        {"status", s.status_id},
        {"name", s.name},
        {"category", s.category.empty() ? json::value(nullptr) : json::value(s.category)}};
    PutSpread(o, s.spread);
    statuses.push_back(std::move(o));
  }
  json::array teams;
  for (const auto& t : r.teams) {
    json::object o{{"team", t.team_id}, {"name", t.name}};
    PutSpread(o, t.spread);
    teams.push_back(std::move(o));
  }
  json::array stale;
  for (const auto& s : r.stale) {
    stale.push_back({{"content", {{"id", s.approval.content_id}, {"title", s.content_title}}},
                     {"team", {{"id", s.approval.team_id}, {"name", s.team_name}}},
                     {"stale_at", FormatTime(s.approval.stale_at)},
                     {"revision", s.approval.revision},
                     {"published_at", FormatTime(s.approval.published_at)}});
  }
  return {{"from", FormatTime(r.from)},
          {"to", FormatTime(r.to)},
          {"time_zone", r.time_zone},
          {"publications",
           {{"months", std::move(months)},
            {"channels", std::move(channels)},
            {"totals", Counts(r.month_totals)},
            {"total", r.published_total}}},
          {"statuses", std::move(statuses)},
          {"approvals", std::move(teams)},
          {"stale_approvals", {{"count", r.stale_count}, {"items", std::move(stale)}}}};
}

}  // namespace copydesk::api

#include "reports/report.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>

#include "content/approvals.hpp"
#include "reports/percentiles.hpp"
#include "reports/time_zone.hpp"
#include "storage/reports_store.hpp"
#include "workspace/workspaces.hpp"

namespace copydesk::reports {

namespace json = boost::json;

namespace {

json::object Data(const storage::EventRecord& e) {
  std::error_code ec;
  auto v = json::parse(e.data_json, ec);
  if (ec || !v.is_object()) return {};
  return std::move(v.as_object());
}

std::optional<std::string> Text(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

std::vector<std::string> Texts(const json::object& o, const char* key) {
  std::vector<std::string> out;
  const auto* v = o.if_contains(key);
  if (v && v->is_array()) {
    for (const auto& s : v->as_array()) {
      if (s.is_string()) out.emplace_back(s.as_string());
    }
  }
  return out;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

Measures Measure(const ContentHistory& h, const std::set<std::string>& published_statuses,
                 TimeMs from, TimeMs to) {
  Measures out;
  const auto inside = [&](TimeMs t) { return t >= from && t < to; };
  // Where the content stands as the replay goes.
  TimeMs since = h.created_at;          // when it entered its current status
  std::string current_name;             // that status's name, as the entering event said
  std::vector<std::string> asked;       // the teams its current status asked when it entered
  std::map<std::string, TimeMs> waits;  // team → since when its decision is awaited
  struct Mark {
    std::string name;
    std::optional<TimeMs> published_at;  // none once undone
  };
  std::map<std::string, Mark> marks;        // channel → its latest mark
  std::vector<TimeMs> status_publications;  // entries into a published status
  std::vector<StaleApproval> stale;
  for (const auto& e : h.events) {
    const auto data = Data(e);
    if (e.kind == kStatusChanged) {
      const auto left = Text(data, "from");
      const auto entered = Text(data, "to").value_or("");
      if (left && inside(e.created_at))
        out.stays.push_back({*left, current_name, e.created_at - since});
      const bool was_published = left && published_statuses.contains(*left);
      if (published_statuses.contains(entered) && !was_published)
        status_publications.push_back(e.created_at);
      since = e.created_at;
      current_name = Text(data, "to_name").value_or("");
      // A team asked by the new status starts waiting (unless it already was); a team the new
      // status does not ask is no longer awaited, and that unfinished wait is not a measure.
      asked = Texts(data, "asked_teams");
      for (auto it = waits.begin(); it != waits.end();) {
        it = Contains(asked, it->first) ? std::next(it) : waits.erase(it);
      }
      for (const auto& team : asked) waits.emplace(team, e.created_at);
    } else if (e.kind == kApprovalGiven) {
      const auto team = Text(data, "team").value_or("");
      if (auto it = waits.find(team); it != waits.end()) {
        if (inside(e.created_at)) out.waits.push_back({team, e.created_at - it->second});
        waits.erase(it);
      }
    } else if (e.kind == kApprovalStale) {
      const auto* revision = data.if_contains("revision");
      for (const auto& team : Texts(data, "teams")) {
        if (inside(e.created_at)) {
          stale.push_back({h.content_id, team, e.created_at,
                           revision && revision->is_int64() ? revision->as_int64() : 0, 0});
        }
        // The text the team approved changed: its approval is asked again while its status asks.
        if (Contains(asked, team)) waits.emplace(team, e.created_at);
      }
    } else if (e.kind == kChannelPublished || e.kind == kChannelUnpublished) {
      const auto channel = Text(data, "channel").value_or("");
      auto& mark = marks[channel];
      mark.name = Text(data, "channel_name").value_or(mark.name);
      mark.published_at.reset();
      if (e.kind == kChannelPublished) {
        const auto* at = data.if_contains("published_at");
        mark.published_at = at && at->is_int64() ? at->as_int64() : e.created_at;
      }
    }
  }
  // Publications: per channel from the marks when there are any; otherwise the first entry into a
  // published status within the window, once per channel of the content.
  std::vector<TimeMs> moments;
  if (!marks.empty()) {
    for (const auto& [channel, mark] : marks) {
      if (!mark.published_at) continue;
      moments.push_back(*mark.published_at);
      if (inside(*mark.published_at))
        out.publications.push_back({h.content_id, channel, mark.name, *mark.published_at});
    }
  } else {
    moments = status_publications;
    const auto first = std::find_if(status_publications.begin(), status_publications.end(), inside);
    if (first != status_publications.end()) {
      if (h.channel_ids.empty())
        out.publications.push_back({h.content_id, std::nullopt, "", *first});
      for (const auto& channel : h.channel_ids)
        out.publications.push_back({h.content_id, channel, "", *first});
    }
  }
  std::sort(moments.begin(), moments.end());
  for (auto& s : stale) {
    const auto next = std::upper_bound(moments.begin(), moments.end(), s.stale_at);
    if (next == moments.end() || *next >= to) continue;
    s.published_at = *next;
    out.stale.push_back(std::move(s));
  }
  return out;
}

Spread SpreadOf(const std::vector<std::int64_t>& durations) {
  return {static_cast<std::int64_t>(durations.size()), Median(durations),
          Percentile(durations, 90.0)};
}

Result<Report> Reports::Build(const auth::Actor& actor, const std::string& ws,
                              const ReportQuery& query, TimeMs now) {
  const TimeMs to = query.to.value_or(now);
  const TimeMs from = query.from.value_or(to - kDefaultSpanMs);
  if (to <= from) return Error::InvalidField("to", "must be after from");
  if (to - from > kMaxSpanMs)
    return Error::InvalidField("from", "must be at most 400 days before to");
  auto zone = TimeZone::Named(query.time_zone, "tz");
  if (!zone) return std::move(zone).error();
  return db_.Read([&](storage::Tx& tx) -> Result<Report> {
    auto access = workspace::Authorize(tx, actor.user.id, ws, auth::Action::kReadReports);
    if (!access) return std::move(access).error();
    const std::string& workspace_id = access->workspace.id;
    const auto statuses = storage::ListStatuses(tx, workspace_id);
    const auto teams = storage::ListTeams(tx, workspace_id);
    const auto channels = storage::ListChannels(tx, workspace_id);
    std::set<std::string> published;
    for (const auto& s : statuses) {
      if (s.category == "published") published.insert(s.id);
    }
    // The contents something happened to in the window, then each one's whole history up to
    // `to`: a stay or a wait ending in the window may have begun long before it.
    const std::vector<std::string> kinds = {kStatusChanged, kApprovalGiven, kApprovalStale,
                                            kChannelPublished, kChannelUnpublished};
    std::vector<std::string> ids;
    {
      std::set<std::string> seen;
      for (const auto& e : storage::ListWorkspaceEventsOfKinds(tx, workspace_id, kinds, from, to)) {
        if (e.subject_id && seen.insert(*e.subject_id).second) ids.push_back(*e.subject_id);
      }
    }
    const auto contents = storage::ListReportContents(tx, workspace_id, ids);
    std::map<std::string, ContentHistory> histories;
    for (const auto& c : contents) histories[c.id] = {c.id, c.created_at, c.channel_ids, {}};
    for (auto& e : storage::ListSubjectEventsOfKinds(tx, ids, kinds, to)) {
      // Another workspace's event about the same id cannot be, but the report never trusts it.
      if (e.workspace_id != workspace_id) continue;
      if (auto it = histories.find(*e.subject_id); it != histories.end())
        it->second.events.push_back(std::move(e));
    }

    Report report;
    report.from = from;
    report.to = to;
    report.time_zone = zone->name();
    report.months = zone->MonthsBetween(from, to - 1);
    std::map<std::string, std::vector<std::int64_t>> stays_by_status, waits_by_team;
    std::map<std::string, std::string> deleted_status_names;
    std::map<std::optional<std::string>, ChannelMonths> by_channel;
    for (const auto& c : channels) {
      by_channel[c.id] = {c.id, c.name, std::vector<std::int64_t>(report.months.size(), 0), 0};
    }
    report.month_totals.assign(report.months.size(), 0);
    std::map<std::string, std::string> titles;
    for (const auto& c : contents) titles[c.id] = c.title;
    std::vector<StaleApproval> stale;
    for (const auto& [id, history] : histories) {
      auto m = Measure(history, published, from, to);
      for (const auto& s : m.stays) {
        stays_by_status[s.status_id].push_back(s.duration);
        if (!s.status_name.empty()) deleted_status_names.emplace(s.status_id, s.status_name);
      }
      for (const auto& w : m.waits) waits_by_team[w.team_id].push_back(w.duration);
      for (const auto& p : m.publications) {
        auto [row, added] = by_channel.try_emplace(
            p.channel_id, ChannelMonths{p.channel_id, p.channel_name,
                                        std::vector<std::int64_t>(report.months.size(), 0), 0});
        const auto month =
            std::lower_bound(report.months.begin(), report.months.end(), zone->MonthOf(p.at));
        if (month == report.months.end() || *month != zone->MonthOf(p.at)) continue;
        const auto i = static_cast<std::size_t>(month - report.months.begin());
        row->second.counts[i] += 1;
        row->second.total += 1;
        report.month_totals[i] += 1;
        report.published_total += 1;
      }
      for (auto& s : m.stale) stale.push_back(std::move(s));
    }
    // Channels in the workspace's order (then those deleted since, then contents without any);
    // a deleted channel with nothing in the window is not worth a row.
    for (const auto& c : channels) report.channels.push_back(std::move(by_channel[c.id]));
    for (auto& [channel, row] : by_channel) {
      const bool current = channel && std::any_of(channels.begin(), channels.end(),
                                                  [&](const auto& c) { return c.id == *channel; });
      if (!current && row.total > 0) report.channels.push_back(std::move(row));
    }
    // Statuses in workflow order, then those deleted since that had stays.
    for (const auto& s : statuses) {
      report.statuses.push_back({s.id, s.name, s.category, SpreadOf(stays_by_status[s.id])});
      stays_by_status.erase(s.id);
    }
    for (const auto& [id, durations] : stays_by_status) {
      const auto name = deleted_status_names.find(id);
      report.statuses.push_back(
          {id, name == deleted_status_names.end() ? id : name->second, "", SpreadOf(durations)});
    }
    // Teams a gate of the workflow asks, in workflow order, then any other team that was waited
    // for in the window.
    std::map<std::string, std::string> team_names;
    for (const auto& t : teams) team_names[t.id] = t.name;
    std::vector<std::string> team_order;
    for (const auto& s : statuses) {
      if (auto gate = content::GateOf(s)) {
        for (const auto& t : gate->teams) {
          if (!Contains(team_order, t)) team_order.push_back(t);
        }
      }
    }
    for (const auto& [team, durations] : waits_by_team) {
      if (!Contains(team_order, team)) team_order.push_back(team);
    }
    for (const auto& t : team_order) {
      const auto name = team_names.find(t);
      report.teams.push_back(
          {t, name == team_names.end() ? t : name->second, SpreadOf(waits_by_team[t])});
    }
    std::sort(stale.begin(), stale.end(), [](const auto& a, const auto& b) {
      return std::tie(a.stale_at, a.content_id, a.team_id) <
             std::tie(b.stale_at, b.content_id, b.team_id);
    });
    report.stale_count = static_cast<std::int64_t>(stale.size());
    for (auto& s : stale) {
      if (report.stale.size() >= kMaxStaleListed) break;
      const auto name = team_names.find(s.team_id);
      const std::string title = titles[s.content_id];
      report.stale.push_back({s, title, name == team_names.end() ? std::string() : name->second});
    }
    return report;
  });
}

}  // namespace copydesk::reports

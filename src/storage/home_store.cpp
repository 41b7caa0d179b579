#include "storage/home_store.hpp"

#include <boost/json/parse.hpp>

#include "storage/contents_store.hpp"
#include "storage/shares_store.hpp"

namespace copydesk::storage {

namespace {

// A content's columns as the home shows it (contents c LEFT JOIN statuses s), read by ReadContent;
// the last says whether it is late, by the list filter's rule: its two binds (now, now) come
// first in every query's parameters (LateFirst).
const std::string kContentColumns =
    std::string("c.id, c.title, c.publish_at, s.id, s.name, s.color, s.category, (NOT ") +
    kPublishedCondition + " AND " + kLateCondition + ")";
constexpr int kContentWidth = 8;

HomeContent ReadContent(const Row& r) {
  return {r.Text(0),    r.Text(1),    r.OptInt(2),  r.OptText(3),
          r.OptText(4), r.OptText(5), r.OptText(6), r.Int(7) != 0};
}

std::vector<Value> LateFirst(const HomeScope& scope, std::vector<Value> rest) {
  rest.insert(rest.begin(), {Value(scope.now), Value(scope.now)});
  return rest;
}

// Guests see only what is shared with them: the condition, inside the query, and its binds.
void AddShared(std::string& sql, std::vector<Value>& params, const HomeScope& scope) {
  if (!scope.shared_with) return;
  sql += std::string(" AND ") + kSharedWithCondition;
  params.emplace_back(*scope.shared_with);
  params.emplace_back(*scope.shared_with);
}

// When a content entered its status: its latest status change (events_by_subject), else its
// creation.
constexpr const char* kSince =
    "COALESCE((SELECT MAX(e.created_at) FROM events e WHERE e.subject_id = c.id "
    "AND e.kind = 'content.status_changed'), c.created_at)";

// The (content, team) pairs a gate waits for: contents of the workspace in a gated status, each
// team the gate asks, and no decision of that team on the content's current text. A team that
// asked for changes has answered; the content waits on its author then.
std::string WaitingPairs(Dialect dialect) {
  return " FROM statuses s CROSS JOIN " + JsonArrayRows(dialect, "s.gate_teams", "g") +
         " JOIN teams t ON t.id = g.value "
         "JOIN contents c ON c.workspace_id = s.workspace_id AND c.status_id = s.id "
         "AND c.archived_at IS NULL "
         "WHERE s.workspace_id = ? AND s.gate_teams IS NOT NULL "
         "AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.content_id = c.id AND a.team_id = t.id "
         "AND a.content_hash = c.content_hash)";
}

}  // namespace

std::vector<WeekEntry> WeekPublications(Tx& tx, const HomeScope& scope, TimeMs from, TimeMs to,
                                        int limit) {
  // Each channel on its own date (else the content's): the candidates come from two indexed
  // reads, the contents dated in the week and the channels planned in it.
  auto params =
      LateFirst(scope, {scope.workspace_id, from, to, from, to, scope.workspace_id, from, to});
  std::string sql = "SELECT " + kContentColumns +
                    ", ch.id, ch.name, ch.color, COALESCE(cc.planned_at, c.publish_at) AS at, "
                    "cc.published_at FROM contents c "
                    "LEFT JOIN statuses s ON s.id = c.status_id "
                    "LEFT JOIN content_channels cc ON cc.content_id = c.id "
                    "LEFT JOIN channels ch ON ch.id = cc.channel_id "
                    "WHERE c.id IN (SELECT id FROM contents WHERE workspace_id = ? "
                    "AND archived_at IS NULL AND publish_at >= ? AND publish_at < ? "
                    "UNION SELECT content_id FROM content_channels WHERE planned_at >= ? "
                    "AND planned_at < ?) AND c.workspace_id = ? AND c.archived_at IS NULL "
                    "AND COALESCE(cc.planned_at, c.publish_at) >= ? "
                    "AND COALESCE(cc.planned_at, c.publish_at) < ?";
  AddShared(sql, params, scope);
  sql += " ORDER BY at, c.title, c.id, ch.position, ch.name LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  return tx.Rows(sql, params, [](const Row& r) {
    const int at = kContentWidth;
    return WeekEntry{ReadContent(r),    r.OptText(at), r.OptText(at + 1),
                     r.OptText(at + 2), r.Int(at + 3), r.OptInt(at + 4)};
  });
}

Counted<WaitingApproval> WaitingForApprovalOf(Tx& tx, const HomeScope& scope, int limit) {
  auto params = LateFirst(scope, {scope.user_id, scope.workspace_id});
  std::string sql = "SELECT " + kContentColumns + ", t.id, t.name, " + kSince +
                    " AS since, COUNT(*) OVER ()" + WaitingPairs(tx.dialect());
  // Only the person's teams: the join above, narrowed.
  sql.insert(sql.find(" JOIN contents c"),
             " JOIN team_members tm ON tm.team_id = t.id AND tm.user_id = ?");
  AddShared(sql, params, scope);
  sql += " ORDER BY since, c.title, c.id, t.name LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  Counted<WaitingApproval> out;
  tx.Query(sql, std::span<const Value>(params), [&](const Row& r) {
    const int at = kContentWidth;
    out.items.push_back({ReadContent(r), r.Text(at), r.Text(at + 1), r.Int(at + 2)});
    out.total = r.Int(at + 3);
  });
  return out;
}

std::vector<TeamPending> PendingByTeam(Tx& tx, const std::string& workspace_id) {
  const std::string sql = std::string("SELECT t.id, t.name, COUNT(*), MIN(") + kSince + "), " +
                          JsonArrayAgg(tx.dialect(), "DISTINCT s.id") + WaitingPairs(tx.dialect()) +
                          " GROUP BY t.id, t.name ORDER BY MIN(" + kSince + "), t.name";
  return tx.Rows(sql, {workspace_id}, [](const Row& r) {
    TeamPending p{r.Text(0), r.Text(1), r.Int(2), r.Int(3), {}};
    std::error_code ec;
    const auto ids = boost::json::parse(r.Text(4), ec);
    if (!ec && ids.is_array())
      for (const auto& id : ids.as_array())
        if (id.is_string()) p.status_ids.emplace_back(id.as_string());
    return p;
  });
}

Counted<HomeTask> TasksDueOf(Tx& tx, const HomeScope& scope, TimeMs before, int limit) {
  std::vector<Value> params{scope.user_id, scope.workspace_id, before};
  std::string sql =
      "SELECT tk.id, tk.title, tk.due_at, c.id, c.title, COUNT(*) OVER () FROM tasks tk "
      "JOIN task_assignees a ON a.task_id = tk.id AND a.user_id = ? "
      "LEFT JOIN contents c ON c.id = tk.content_id "
      "WHERE tk.workspace_id = ? AND tk.done_at IS NULL AND tk.due_at IS NOT NULL "
      "AND tk.due_at < ? AND (c.id IS NULL OR c.archived_at IS NULL)";
  if (scope.shared_with) sql += " AND c.id IS NOT NULL";  // a guest's: on what is shared
  AddShared(sql, params, scope);
  sql += " ORDER BY tk.due_at, tk.id LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  Counted<HomeTask> out;
  tx.Query(sql, std::span<const Value>(params), [&](const Row& r) {
    out.items.push_back({r.Text(0), r.Text(1), r.Int(2), r.OptText(3), r.OptText(4)});
    out.total = r.Int(5);
  });
  return out;
}

Counted<HomeContent> AssignedTo(Tx& tx, const HomeScope& scope, int limit) {
  auto params = LateFirst(scope, {scope.user_id, scope.workspace_id});
  std::string sql = "SELECT " + kContentColumns +
                    ", COUNT(*) OVER () FROM contents c "
                    "JOIN content_assignees ca ON ca.content_id = c.id AND ca.user_id = ? "
                    "LEFT JOIN statuses s ON s.id = c.status_id "
                    "WHERE c.workspace_id = ? AND c.archived_at IS NULL";
  AddShared(sql, params, scope);
  // Dated first, soonest first; then the most recently changed.
  sql += " ORDER BY c.publish_at IS NULL, c.publish_at, c.updated_at DESC, c.id LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  Counted<HomeContent> out;
  tx.Query(sql, std::span<const Value>(params), [&](const Row& r) {
    out.items.push_back(ReadContent(r));
    out.total = r.Int(kContentWidth);
  });
  return out;
}

Counted<HomeContent> LateContents(Tx& tx, const HomeScope& scope, int limit) {
  auto params = LateFirst(scope, {scope.workspace_id, scope.now, scope.now});
  std::string sql = "SELECT " + kContentColumns +
                    ", COUNT(*) OVER () FROM contents c "
                    "LEFT JOIN statuses s ON s.id = c.status_id "
                    "WHERE c.workspace_id = ? AND c.archived_at IS NULL AND (NOT " +
                    kPublishedCondition + " AND " + kLateCondition + ")";
  AddShared(sql, params, scope);
  sql += " ORDER BY c.publish_at, c.id LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  Counted<HomeContent> out;
  tx.Query(sql, std::span<const Value>(params), [&](const Row& r) {
    out.items.push_back(ReadContent(r));
    out.total = r.Int(kContentWidth);
  });
  return out;
}

std::vector<PublicationNear> PublicationsNearMissingApprovals(Tx& tx, TimeMs now, TimeMs before) {
  // Driven by the dated contents of the window, across workspaces (contents_by_publish_at).
  const std::string sql =
      "SELECT c.id, c.workspace_id, c.publish_at, c.owner_id, " +
      JsonArrayAgg(tx.dialect(), "t.id") + ", " + JsonArrayAgg(tx.dialect(), "t.name") +
      " FROM contents c JOIN statuses s ON s.id = c.status_id CROSS JOIN " +
      JsonArrayRows(tx.dialect(), "s.gate_teams", "g") +
      " JOIN teams t ON t.id = g.value "
      "WHERE c.archived_at IS NULL AND c.publish_at >= ? AND c.publish_at < ? "
      "AND s.gate_teams IS NOT NULL AND s.category <> 'published' "
      "AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.content_id = c.id AND a.team_id = t.id "
      "AND a.content_hash = c.content_hash AND a.decision = 'approved') "
      "AND NOT EXISTS (SELECT 1 FROM reminders_sent r WHERE r.kind = 'publication_near' "
      "AND r.subject_id = c.id AND r.due_at = c.publish_at) "
      "GROUP BY c.id ORDER BY c.publish_at, c.id";
  return tx.Rows(sql, {now, before}, [](const Row& r) {
    PublicationNear p{r.Text(0), r.Text(1), r.Int(2), r.OptText(3), {}, {}};
    auto strings = [](const std::string& text, std::vector<std::string>& into) {
      std::error_code ec;
      const auto v = boost::json::parse(text, ec);
      if (!ec && v.is_array())
        for (const auto& item : v.as_array())
          if (item.is_string()) into.emplace_back(item.as_string());
    };
    strings(r.Text(4), p.team_ids);
    strings(r.Text(5), p.team_names);
    return p;
  });
}

bool ClaimReminder(Tx& tx, const std::string& kind, const std::string& subject_id, TimeMs due_at,
                   TimeMs now) {
  return tx.Exec(
             "INSERT INTO reminders_sent (kind, subject_id, due_at, sent_at) VALUES (?, ?, ?, ?) "
             "ON CONFLICT DO NOTHING",
             {kind, subject_id, due_at, now}) > 0;
}

}  // namespace copydesk::storage

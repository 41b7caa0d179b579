#include "storage/workflow_store.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace copydesk::storage {

namespace {

constexpr const char* kStatusColumns =
    "id, workspace_id, name, color, category, position, gate_teams, gate_no_violations, "
    "gate_blocking, created_at";

StatusRecord ReadStatus(const Row& r) {
  return {r.Text(0), r.Text(1),    r.Text(2),     r.Text(3),     r.Text(4),
          r.Int(5),  r.OptText(6), r.Int(7) != 0, r.Int(8) != 0, r.Int(9)};
}

}  // namespace

std::vector<StatusRecord> ListStatuses(Tx& tx, const std::string& workspace_id) {
  static const std::string sql = std::string("SELECT ") + kStatusColumns +
                                 " FROM statuses WHERE workspace_id = ? ORDER BY position, id";
  return tx.Rows(sql, {workspace_id}, ReadStatus);
}

void InsertStatus(Tx& tx, const StatusRecord& s) {
  tx.Exec(
      "INSERT INTO statuses (id, workspace_id, name, color, category, position, gate_teams, "
      "gate_no_violations, gate_blocking, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.id, s.workspace_id, s.name, s.color, s.category, s.position, Nullable(s.gate_teams_json),
       std::int64_t{s.gate_no_violations}, std::int64_t{s.gate_blocking}, s.created_at});
}

void UpdateStatus(Tx& tx, const StatusRecord& s) {
  tx.Exec(
      "UPDATE statuses SET name = ?, color = ?, category = ?, position = ?, gate_teams = ?, "
      "gate_no_violations = ?, gate_blocking = ? WHERE id = ?",
      {s.name, s.color, s.category, s.position, Nullable(s.gate_teams_json),
       std::int64_t{s.gate_no_violations}, std::int64_t{s.gate_blocking}, s.id});
}

void DeleteStatus(Tx& tx, const std::string& id) {
  tx.Exec("DELETE FROM statuses WHERE id = ?", {id});
}

void MoveStatusContents(Tx& tx, const std::string& from, const std::string& to) {
  tx.Exec("UPDATE contents SET status_id = ? WHERE status_id = ?", {to, from});
}

std::vector<std::string> ContentsInStatus(Tx& tx, const std::string& status_id) {
  return tx.Rows("SELECT id FROM contents WHERE status_id = ? ORDER BY id", {status_id},
                 [](const Row& r) { return r.Text(0); });
}

std::int64_t CountContentsInStatus(Tx& tx, const std::string& status_id) {
  return tx.Scalar("SELECT COUNT(*) FROM contents WHERE status_id = ?", {status_id});
}

std::string InsertApproval(Tx& tx, const ApprovalRecord& a) {
  // What was approved is the content's text as it stands: its variants' channels with it.
  // Read here rather than by the engine's JSON functions, which differ between backends.
  boost::json::array channels;
  const auto variants =
      tx.First("SELECT variants FROM contents WHERE id = ?", {a.content_id}, [](const Row& r) {
          return r.Text(0);
        }).value_or("");
  std::error_code ec;
  const auto parsed = boost::json::parse(variants, ec);
  if (!ec && parsed.is_object()) {
    for (const auto& [channel, variant] : parsed.as_object()) channels.emplace_back(channel);
  }
  const std::string covered = boost::json::serialize(channels);
  tx.Exec(
      "INSERT INTO approvals (id, content_id, revision, content_hash, team_id, status_id, "
      "decision, comment, user_id, visitor_name, visitor_email, created_at, link_id, "
      "covered_variants) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {a.id, a.content_id, a.revision, a.content_hash, Nullable(a.team_id), Nullable(a.status_id),
       a.decision, a.comment, Nullable(a.user_id), Nullable(a.visitor_name),
       Nullable(a.visitor_email), a.created_at, Nullable(a.link_id), covered});
  return covered;
}

std::vector<ApprovalRecord> ListApprovals(Tx& tx, const std::string& content_id) {
  return tx.Rows(
      "SELECT a.id, a.content_id, a.revision, a.content_hash, a.team_id, a.status_id, a.decision, "
      "a.comment, a.user_id, a.visitor_name, a.visitor_email, a.created_at, "
      "COALESCE(u.name, a.visitor_name, ''), COALESCE(t.name, ''), a.link_id, "
      "a.covered_variants FROM approvals a "
      "LEFT JOIN users u ON u.id = a.user_id LEFT JOIN teams t ON t.id = a.team_id "
      "WHERE a.content_id = ? ORDER BY a.created_at, a.id",
      {content_id}, [](const Row& r) {
        ApprovalRecord a{r.Text(0),    r.Text(1),    r.Int(2),      r.Text(3),
                         r.OptText(4), r.OptText(5), r.Text(6),     r.Text(7),
                         r.OptText(8), r.OptText(9), r.OptText(10), r.Int(11)};
        a.user_name = r.Text(12);
        a.team_name = r.Text(13);
        a.link_id = r.OptText(14);
        a.covered_variants_json = r.Text(15);
        return a;
      });
}

std::vector<std::string> TeamsOfUser(Tx& tx, const std::string& workspace_id,
                                     const std::string& user_id) {
  return tx.Rows(
      "SELECT t.id FROM teams t JOIN team_members m ON m.team_id = t.id "
      "WHERE t.workspace_id = ? AND m.user_id = ? ORDER BY t.id",
      {workspace_id, user_id}, [](const Row& r) { return r.Text(0); });
}

std::vector<EventRecord> ListEvents(Tx& tx, const EventQuery& q) {
  std::vector<Value> params{q.workspace_id};
  std::string sql =
      "SELECT e.seq, e.workspace_id, e.actor_id, COALESCE(u.name, ''), e.kind, e.subject_id, "
      "e.data, e.created_at FROM events e LEFT JOIN users u ON u.id = e.actor_id "
      "WHERE e.workspace_id = ?";
  if (q.without_comments) sql += " AND e.kind NOT LIKE 'comment.%'";
  if (q.subject_id) {
    sql += " AND e.subject_id = ?";
    params.emplace_back(*q.subject_id);
  }
  if (q.actor_id) {
    sql += " AND e.actor_id = ?";
    params.emplace_back(*q.actor_id);
  }
  if (q.kind_prefix) {
    // A range on the kind, not LIKE: no wildcard in the input can widen the match.
    sql += " AND e.kind >= ? AND e.kind < ?";
    params.emplace_back(*q.kind_prefix);
    params.emplace_back(*q.kind_prefix + "\x7f");
  }
  if (q.from) {
    sql += " AND e.created_at >= ?";
    params.emplace_back(*q.from);
  }
  if (q.to) {
    sql += " AND e.created_at < ?";
    params.emplace_back(*q.to);
  }
  if (q.before_seq) {
    sql += " AND e.seq < ?";
    params.emplace_back(*q.before_seq);
  }
  sql += " ORDER BY e.seq DESC LIMIT ?";
  params.emplace_back(std::int64_t{q.limit});
  return tx.Rows(sql, params, [](const Row& r) {
    return EventRecord{r.Int(0),  r.OptText(1), r.OptText(2), r.Text(3),
                       r.Text(4), r.OptText(5), r.Text(6),    r.Int(7)};
  });
}

}  // namespace copydesk::storage

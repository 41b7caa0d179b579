#include "storage/shares_store.hpp"

#include <algorithm>

namespace copydesk::storage {

namespace {

std::optional<std::string> Opt(const Row& r, int i) {
  return r.OptText(i);
}

constexpr const char* kShareSelect =
    "SELECT s.id, s.workspace_id, s.content_id, s.project_id, s.user_id, s.team_id, s.level,"
    " s.created_by, s.created_at, coalesce(u.name, ''), coalesce(u.email, ''),"
    " coalesce(m.role, ''), coalesce(t.name, ''), coalesce(cb.name, '')"
    " FROM shares s LEFT JOIN users u ON u.id = s.user_id"
    " LEFT JOIN memberships m ON m.user_id = s.user_id AND m.workspace_id = s.workspace_id"
    " LEFT JOIN teams t ON t.id = s.team_id LEFT JOIN users cb ON cb.id = s.created_by";

ShareRecord ShareOf(const Row& r) {
  ShareRecord s;
  s.id = r.Text(0);
  s.workspace_id = r.Text(1);
  s.content_id = Opt(r, 2);
  s.project_id = Opt(r, 3);
  s.user_id = Opt(r, 4);
  s.team_id = Opt(r, 5);
  s.level = r.Text(6);
  s.created_by = Opt(r, 7);
  s.created_at = r.Int(8);
  s.user_name = r.Text(9);
  s.user_email = r.Text(10);
  s.user_role = r.Text(11);
  s.team_name = r.Text(12);
  s.creator_name = r.Text(13);
  return s;
}

constexpr const char* kLinkSelect =
    "SELECT l.id, l.workspace_id, l.content_id, l.project_id, l.level, l.label, l.secret_hash,"
    " l.password_hash, l.expires_at, l.created_by, l.created_at, l.revoked_at, l.revoked_by,"
    " l.last_used_at, coalesce(u.name, ''), coalesce(c.title, ''), coalesce(p.name, '')"
    " FROM share_links l LEFT JOIN users u ON u.id = l.created_by"
    " LEFT JOIN contents c ON c.id = l.content_id LEFT JOIN projects p ON p.id = l.project_id";

ShareLinkRecord LinkOf(const Row& r) {
  ShareLinkRecord l;
  l.id = r.Text(0);
  l.workspace_id = r.Text(1);
  l.content_id = Opt(r, 2);
  l.project_id = Opt(r, 3);
  l.level = r.Text(4);
  l.label = r.Text(5);
  l.secret_hash = r.Text(6);
  l.password_hash = Opt(r, 7);
  l.expires_at = r.Int(8);
  l.created_by = Opt(r, 9);
  l.created_at = r.Int(10);
  l.revoked_at = r.OptInt(11);
  l.revoked_by = Opt(r, 12);
  l.last_used_at = r.OptInt(13);
  l.creator_name = r.Text(14);
  l.content_title = r.Text(15);
  l.project_name = r.Text(16);
  return l;
}

LinkVisitorRecord VisitorOf(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5)};
}

constexpr const char* kVisitorSelect =
    "SELECT id, link_id, user_id, name, email, created_at FROM link_visitors";

}  // namespace

std::vector<ShareRecord> ListShares(Tx& tx, const std::optional<std::string>& content_id,
                                    const std::optional<std::string>& project_id) {
  return tx.Rows(std::string(kShareSelect) +
                     (content_id ? " WHERE s.content_id = ?" : " WHERE s.project_id = ?") +
                     " ORDER BY s.created_at, s.id",
                 {content_id ? *content_id : project_id.value_or("")}, ShareOf);
}

std::optional<ShareRecord> FindShare(Tx& tx, const std::string& id) {
  return tx.First(std::string(kShareSelect) + " WHERE s.id = ?", {id}, ShareOf);
}

std::optional<ShareRecord> FindSameShare(Tx& tx, const ShareRecord& like) {
  return tx.First(std::string(kShareSelect) +
                      " WHERE coalesce(s.content_id, '') = ? AND coalesce(s.project_id, '') = ?"
                      " AND coalesce(s.user_id, '') = ? AND coalesce(s.team_id, '') = ?",
                  {like.content_id.value_or(""), like.project_id.value_or(""),
                   like.user_id.value_or(""), like.team_id.value_or("")},
                  ShareOf);
}

void InsertShare(Tx& tx, const ShareRecord& s) {
  tx.Exec(
      "INSERT INTO shares (id, workspace_id, content_id, project_id, user_id, team_id, level,"
      " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.id, s.workspace_id, Nullable(s.content_id), Nullable(s.project_id), Nullable(s.user_id),
       Nullable(s.team_id), s.level, Nullable(s.created_by), s.created_at});
}

void UpdateShareLevel(Tx& tx, const std::string& id, const std::string& level) {
  tx.Exec("UPDATE shares SET level = ? WHERE id = ?", {level, id});
}

std::int64_t DeleteSharesOfMember(Tx& tx, const std::string& workspace_id,
                                  const std::string& user_id) {
  return tx.Exec("DELETE FROM shares WHERE workspace_id = ? AND user_id = ?",
                 {workspace_id, user_id});
}

void DeleteShare(Tx& tx, const std::string& id) {
  tx.Exec("DELETE FROM shares WHERE id = ?", {id});
}

std::vector<std::string> ShareLevelsFor(Tx& tx, const std::string& user_id,
                                        const std::string& content_id,
                                        const std::optional<std::string>& project_id, TimeMs now) {
  const std::string project = project_id.value_or("");
  auto levels = tx.Rows(
      "SELECT DISTINCT level FROM shares s WHERE (content_id = ? OR (project_id = ? AND ? <> ''))"
      " AND (user_id = ? OR team_id IN (SELECT team_id FROM team_members WHERE user_id = ?))"
      // A share counts only while its person is a member: leaving the workspace ends it.
      " AND EXISTS (SELECT 1 FROM memberships m WHERE m.workspace_id = s.workspace_id"
      " AND m.user_id = ?)"
      " UNION SELECT DISTINCT l.level FROM link_visitors v JOIN share_links l ON l.id = v.link_id"
      " WHERE v.user_id = ? AND l.revoked_at IS NULL AND l.expires_at > ?"
      " AND (l.content_id = ? OR (l.project_id = ? AND ? <> ''))",
      {content_id, project, project, user_id, user_id, user_id, user_id, now, content_id, project,
       project},
      [](const Row& r) { return r.Text(0); });
  return levels;
}

SharedWith SharedWithUser(Tx& tx, const std::string& workspace_id, const std::string& user_id) {
  SharedWith out;
  tx.Query(
      "SELECT content_id, project_id FROM shares WHERE workspace_id = ?"
      " AND (user_id = ? OR team_id IN (SELECT team_id FROM team_members WHERE user_id = ?))",
      {workspace_id, user_id, user_id}, [&](const Row& r) {
        if (!r.IsNull(0)) out.content_ids.push_back(r.Text(0));
        if (!r.IsNull(1)) out.project_ids.push_back(r.Text(1));
      });
  for (auto* ids : {&out.content_ids, &out.project_ids}) {
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  }
  return out;
}

std::optional<std::string> WorkspaceOfProject(Tx& tx, const std::string& project_id) {
  return tx.First("SELECT workspace_id FROM projects WHERE id = ?", {project_id},
                  [](const Row& r) { return r.Text(0); });
}

void InsertShareLink(Tx& tx, const ShareLinkRecord& l) {
  tx.Exec(
      "INSERT INTO share_links (id, workspace_id, content_id, project_id, level, label,"
      " secret_hash, password_hash, expires_at, created_by, created_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {l.id, l.workspace_id, Nullable(l.content_id), Nullable(l.project_id), l.level, l.label,
       l.secret_hash, Nullable(l.password_hash), l.expires_at, Nullable(l.created_by),
       l.created_at});
}

std::optional<ShareLinkRecord> FindShareLink(Tx& tx, const std::string& id) {
  return tx.First(std::string(kLinkSelect) + " WHERE l.id = ?", {id}, LinkOf);
}

std::optional<ShareLinkRecord> FindShareLinkBySecretHash(Tx& tx, const std::string& secret_hash) {
  return tx.First(std::string(kLinkSelect) + " WHERE l.secret_hash = ?", {secret_hash}, LinkOf);
}

std::vector<ShareLinkRecord> ListLiveShareLinks(Tx& tx, const std::string& workspace_id,
                                                const std::optional<std::string>& content_id,
                                                const std::optional<std::string>& project_id,
                                                TimeMs now) {
  std::string sql = std::string(kLinkSelect) +
                    " WHERE l.workspace_id = ? AND l.revoked_at IS NULL AND l.expires_at > ?";
  std::vector<Value> params{workspace_id, now};
  if (content_id) {
    sql += " AND l.content_id = ?";
    params.emplace_back(*content_id);
  }
  if (project_id) {
    sql += " AND l.project_id = ?";
    params.emplace_back(*project_id);
  }
  sql += " ORDER BY l.created_at DESC, l.id";
  return tx.Rows(sql, params, LinkOf);
}

void RevokeShareLink(Tx& tx, const std::string& id, const std::string& by, TimeMs now) {
  tx.Exec("UPDATE share_links SET revoked_at = ?, revoked_by = ? WHERE id = ?", {now, by, id});
  tx.Exec("DELETE FROM link_sessions WHERE link_id = ?", {id});
}

void TouchShareLink(Tx& tx, const std::string& id, TimeMs now) {
  tx.Exec("UPDATE share_links SET last_used_at = ? WHERE id = ?", {now, id});
}

std::optional<LinkVisitorRecord> FindLinkVisitorById(Tx& tx, const std::string& id) {
  return tx.First(std::string(kVisitorSelect) + " WHERE id = ?", {id}, VisitorOf);
}

void InsertLinkVisitor(Tx& tx, const LinkVisitorRecord& v) {
  tx.Exec(
      "INSERT INTO link_visitors (id, link_id, user_id, name, email, created_at)"
      " VALUES (?, ?, ?, ?, ?, ?)",
      {v.id, v.link_id, v.user_id, v.name, v.email, v.created_at});
}

void InsertLinkSession(Tx& tx, const LinkSessionRecord& s) {
  tx.Exec(
      "INSERT INTO link_sessions (token_hash, link_id, visitor_id, csrf_token, created_at,"
      " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
      {s.token_hash, s.link_id, Nullable(s.visitor_id), s.csrf_token, s.created_at, s.expires_at});
}

std::optional<LinkSessionRecord> FindLinkSession(Tx& tx, const std::string& token_hash) {
  return tx.First(
      "SELECT token_hash, link_id, visitor_id, csrf_token, created_at, expires_at"
      " FROM link_sessions WHERE token_hash = ?",
      {token_hash}, [](const Row& r) {
        return LinkSessionRecord{r.Text(0), r.Text(1), r.OptText(2), r.Text(3), r.Int(4), r.Int(5)};
      });
}

void DeleteExpiredLinkSessions(Tx& tx, TimeMs now) {
  tx.Exec("DELETE FROM link_sessions WHERE expires_at <= ?", {now});
}

}  // namespace copydesk::storage

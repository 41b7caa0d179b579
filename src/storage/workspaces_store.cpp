#include "storage/workspaces_store.hpp"

#include <map>

namespace copydesk::storage {

namespace {

WorkspaceRecord ReadWorkspace(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.OptText(5), r.OptText(6)};
}

MemberRecord ReadMember(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4)};
}

InvitationRecord ReadInvitation(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5), r.Int(6), r.OptInt(7)};
}

constexpr const char* kInvitationColumns =
    "id, workspace_id, email, role, invited_by, created_at, expires_at, accepted_at";

}  // namespace

void InsertWorkspace(Tx& tx, const WorkspaceRecord& ws) {
  tx.Exec(
      "INSERT INTO workspaces (id, slug, name, language, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {ws.id, ws.slug, ws.name, ws.language, ws.created_at, ws.created_at});
}

bool SlugTaken(Tx& tx, const std::string& slug) {
  return tx.Scalar("SELECT COUNT(*) FROM workspaces WHERE slug = ?", {slug}) > 0;
}

std::optional<WorkspaceRecord> FindWorkspace(Tx& tx, const std::string& id_or_slug) {
  return tx.First(
      "SELECT id, slug, name, language, created_at, page_name, page_avatar FROM workspaces WHERE "
      "id = ? OR slug = ? "
      "ORDER BY id = ? DESC LIMIT 1",
      {id_or_slug, id_or_slug, id_or_slug}, ReadWorkspace);
}

void UpdateWorkspace(Tx& tx, const std::string& id, const std::string& name,
                     const std::string& language, TimeMs now) {
  tx.Exec("UPDATE workspaces SET name = ?, language = ?, updated_at = ? WHERE id = ?",
          {name, language, now, id});
}

void UpdateWorkspacePage(Tx& tx, const std::string& id, const std::optional<std::string>& name,
                         const std::optional<std::string>& avatar, TimeMs now) {
  tx.Exec("UPDATE workspaces SET page_name = ?, page_avatar = ?, updated_at = ? WHERE id = ?",
          {Nullable(name), Nullable(avatar), now, id});
}

std::vector<std::pair<WorkspaceRecord, std::string>> ListWorkspacesOfUser(
    Tx& tx, const std::string& user_id) {
  return tx.Rows(
      "SELECT w.id, w.slug, w.name, w.language, w.created_at, w.page_name, w.page_avatar, "
      "m.role FROM workspaces w JOIN memberships m ON m.workspace_id = w.id WHERE m.user_id = ? "
      "ORDER BY w.name, w.id",
      {user_id}, [](const Row& r) { return std::make_pair(ReadWorkspace(r), r.Text(7)); });
}

std::optional<std::string> FindRole(Tx& tx, const std::string& workspace_id,
                                    const std::string& user_id) {
  return tx.First("SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?",
                  {workspace_id, user_id}, [](const Row& r) { return r.Text(0); });
}

void InsertMembership(Tx& tx, const std::string& workspace_id, const std::string& user_id,
                      const std::string& role, TimeMs now) {
  tx.Exec("INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
          {workspace_id, user_id, role, now});
}

void UpdateMembershipRole(Tx& tx, const std::string& workspace_id, const std::string& user_id,
                          const std::string& role) {
  tx.Exec("UPDATE memberships SET role = ? WHERE workspace_id = ? AND user_id = ?",
          {role, workspace_id, user_id});
}

void DeleteMembership(Tx& tx, const std::string& workspace_id, const std::string& user_id) {
  tx.Exec(
      "DELETE FROM team_members WHERE user_id = ? AND team_id IN "
      "(SELECT id FROM teams WHERE workspace_id = ?)",
      {user_id, workspace_id});
  tx.Exec("DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?",
          {workspace_id, user_id});
}

std::vector<MemberRecord> ListMembers(Tx& tx, const std::string& workspace_id) {
  return tx.Rows(
      "SELECT u.id, u.email, u.name, m.role, m.created_at FROM memberships m "
      "JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? ORDER BY u.name, u.id",
      {workspace_id}, ReadMember);
}

std::optional<MemberRecord> FindMember(Tx& tx, const std::string& workspace_id,
                                       const std::string& user_id) {
  return tx.First(
      "SELECT u.id, u.email, u.name, m.role, m.created_at FROM memberships m "
      "JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? AND m.user_id = ?",
      {workspace_id, user_id}, ReadMember);
}

std::int64_t CountOwners(Tx& tx, const std::string& workspace_id) {
  return tx.Scalar("SELECT COUNT(*) FROM memberships WHERE workspace_id = ? AND role = 'owner'",
                   {workspace_id});
}

void InsertInvitation(Tx& tx, const InvitationRecord& inv, const std::string& token_hash) {
  tx.Exec(
      "INSERT INTO invitations (id, token_hash, workspace_id, email, role, invited_by, "
      "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {inv.id, token_hash, inv.workspace_id, inv.email, inv.role, inv.invited_by, inv.created_at,
       inv.expires_at});
}

std::optional<InvitationRecord> FindInvitationByHash(Tx& tx, const std::string& token_hash) {
  static const std::string sql =
      std::string("SELECT ") + kInvitationColumns + " FROM invitations WHERE token_hash = ?";
  return tx.First(sql, {token_hash}, ReadInvitation);
}

void MarkInvitationAccepted(Tx& tx, const std::string& id, TimeMs now) {
  tx.Exec("UPDATE invitations SET accepted_at = ? WHERE id = ?", {now, id});
}

std::vector<InvitationRecord> ListPendingInvitations(Tx& tx, const std::string& workspace_id,
                                                     TimeMs now) {
  static const std::string sql =
      std::string("SELECT ") + kInvitationColumns +
      " FROM invitations WHERE workspace_id = ? AND accepted_at IS NULL AND expires_at > ? "
      "ORDER BY created_at DESC";
  return tx.Rows(sql, {workspace_id, now}, ReadInvitation);
}

void InsertTeam(Tx& tx, const TeamRecord& team, const std::string& name_key) {
  tx.Exec("INSERT INTO teams (id, workspace_id, name, name_key, created_at) VALUES (?, ?, ?, ?, ?)",
          {team.id, team.workspace_id, team.name, name_key, team.created_at});
}

void RenameTeam(Tx& tx, const std::string& id, const std::string& name,
                const std::string& name_key) {
  tx.Exec("UPDATE teams SET name = ?, name_key = ? WHERE id = ?", {name, name_key, id});
}

void DeleteTeam(Tx& tx, const std::string& id) {
  tx.Exec("DELETE FROM teams WHERE id = ?", {id});
}

std::optional<TeamRecord> FindTeam(Tx& tx, const std::string& workspace_id, const std::string& id) {
  auto team = tx.First(
      "SELECT id, workspace_id, name, created_at FROM teams WHERE workspace_id = ? AND id = ?",
      {workspace_id, id}, [](const Row& r) {
        return TeamRecord{r.Text(0), r.Text(1), r.Text(2), r.Int(3), {}};
      });
  if (team) {
    team->member_ids =
        tx.Rows("SELECT user_id FROM team_members WHERE team_id = ? ORDER BY user_id", {id},
                [](const Row& r) { return r.Text(0); });
  }
  return team;
}

std::vector<TeamRecord> ListTeams(Tx& tx, const std::string& workspace_id) {
  auto teams = tx.Rows(
      "SELECT id, workspace_id, name, created_at FROM teams WHERE workspace_id = ? "
      "ORDER BY name_key, id",
      {workspace_id}, [](const Row& r) {
        return TeamRecord{r.Text(0), r.Text(1), r.Text(2), r.Int(3), {}};
      });
  std::map<std::string, TeamRecord*> by_id;
  for (auto& t : teams) by_id[t.id] = &t;
  tx.Query(
      "SELECT tm.team_id, tm.user_id FROM team_members tm JOIN teams t ON t.id = tm.team_id "
      "WHERE t.workspace_id = ? ORDER BY tm.user_id",
      {workspace_id}, [&](const Row& r) {
        if (auto it = by_id.find(r.Text(0)); it != by_id.end()) {
          it->second->member_ids.push_back(r.Text(1));
        }
      });
  return teams;
}

void SetTeamMembers(Tx& tx, const std::string& team_id, const std::vector<std::string>& user_ids) {
  tx.Exec("DELETE FROM team_members WHERE team_id = ?", {team_id});
  for (const auto& user_id : user_ids) {
    tx.Exec("INSERT INTO team_members (team_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            {team_id, user_id});
  }
}

}  // namespace copydesk::storage

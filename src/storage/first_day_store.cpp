#include "storage/first_day_store.hpp"

namespace copydesk::storage {

namespace {

PasswordResetRecord ReadReset(const Row& r) {
  return {r.Text(0), r.Text(1), r.OptText(2), r.Int(3), r.Int(4), r.OptInt(5)};
}

InvitationRecord ReadInvitation(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5), r.Int(6), r.OptInt(7)};
}

constexpr const char* kInvitationSelect =
    "SELECT id, workspace_id, email, role, invited_by, created_at, expires_at, accepted_at "
    "FROM invitations ";

}  // namespace

void InsertPasswordReset(Tx& tx, const PasswordResetRecord& reset, const std::string& token_hash) {
  tx.Exec(
      "INSERT INTO password_resets (id, token_hash, user_id, created_by, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {reset.id, token_hash, reset.user_id, Nullable(reset.created_by), reset.created_at,
       reset.expires_at});
}

std::optional<PasswordResetRecord> FindPasswordResetByHash(Tx& tx, const std::string& token_hash) {
  return tx.First(
      "SELECT id, user_id, created_by, created_at, expires_at, used_at FROM password_resets "
      "WHERE token_hash = ?",
      {token_hash}, ReadReset);
}

void UsePasswordResets(Tx& tx, const std::string& user_id, TimeMs now) {
  tx.Exec("UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
          {now, user_id});
}

void EnqueuePasswordResetMail(Tx& tx, const std::string& reset_id, const std::string& secret,
                              TimeMs now) {
  tx.Exec(
      "INSERT INTO password_reset_mail (reset_id, secret, created_at, next_attempt_at) "
      "VALUES (?, ?, ?, ?)",
      {reset_id, secret, now, now});
}

std::vector<QueuedResetMail> DueResetMails(Tx& tx, TimeMs now, int limit) {
  return tx.Rows(
      "SELECT m.reset_id, coalesce(m.secret, ''), u.email, u.name, u.language, m.created_at, "
      "r.expires_at, r.used_at, m.attempts FROM password_reset_mail m "
      "JOIN password_resets r ON r.id = m.reset_id JOIN users u ON u.id = r.user_id "
      "WHERE m.sent_at IS NULL AND m.dropped_at IS NULL AND m.next_attempt_at <= ? "
      "ORDER BY m.created_at LIMIT ?",
      {now, std::int64_t{limit}}, [](const Row& r) {
        return QueuedResetMail{r.Text(0), r.Text(1), r.Text(2),   r.Text(3), r.Text(4),
                               r.Int(5),  r.Int(6),  r.OptInt(7), r.Int(8)};
      });
}

void MarkResetMailSent(Tx& tx, const std::string& reset_id, TimeMs now) {
  tx.Exec(
      "UPDATE password_reset_mail SET sent_at = ?, secret = NULL, attempts = attempts + 1 "
      "WHERE reset_id = ?",
      {now, reset_id});
}

void MarkResetMailFailed(Tx& tx, const std::string& reset_id, TimeMs next_attempt_at,
                         const std::string& error) {
  tx.Exec(
      "UPDATE password_reset_mail SET attempts = attempts + 1, next_attempt_at = ?, "
      "last_error = ? WHERE reset_id = ?",
      {next_attempt_at, error, reset_id});
}

void MarkResetMailDropped(Tx& tx, const std::string& reset_id, TimeMs now) {
  tx.Exec("UPDATE password_reset_mail SET dropped_at = ?, secret = NULL WHERE reset_id = ?",
          {now, reset_id});
}

void PutInvitationShare(Tx& tx, const InvitationShareRecord& share) {
  tx.Exec(
      "INSERT INTO invitation_shares (invitation_id, content_id, level, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (invitation_id, content_id) DO UPDATE SET "
      "level = excluded.level",
      {share.invitation_id, share.content_id, share.level, share.created_by, share.created_at});
}

std::vector<InvitationShareRecord> ListInvitationShares(Tx& tx, const std::string& invitation_id) {
  return tx.Rows(
      "SELECT invitation_id, content_id, level, created_by, created_at FROM invitation_shares "
      "WHERE invitation_id = ? ORDER BY created_at",
      {invitation_id}, [](const Row& r) {
        return InvitationShareRecord{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4)};
      });
}

std::optional<InvitationRecord> FindPendingInvitation(Tx& tx, const std::string& workspace_id,
                                                      const std::string& email, TimeMs now) {
  static const std::string sql =
      std::string(kInvitationSelect) +
      "WHERE workspace_id = ? AND email = ? AND accepted_at IS NULL AND expires_at > ? "
      "ORDER BY created_at DESC LIMIT 1";
  return tx.First(sql, {workspace_id, email, now}, ReadInvitation);
}

std::optional<InvitationRecord> FindInvitation(Tx& tx, const std::string& workspace_id,
                                               const std::string& id) {
  static const std::string sql =
      std::string(kInvitationSelect) + "WHERE workspace_id = ? AND id = ?";
  return tx.First(sql, {workspace_id, id}, ReadInvitation);
}

void DeleteInvitation(Tx& tx, const std::string& id) {
  tx.Exec("DELETE FROM invitations WHERE id = ?", {id});
}

FirstStepsFacts ReadFirstSteps(Tx& tx, const std::string& workspace_id, const std::string& user_id,
                               TimeMs now) {
  FirstStepsFacts f;
  f.members = tx.Scalar("SELECT COUNT(*) FROM memberships WHERE workspace_id = ?", {workspace_id});
  f.pending_invitations = tx.Scalar(
      "SELECT COUNT(*) FROM invitations WHERE workspace_id = ? AND accepted_at IS NULL "
      "AND expires_at > ?",
      {workspace_id, now});
  f.teams_with_members = tx.Scalar(
      "SELECT COUNT(*) FROM teams t WHERE t.workspace_id = ? AND EXISTS "
      "(SELECT 1 FROM team_members m WHERE m.team_id = t.id)",
      {workspace_id});
  f.contents = tx.Scalar("SELECT COUNT(*) FROM contents WHERE workspace_id = ?", {workspace_id});
  f.gates =
      tx.Rows("SELECT gate_teams FROM statuses WHERE workspace_id = ? AND gate_teams IS NOT NULL",
              {workspace_id}, [](const Row& r) { return r.OptText(0); });
  tx.Query(
      "SELECT workflow_seen_at, dismissed_at FROM first_steps WHERE workspace_id = ? AND "
      "user_id = ?",
      {workspace_id, user_id}, [&](const Row& r) {
        f.workflow_seen_at = r.OptInt(0);
        f.dismissed_at = r.OptInt(1);
      });
  return f;
}

bool TeamHasMembers(Tx& tx, const std::string& team_id) {
  return tx.Scalar("SELECT COUNT(*) FROM team_members WHERE team_id = ?", {team_id}) > 0;
}

void SaveFirstSteps(Tx& tx, const std::string& workspace_id, const std::string& user_id,
                    std::optional<TimeMs> workflow_seen_at, std::optional<TimeMs> dismissed_at,
                    bool clear_dismissed) {
  tx.Exec(
      "INSERT INTO first_steps (workspace_id, user_id) VALUES (?, ?) "
      "ON CONFLICT (workspace_id, user_id) DO NOTHING",
      {workspace_id, user_id});
  if (workflow_seen_at) {
    tx.Exec(
        "UPDATE first_steps SET workflow_seen_at = coalesce(workflow_seen_at, ?) "
        "WHERE workspace_id = ? AND user_id = ?",
        {*workflow_seen_at, workspace_id, user_id});
  }
  if (dismissed_at || clear_dismissed) {
    tx.Exec("UPDATE first_steps SET dismissed_at = ? WHERE workspace_id = ? AND user_id = ?",
            {Nullable(dismissed_at), workspace_id, user_id});
  }
}

}  // namespace copydesk::storage

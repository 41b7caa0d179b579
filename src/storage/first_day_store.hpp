#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::storage {

//! A password reset link as stored (its secret only as a hash).
struct PasswordResetRecord {
  std::string id;
  std::string user_id;
  std::optional<std::string> created_by;  //!< nullopt: the person asked for it
  TimeMs created_at = 0;
  TimeMs expires_at = 0;
  std::optional<TimeMs> used_at;
};

//! Adds a reset link under the hash of its secret.
void InsertPasswordReset(Tx& tx, const PasswordResetRecord& reset, const std::string& token_hash);
//! The reset link for a secret's hash, whatever its state.
std::optional<PasswordResetRecord> FindPasswordResetByHash(Tx& tx, const std::string& token_hash);
//! Marks every unused reset link of a user used (one was used, or the password changed).
void UsePasswordResets(Tx& tx, const std::string& user_id, TimeMs now);

//! Queues the e-mail of a reset link the person asked for; `secret` is cleared once handled.
void EnqueuePasswordResetMail(Tx& tx, const std::string& reset_id, const std::string& secret,
                              TimeMs now);
//! A queued reset e-mail with what it needs.
struct QueuedResetMail {
  std::string reset_id;
  std::string secret;
  std::string email;
  std::string name;
  std::string language;
  TimeMs created_at = 0;
  TimeMs expires_at = 0;
  std::optional<TimeMs> used_at;
  std::int64_t attempts = 0;
};
//! Queued reset e-mails due at `now`, oldest first.
std::vector<QueuedResetMail> DueResetMails(Tx& tx, TimeMs now, int limit);
//! Marks a reset e-mail sent and forgets its secret.
void MarkResetMailSent(Tx& tx, const std::string& reset_id, TimeMs now);
//! Records a failed attempt and when to try again.
void MarkResetMailFailed(Tx& tx, const std::string& reset_id, TimeMs next_attempt_at,
                         const std::string& error);
//! Gives a reset e-mail up (link expired or used) and forgets its secret.
void MarkResetMailDropped(Tx& tx, const std::string& reset_id, TimeMs now);

//! A content waiting for an invitation to be accepted.
struct InvitationShareRecord {
  std::string invitation_id;
  std::string content_id;
  std::string level;
  std::string created_by;
  TimeMs created_at = 0;
};
//! Adds (or changes the level of) the share waiting on an invitation.
void PutInvitationShare(Tx& tx, const InvitationShareRecord& share);
//! The shares waiting on an invitation.
std::vector<InvitationShareRecord> ListInvitationShares(Tx& tx, const std::string& invitation_id);

//! The pending invitation of `email` to a workspace, if any (the newest).
std::optional<InvitationRecord> FindPendingInvitation(Tx& tx, const std::string& workspace_id,
                                                      const std::string& email, TimeMs now);
//! The invitation with this id in this workspace.
std::optional<InvitationRecord> FindInvitation(Tx& tx, const std::string& workspace_id,
                                               const std::string& id);
//! Deletes an invitation (and the shares waiting on it).
void DeleteInvitation(Tx& tx, const std::string& id);

//! What the first steps of a workspace read from its data.
struct FirstStepsFacts {
  std::int64_t members = 0;
  std::int64_t pending_invitations = 0;
  std::int64_t teams_with_members = 0;
  std::int64_t contents = 0;
  std::vector<std::optional<std::string>> gates;  //!< gate_teams of each gated status
  std::optional<TimeMs> workflow_seen_at;         //!< by this admin
  std::optional<TimeMs> dismissed_at;             //!< by this admin
};
//! Reads the facts of a workspace's first steps, for `user_id`.
FirstStepsFacts ReadFirstSteps(Tx& tx, const std::string& workspace_id, const std::string& user_id,
                               TimeMs now);
//! True when a team of the workspace has this id and at least one member.
bool TeamHasMembers(Tx& tx, const std::string& team_id);
//! Records that `user_id` looked at the workflow and/or dismissed the guide.
void SaveFirstSteps(Tx& tx, const std::string& workspace_id, const std::string& user_id,
                    std::optional<TimeMs> workflow_seen_at, std::optional<TimeMs> dismissed_at,
                    bool clear_dismissed);

}  // namespace copydesk::storage

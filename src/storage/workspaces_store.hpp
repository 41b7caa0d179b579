#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! A workspace ("desk") as stored.
struct WorkspaceRecord {
  std::string id;
  std::string slug;
  std::string name;
  std::string language;
  TimeMs created_at = 0;
  //! The page previews show as a post's author; none: the workspace's name.
  std::optional<std::string> page_name;
  //! A media file of its library shown as the page's avatar; none: initials.
  std::optional<std::string> page_avatar;
};

//! A person's membership of a workspace, with their account's public fields.
struct MemberRecord {
  std::string user_id;
  std::string email;
  std::string name;
  std::string role;
  TimeMs joined_at = 0;
};

//! A pending invitation to join a workspace (its secret is never stored).
struct InvitationRecord {
  std::string id;
  std::string workspace_id;
  std::string email;
  std::string role;
  std::string invited_by;
  TimeMs created_at = 0;
  TimeMs expires_at = 0;
  std::optional<TimeMs> accepted_at;
};

//! A team of a workspace with its members' ids.
struct TeamRecord {
  std::string id;
  std::string workspace_id;
  std::string name;
  TimeMs created_at = 0;
  std::vector<std::string> member_ids;
};

//! Adds a workspace; throws StorageError(kUnique) when the slug is taken.
void InsertWorkspace(Tx& tx, const WorkspaceRecord& ws);
//! True when a workspace already uses this slug.
bool SlugTaken(Tx& tx, const std::string& slug);
//! The workspace with this id or slug.
std::optional<WorkspaceRecord> FindWorkspace(Tx& tx, const std::string& id_or_slug);
//! Renames a workspace and sets its language.
void UpdateWorkspace(Tx& tx, const std::string& id, const std::string& name,
                     const std::string& language, TimeMs now);
//! Sets the page identity previews show (none: the workspace's name; no avatar).
void UpdateWorkspacePage(Tx& tx, const std::string& id, const std::optional<std::string>& name,
                         const std::optional<std::string>& avatar, TimeMs now);
//! The workspaces a user belongs to, with their role, by name.
std::vector<std::pair<WorkspaceRecord, std::string>> ListWorkspacesOfUser(
    Tx& tx, const std::string& user_id);

//! The role of a user in a workspace, when a member.
std::optional<std::string> FindRole(Tx& tx, const std::string& workspace_id,
                                    const std::string& user_id);
//! Adds a member.
void InsertMembership(Tx& tx, const std::string& workspace_id, const std::string& user_id,
                      const std::string& role, TimeMs now);
//! Changes a member's role.
void UpdateMembershipRole(Tx& tx, const std::string& workspace_id, const std::string& user_id,
                          const std::string& role);
//! Removes a member and their team memberships in this workspace.
void DeleteMembership(Tx& tx, const std::string& workspace_id, const std::string& user_id);
//! The members of a workspace, by name.
std::vector<MemberRecord> ListMembers(Tx& tx, const std::string& workspace_id);
//! One member of a workspace.
std::optional<MemberRecord> FindMember(Tx& tx, const std::string& workspace_id,
                                       const std::string& user_id);
//! Number of owners of a workspace.
std::int64_t CountOwners(Tx& tx, const std::string& workspace_id);

//! Adds an invitation under the hash of its secret.
void InsertInvitation(Tx& tx, const InvitationRecord& inv, const std::string& token_hash);
//! The invitation for a secret's hash.
std::optional<InvitationRecord> FindInvitationByHash(Tx& tx, const std::string& token_hash);
//! Marks an invitation used.
void MarkInvitationAccepted(Tx& tx, const std::string& id, TimeMs now);
//! Pending invitations of a workspace.
std::vector<InvitationRecord> ListPendingInvitations(Tx& tx, const std::string& workspace_id,
                                                     TimeMs now);

//! Adds a team; throws StorageError(kUnique) when the folded name is taken.
void InsertTeam(Tx& tx, const TeamRecord& team, const std::string& name_key);
//! Renames a team; throws StorageError(kUnique) when the folded name is taken.
void RenameTeam(Tx& tx, const std::string& id, const std::string& name,
                const std::string& name_key);
//! Deletes a team.
void DeleteTeam(Tx& tx, const std::string& id);
//! The team with this id in this workspace.
std::optional<TeamRecord> FindTeam(Tx& tx, const std::string& workspace_id, const std::string& id);
//! The teams of a workspace, by name, with their members.
std::vector<TeamRecord> ListTeams(Tx& tx, const std::string& workspace_id);
//! Replaces a team's members.
void SetTeamMembers(Tx& tx, const std::string& team_id, const std::vector<std::string>& user_ids);

}  // namespace copydesk::storage
